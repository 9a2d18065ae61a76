/**
 * Reads plans laid out as tables, whatever the columns are called and in whatever order: each
 * column gets a role from its header (exact vocabulary, then keywords) or, failing that, from what
 * its cells hold; rows then become recommendations and actions. Tables that continue one another
 * (a PDF table over pages, a Word table split by a page break) are read as one.
 */
import type { Block, PrintedLine, SourceRef, TableBlock } from "../document/document.model.js";
import { type GridCell, tableGrid } from "../document/document.grid.js";
import {
  type ColumnRole,
  looksLikeHeaderRow,
  mapHeader,
  normaliseHeaderCell,
  roleOfHeaderCell,
} from "../parsers/columns.js";
import { matchTrailingStatus, parseStatus } from "../normalise/status.normaliser.js";
import { isUnknownStatusText } from "../normalise/status.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { placement, profileCell, scoredLead, scoredStatus, scoredTarget, wordCount } from "./field.evidence.js";
import { type Candidate, cleanLines, PlanBuilder } from "./plan.builder.js";
import { keywordRole, maxHeaderWords } from "./header-cell.js";
import { actionMarker, recommendationNumbering, referenceCell, subNumbering } from "./reader.lexicon.js";
import { statusColourName } from "./cell-colour.js";
import { isDataRow, profileColumns } from "./column-profile.js";
import { packedValues, type PackedKind } from "./packed-values.js";

type Grid = (GridCell | null)[][];

interface ColumnPlan {
  roles: (ColumnRole | null)[];
  /** Placement confidence per column (header, keyword or content). */
  where: number[];
  /** Columns whose header names something the plan does not hold (success measures, resources). */
  excluded: boolean[];
  labels: string[];
  /** Index of the header row in the grid; -1 when the table prints none. */
  headerRow: number;
  /** Columns the header names, for the plan's structural evidence. */
  named: number;
}

/** Rows searched for a header: titles, notes and page furniture sit above it in sheets and CSV exports. */
const headerSearchRows = 30;

function cellText(cell: GridCell | null | undefined): string {
  return cell ? cleanText(cell.cell.text) : "";
}

/** A row holding a date, a status or a printed number is data, whatever words its cells share with headers. */
function holdsData(labels: readonly string[]): boolean {
  return labels.some((label) => {
    if (label === "" || roleOfHeaderCell(label) !== null) return false;
    const p = profileCell(label);
    return p.date || p.status || (p.reference && /\d/.test(label));
  });
}

function readHeader(row: (GridCell | null)[], rowIndex: number, hinted: boolean): ColumnPlan & { score: number } {
  const labels = row.map(cellText);
  const exact = mapHeader(labels);
  const roles: (ColumnRole | null)[] = [];
  const where: number[] = [];
  const excluded: boolean[] = [];
  let named = 0;
  let score = 0;
  labels.forEach((label, i) => {
    excluded.push(false);
    const fromExact = exact?.roles[i] ?? roleOfHeaderCell(label);
    if (fromExact) {
      roles.push(fromExact);
      where.push(placement.header);
      named++;
      score += 1;
      return;
    }
    const byKeyword = keywordRole(label);
    if (byKeyword === null) excluded[i] = true;
    if (byKeyword) {
      roles.push(byKeyword);
      where.push(placement.keyword);
      named++;
      score += 0.8;
      return;
    }
    roles.push(null);
    where.push(placement.content);
    if (label !== "" && wordCount(label) > maxHeaderWords) score -= 1;
  });
  // The first column wins a role printed twice ("Target date", "Revised date").
  const seen = new Set<ColumnRole>();
  roles.forEach((role, i) => {
    if (role === null) return;
    if (seen.has(role)) roles[i] = null;
    else seen.add(role);
  });
  return { roles, where, excluded, labels, headerRow: rowIndex, named, score: score + (hinted ? 0.5 : 0) };
}

function findHeader(table: TableBlock, grid: Grid): ColumnPlan | null {
  let best: (ColumnPlan & { score: number }) | null = null;
  for (let r = 0; r < Math.min(headerSearchRows, grid.length); r++) {
    if (holdsData(grid[r]!.map(cellText))) continue;
    const plan = readHeader(grid[r]!, r, table.rows[r]?.header ?? false);
    const planColumns = plan.roles.filter((role) => role !== null && role !== "themeLabel").length;
    if (planColumns < 2 || plan.score < 1.6) continue;
    if (!best || plan.score > best.score) best = plan;
  }
  return best;
}

/** Bullet or number at the start of a line inside a cell: several items packed in one cell. */
const itemStart = /^(?:[•▪◦●‣·*\-–]\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+|\([a-z0-9]{1,4}\)\s+)/iu;

/** A cell's items: each bulleted or numbered line with the lines after it; the whole cell when it holds fewer than two. */
export function splitItems(text: string): string[] {
  const lines = cleanLines(text)
    .split("\n")
    .filter((l) => l !== "");
  const starts = lines.filter((l) => itemStart.test(l)).length;
  if (starts < 2) return lines.length === 0 ? [] : [lines.join("\n")];
  const first = lines.findIndex((l) => itemStart.test(l));
  // "…, including:" then bullets: the bullets are one action's parts, not actions of their own.
  if (first > 0 && /:\s*$/.test(lines[first - 1]!)) return [lines.join("\n")];
  const items: string[][] = first > 0 ? [lines.slice(0, first)] : [];
  for (const line of lines.slice(first)) {
    if (itemStart.test(line) || items.length === 0) items.push([line.replace(itemStart, "")]);
    else items.at(-1)!.push(line);
  }
  return items.map((item) => item.join("\n"));
}

function fieldLines(text: string): string[] {
  return cleanLines(text)
    .split("\n")
    .map((line) => line.replace(itemStart, ""))
    .filter((line) => line !== "");
}

interface RowCells {
  get(
    role: ColumnRole,
  ): { text: string; origin: boolean; where: number; source: SourceRef; lines?: readonly PrintedLine[] } | null;
}

function rowCells(row: (GridCell | null)[], plan: ColumnPlan): RowCells {
  return {
    get(role) {
      const c = plan.roles.indexOf(role);
      if (c === -1) return null;
      const cell = row[c];
      if (!cell) return { text: "", origin: true, where: plan.where[c]!, source: { line: 0 } };
      const text = cell.cell.text;
      // A status column's empty cell filled with a colour: the colour is the status.
      if (role === "status" && cleanText(text) === "") {
        const colour = statusColourName(cell.cell.fill);
        if (colour) return { text: colour, origin: cell.origin, where: placement.content, source: cell.cell.source };
      }
      return { text, origin: cell.origin, where: plan.where[c]!, source: cell.cell.source, lines: cell.cell.lines };
    },
  };
}

function splitTargetAndStatus(text: string): { target: string | null; status: string | null } {
  const targets: string[] = [];
  const statuses: string[] = [];
  for (const line of cleanLines(text).split("\n")) {
    if (line === "") continue;
    const whole = parseStatus(line);
    if (!isUnknownStatusText(whole) && (whole.status !== "UNKNOWN" || whole.rag !== null)) {
      statuses.push(line);
      continue;
    }
    const trailing = matchTrailingStatus(line);
    if (trailing) {
      statuses.push(trailing.status);
      if (trailing.rest.trim() !== "") targets.push(trailing.rest.replace(/[\s,;:–—-]+$/u, ""));
    } else targets.push(line);
  }
  return { target: targets.length ? targets.join(" ") : null, status: statuses.length ? statuses.join(" ") : null };
}

/** What a table continued from the one before needs to know: the recommendation its first rows belong to. */
interface Continuation {
  recText: string | null;
  ref: string | null;
}

/** Reads one table into `builder`; returns the recommendations it started (0: not a plan table). */
function readTable(
  grid: Grid,
  plan: ColumnPlan,
  builder: PlanBuilder,
  themeLabel: string | null,
  where: string,
  carry: Continuation,
): number {
  const first = plan.headerRow + 1;
  profileColumns(plan, grid, first, placement.content);
  const has = (role: ColumnRole) => plan.roles.includes(role);
  if (!has("recommendation") && !has("action")) return 0;
  let read = 0;
  const labelsKey = plan.labels.join("\t");
  let currentRecText = carry.recText;
  let currentRef = carry.ref;
  let section = themeLabel;
  // A sheet or CSV export holds the whole page: title, notes, key and furniture lines sit in its first
  // column above and below the rows of the plan. Lines outside the body are never recommendations
  // unless numbered as one.
  let firstData = grid.length;
  let lastData = -1;
  for (let r = first; r < grid.length; r++)
    if (isDataRow(grid[r]!)) {
      firstData = Math.min(firstData, r);
      lastData = r;
    }
  if (lastData === -1) {
    firstData = first;
    lastData = grid.length;
  }

  for (let r = first; r < grid.length; r++) {
    const row = grid[r]!;
    const shown = row.map(cellText);
    const filled = shown.filter((t, c) => t !== "" && row[c]!.origin);
    if (filled.length === 0) continue;
    // A header printed again (each page of a PDF, each table of a Word document).
    if (shown.join("\t") === labelsKey || looksLikeHeaderRow(shown)) continue;
    const cells = rowCells(row, plan);
    const rowSource: SourceRef = row.find((c) => c)?.cell.source ?? { line: 0 };

    // A row with one cell across the table is a section heading (a theme) or a numbered recommendation.
    const distinct = new Set(row.filter((c) => c && cellText(c) !== "").map((c) => c!.cell));
    if (distinct.size === 1 && row.length > 2) {
      const only = filled[0]!;
      const numbered = recommendationNumbering.exec(only);
      const spansAll = [...distinct][0]!.colSpan >= row.length - 1;
      if (numbered && wordCount(numbered[4] ?? "") >= 4) {
        builder.startRecommendation({
          reference: numbered[1] ?? numbered[2] ?? numbered[3] ?? null,
          text: numbered[4]!,
          themeLabel: section,
          source: rowSource,
          why: `${where}, row ${r + 1}: one cell across the table, numbered as a recommendation`,
        });
        currentRecText = null;
        currentRef = null;
        continue;
      }
      const onlyColumn = row.findIndex((c) => c && cellText(c) !== "");
      const onlyRole = plan.roles[onlyColumn] ?? null;
      const outside = r < firstData || r > lastData;
      // A line in the reference column that is no reference, or a bulleted line on its own, is a note or furniture.
      const misplaced = (onlyRole === "reference" && !referenceCell.test(only)) || /^[•▪◦●‣·*]/u.test(only);
      if (outside || misplaced) {
        if (r < firstData && !misplaced && wordCount(only) <= 12) section = only;
        continue;
      }
      // A lone cell in the action (or a field) column is one more action of the recommendation above.
      const sectionColumn =
        onlyRole === null || onlyRole === "themeLabel" || onlyRole === "recommendation" || onlyRole === "title";
      if (spansAll || (sectionColumn && wordCount(only) <= 12)) {
        const recCell = cells.get("recommendation");
        const isRecCell = recCell && recCell.origin && cleanText(recCell.text) === only;
        if (!isRecCell || spansAll) {
          section = only;
          continue;
        }
      }
    }

    const refCell = cells.get("reference");
    let ref = refCell && refCell.origin ? cellText(row[plan.roles.indexOf("reference")]) : "";
    const recCell = cells.get("recommendation");
    let recText = recCell && recCell.origin ? cleanLines(recCell.text) : "";
    // "R3: Develop …" in the recommendation cell of a table with no reference column.
    if (ref === "" && recText !== "" && !has("reference")) {
      const numbered = recommendationNumbering.exec(recText);
      if (numbered && wordCount(numbered[4] ?? "") >= 3 && !subNumbering.test(recText)) {
        ref = numbered[1] ?? numbered[2] ?? numbered[3] ?? "";
        recText = numbered[4]!;
      }
    }
    const refDepth = ref.split(".").length;
    const subReference = referenceCell.test(ref) && refDepth > 1 && ref.split(".").every((p) => p !== "");

    const startsRec =
      (recText !== "" && recText !== currentRecText) ||
      (ref !== "" && !subReference && ref !== currentRef) ||
      builder.current === undefined;
    if (startsRec && (recText !== "" || ref !== "" || !has("recommendation"))) {
      const title = cells.get("title");
      const position = cells.get("position");
      const accountable = cells.get("accountable");
      const responsible = cells.get("responsible");
      const theme = cells.get("themeLabel");
      builder.startRecommendation({
        reference: ref !== "" ? (referenceCell.exec(ref)?.[1] ?? ref) : null,
        title: title && title.origin ? cleanLines(title.text) || null : null,
        text: recText !== "" ? recText : (cells.get("action")?.text ?? ""),
        textWhere: recCell?.where ?? placement.content,
        themeLabel: (theme && theme.origin ? cleanText(theme.text) : "") || section,
        position: position && position.origin ? cleanLines(position.text) || null : null,
        accountable: accountable && accountable.origin ? cleanText(accountable.text) || null : null,
        responsible: responsible && responsible.origin ? cleanText(responsible.text) || null : null,
        source: recCell?.source.line ? recCell.source : rowSource,
        why: `${where}, row ${r + 1}: ${recText !== "" ? `the "${plan.labels[plan.roles.indexOf("recommendation")] || "recommendation"}" column starts a new recommendation` : `reference ${ref} starts a new recommendation`}`,
      });
      currentRecText = recText !== "" ? recText : null;
      currentRef = ref !== "" ? ref : null;
      read++;
    }
    const rec = builder.current;
    if (!rec) continue;

    // The action text: its own column; else the council's position/response; else the recommendation itself.
    const actionCell = cells.get("action") ?? cells.get("position");
    let actionTexts: string[];
    let actionWhere: number;
    let actionSource: SourceRef;
    let actionColumn: string;
    if (actionCell) {
      if (!actionCell.origin && !startsRec) continue;
      // A packed item's own number after its bullet ("• 1. Agree …") is a marker too, not its words.
      actionTexts = splitItems(actionCell.text).map((text) =>
        text.replace(itemStart, "").replace(subNumbering, "").replace(actionMarker, ""),
      );
      actionWhere = actionCell.where;
      actionSource = actionCell.source.line ? actionCell.source : rowSource;
      actionColumn = plan.labels[plan.roles.indexOf(cells.get("action") ? "action" : "position")] || "action";
    } else {
      const hasFields = ["lead", "target", "status", "targetAndStatus"].some((role) => {
        const cell = cells.get(role as ColumnRole);
        return cell !== null && cleanText(cell.text) !== "";
      });
      if (!startsRec || !hasFields) continue;
      actionTexts = [rec.text];
      actionWhere = placement.inline;
      actionSource = rowSource;
      actionColumn = "recommendation (the table has no action column)";
    }
    if (actionTexts.length === 0) continue;

    const leadCell = cells.get("lead") ?? cells.get("responsible") ?? cells.get("accountable");
    const targetCell = cells.get("target");
    const statusCell = cells.get("status");
    const combined = cells.get("targetAndStatus");
    const updateCell = cells.get("update");
    const split = combined ? splitTargetAndStatus(combined.text) : null;
    const per = (
      cell: { text: string; lines?: readonly PrintedLine[] } | null,
      n: number,
      kind: PackedKind,
    ): (string | null)[] => {
      if (!cell) return Array<string | null>(n).fill(null);
      const packed = cell.lines && n > 1 ? packedValues(cell.lines, n, kind) : null;
      if (packed)
        return packed.map((value) => (value === null ? null : cleanText(value.replace(itemStart, "")) || null));
      // One line per packed action, an empty line for an action with no value; else one per non-empty line.
      // A cell with exactly one line per action, blank ones included, is read line for line; some
      // readers drop a cell's trailing blank lines, so fewer lines than actions are the first actions'.
      const all = cell.text.split("\n");
      const positional = all.length === n ? all : cell.text.replace(/\n+$/, "").split("\n");
      if (n > 1 && positional.length > 1 && positional.length <= n)
        return Array.from({ length: n }, (_, i) => cleanText((positional[i] ?? "").replace(itemStart, "")) || null);
      const lines = fieldLines(cell.text);
      if (n > 1 && lines.length === n) return lines;
      const whole = cleanLines(cell.text);
      return Array<string | null>(n).fill(whole === "" ? null : whole.replace(/\n/g, " "));
    };
    const n = actionTexts.length;
    const leads = per(leadCell, n, "lead");
    const targets = combined ? Array<string | null>(n).fill(split!.target) : per(targetCell, n, "target");
    const statuses = combined ? Array<string | null>(n).fill(split!.status) : per(statusCell, n, "status");
    const updates = updateCell
      ? Array<string | null>(n).fill(cleanLines(updateCell.text) || null)
      : Array<string | null>(n).fill(null);

    // A cell that names leads for some of its packed actions and not others leaves the others blank
    // on purpose: only an empty cell (a merged or blank row) takes the lead from above.
    const leadsBlankByItem = leads.some((lead) => lead !== null);
    actionTexts.forEach((text, i) => {
      let lead = leads[i] ?? null;
      let leadWhere = leadCell?.where ?? placement.absent;
      const above = rec.actions.at(-1)?.lead ?? null;
      if (lead === null && leadCell && above !== null && !leadsBlankByItem) {
        lead = above;
        leadWhere = placement.carried;
      }
      const targetWhere = (combined ?? targetCell)?.where ?? placement.absent;
      const statusWhere = (combined ?? statusCell)?.where ?? placement.absent;
      builder.addAction({
        text,
        textWhere: actionWhere,
        lead: scoredLead(lead, leadWhere),
        target: scoredTarget(targets[i] ?? null, targetWhere),
        status:
          statusCell || combined ? scoredStatus(statuses[i] ?? "", statusWhere) : scoredStatus(null, placement.absent),
        update: updates[i],
        source: actionSource,
        why: `${where}, row ${r + 1}: the "${actionColumn}" column${n > 1 ? `, item ${i + 1} of ${n} in the cell` : ""}`,
      });
    });
  }
  carry.recText = currentRecText;
  carry.ref = currentRef;
  return read;
}

/** The header of a later table matches, or it has none and the same width: the same table continued. */
function continues(previous: ColumnPlan, grid: Grid, header: ColumnPlan | null): boolean {
  const width = grid[0]?.length ?? 0;
  if (width !== previous.roles.length) return false;
  if (header === null) return true;
  return header.labels.map(normaliseHeaderCell).join("\t") === previous.labels.map(normaliseHeaderCell).join("\t");
}

/** Reads every plan table of the document; null when no table holds a plan. */
export function segmentTables(blocks: readonly Block[], title: string | null): Candidate | null {
  const builder = new PlanBuilder();
  let previous: ColumnPlan | null = null;
  let lastHeading: string | null = null;
  let headerRoles = 0;
  let tableNumber = 0;
  let read = 0;
  let firstTitle: string | null = null;
  let carry: Continuation = { recText: null, ref: null };
  for (const block of blocks) {
    if (block.kind === "heading") {
      lastHeading = cleanText(block.text);
      if (firstTitle === null && read === 0) firstTitle = lastHeading;
      continue;
    }
    if (block.kind !== "table") {
      if (firstTitle === null && read === 0 && block.kind === "paragraph" && wordCount(block.text) <= 12)
        firstTitle = cleanText(block.text);
      continue;
    }
    tableNumber++;
    const grid = tableGrid(block);
    if (grid.length === 0) continue;
    const header = findHeader(block, grid);
    let plan: ColumnPlan;
    const continued = previous !== null && continues(previous, grid, header);
    if (!continued) carry = { recText: null, ref: null };
    if (previous && continued) {
      plan = {
        ...previous,
        roles: [...previous.roles],
        where: [...previous.where],
        excluded: [...previous.excluded],
        headerRow: header ? header.headerRow : -1,
      };
    } else if (header) {
      plan = header;
    } else {
      const width = grid[0]!.length;
      plan = {
        roles: Array<ColumnRole | null>(width).fill(null),
        where: Array<number>(width).fill(placement.content),
        excluded: Array<boolean>(width).fill(false),
        labels: Array<string>(width).fill(""),
        headerRow: -1,
        named: 0,
      };
    }
    const n = readTable(
      grid,
      plan,
      builder,
      lastHeading && read > 0 ? lastHeading : null,
      `table ${tableNumber}`,
      carry,
    );
    if (n > 0 || (previous && plan.roles === previous.roles)) {
      previous = plan;
      headerRoles = Math.max(headerRoles, plan.named);
    }
    read += n;
    lastHeading = null;
  }
  if (builder.recommendations.length === 0) return null;
  return builder.candidate("TABLE", title ?? firstTitle, [], headerRoles);
}
