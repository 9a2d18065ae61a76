/**
 * A table copied from a web page or a PDF into plain text often arrives one cell per line: the
 * header's cells on consecutive lines (or no header at all), then each row's cells, a cell with
 * several lines (packed actions, wrapped text) on several lines, an empty cell as an empty line,
 * and a merged cell only once, so the rows under it have fewer lines. Cutting such a run into rows
 * of a fixed width shifts every row after the first merged or packed cell; instead each line is
 * profiled (a date? a status word? a name or post? prose? a number?) and the whole run is aligned
 * to the columns by dynamic programming, scoring each cell by how well its lines fit its column.
 * Without a header, the columns are inferred from the content: the repeating pattern of kinds that
 * aligns the most lines best.
 */
import type { TableBlock, TableCell, TableRow } from "../document/document.model.js";
import { type ColumnRole, mapHeader, roleOfHeaderCell } from "../parsers/columns.js";
import { cleanText } from "../normalise/text.normaliser.js";
import {
  bestKind,
  type ColumnKind,
  emptyFit,
  extraLineCost,
  isRecommendationColumn,
  kindOfRole,
  lineFit,
  type LineProfile,
  multiLine,
  profileLine,
} from "./column-roles.js";
import { keywordRole } from "./header-cell.js";
import { labelledField } from "./labelled-field.js";

/** A header has at least this many cells (fewer could be a heading and a sentence). */
const minColumns = 3;
const maxColumns = 12;
const maxHeaderCellWords = 6;
/** The most lines one cell may hold (a packed cell of many actions). */
const maxCellLines = 40;
/** A header-less table has at least this many rows before it counts as one. */
const minInferredRows = 3;
/** Lines of a region scored when choosing a header-less table's columns; the winner then reads it all. */
const inferenceLines = 400;
/** Tokens at a region's start tried as the first cell of a header-less table. */
const inferenceStarts = 80;
/** A header-less table's cells must mostly fit the columns inferred for them. */
const minGoodFitShare = 0.7;

/** A line that names a column the reader knows ("Lead officer", "Due date", "Ref"). */
function isKnownHeaderCell(line: string): boolean {
  const text = cleanText(line);
  return roleOfHeaderCell(text) !== null || keywordRole(text) !== undefined;
}

/**
 * A line that could be a header cell at all: a few words, not a sentence, not a labelled value
 * ("Who: Chief Executive"), not a value (a date, a status word, a number such as "Rec 1").
 */
function isHeaderLike(line: string, p: LineProfile): boolean {
  const text = cleanText(line);
  if (p.empty || p.bullet || p.words > maxHeaderCellWords || /[!?]$/.test(text) || /:\s*\S/.test(text)) return false;
  if (/\.$/.test(text) && p.words > 2) return false;
  if (p.date || (p.reference && /\d/.test(text))) return false;
  return !p.status || isKnownHeaderCell(text);
}

interface Column {
  label: string;
  role: ColumnRole | null;
  kind: ColumnKind;
  /** Merged over a recommendation's action rows, so a copy may drop it on all rows but the first. */
  merged: boolean;
  /** No header named it: its role comes from what its cells hold. */
  open: boolean;
}

interface AlignedCell {
  column: number;
  /** Lines [from, to) of the text. */
  from: number;
  to: number;
  fit: number;
}

interface AlignedRow {
  cells: AlignedCell[];
  /** The recommendation's merged cells were dropped: this row continues the one above. */
  continuation: boolean;
  from: number;
  to: number;
}

/** How a rebuilt table's rows were aligned, for the actions' `why` and confidence. */
export interface CellLinesRowNote {
  /** 1-based lines the row covers. */
  from: number;
  to: number;
  note: string;
  /** Roles whose column no header named, inferred from content: their fields are placed by content, not by name. */
  byContent: Set<ColumnRole>;
  /** Roles whose cell in this row did not fit its column well: its value is a guess. */
  misfits: Set<ColumnRole>;
}

export interface CellLinesTables {
  tables: TableBlock[];
  rows: CellLinesRowNote[];
  /** 1-based lines [from, to] each rebuilt table took its header and cells from. */
  spans: { from: number; to: number }[];
}

/** The fit of cell lines [from, to) as a cell of `kind`, or null when the cell cannot be that shape. */
function cellScore(profiles: readonly LineProfile[], kind: ColumnKind, from: number, to: number): number | null {
  const shape = multiLine(kind);
  const first = profiles[from]!;
  if (to - from === 1) return first.empty ? emptyFit(kind) : lineFit(kind, first);
  if (!shape.lines || (first.empty && !shape.blanks)) return null;
  let score = 0;
  for (let i = from; i < to; i++) {
    const p = profiles[i]!;
    if (p.empty && !shape.blanks) return null;
    score += (p.empty ? 0 : lineFit(kind, p)) - (i > from ? extraLineCost : 0);
  }
  return score;
}

/**
 * Aligns lines [from, to) to the columns: every row is the columns in order, each cell one or more
 * lines, and a row after the first may leave out the merged (recommendation) columns. Anchored, the
 * table starts at `from` (under its header, after any blank lines); otherwise anywhere. It ends
 * where the aligned rows score best.
 */
function align(
  profiles: readonly LineProfile[],
  from: number,
  to: number,
  columns: readonly Column[],
  anchored: boolean,
): { rows: AlignedRow[]; score: number } {
  const full = columns.map((_, c) => c);
  const kept = full.filter((c) => !columns[c]!.merged);
  const chains = kept.length > 0 && kept.length < full.length ? [full, kept] : [full];
  const n = to - from;
  // State (chain, k) at line i: cells 0..k-1 of a row of that chain are placed, the row began at some line.
  const offsets: number[] = [];
  let states = 0;
  for (const chain of chains) {
    offsets.push(states);
    states += chain.length;
  }
  const size = n + 1;
  const score = new Float64Array(states * size).fill(-Infinity);
  const back = new Int32Array(states * size).fill(-1);
  // Row boundaries: the best score of whole rows ending at line i, and which chain ended there.
  const boundary = new Float64Array(size).fill(-Infinity);
  const boundaryBack = new Int32Array(size).fill(-1);
  const boundaryChain = new Int8Array(size).fill(-1);
  // A row's first cell remembers where the row started: -1 from a fresh start, else a boundary.
  const startedAfterRow = new Uint8Array(states * size);

  // Each line's fit to each kind, computed once: the loops below ask it up to maxCellLines times per state.
  const empty = new Uint8Array(n);
  for (let i = 0; i < n; i++) empty[i] = profiles[from + i]!.empty ? 1 : 0;
  const fitsOf = new Map<ColumnKind, Float64Array>();
  for (const column of columns)
    if (!fitsOf.has(column.kind)) {
      const fits = new Float64Array(n);
      for (let i = 0; i < n; i++) fits[i] = empty[i] ? 0 : lineFit(column.kind, profiles[from + i]!);
      fitsOf.set(column.kind, fits);
    }

  let firstBlank = 0;
  if (anchored) while (firstBlank < n && profiles[from + firstBlank]!.empty) firstBlank++;
  const canStart = (i: number) => (anchored ? i === firstBlank : true);

  let bestEnd = -1;
  let bestScore = -Infinity;
  for (let i = 0; i <= n; i++) {
    if (boundary[i]! > bestScore) {
      bestScore = boundary[i]!;
      bestEnd = i;
    }
    if (i === n) break;
    chains.forEach((chain, ci) => {
      const base = offsets[ci]!;
      for (let k = 0; k < chain.length; k++) {
        let value: number;
        let afterRow = 0;
        if (k === 0) {
          // A full row may open the table or follow a row; a row without its merged cells only follows one.
          const fresh = ci === 0 && canStart(i) ? 0 : -Infinity;
          const after = boundary[i]!;
          if (after >= fresh) {
            value = after;
            afterRow = 1;
          } else value = fresh;
        } else value = score[(base + k) * size + i]!;
        if (value === -Infinity) continue;
        const kind = columns[chain[k]!]!.kind;
        const last = k === chain.length - 1;
        const shape = multiLine(kind);
        const limit = Math.min(n, i + (shape.lines ? maxCellLines : 1));
        const fits = fitsOf.get(kind)!;
        const blankFit = emptyFit(kind);
        let running = 0;
        for (let j = i + 1; j <= limit; j++) {
          // The cell [i, j): its score grows line by line (cellScore, kept incremental here).
          const blank = empty[j - 1] === 1;
          let fit: number;
          if (j === i + 1) {
            running = fits[j - 1]!;
            fit = blank ? blankFit : running;
          } else {
            // An empty cell is its one empty line: the line after it starts the next cell.
            if ((blank || empty[i] === 1) && !shape.blanks) break;
            running += fits[j - 1]! - extraLineCost;
            fit = running;
          }
          const total = value + fit;
          if (last) {
            if (total > boundary[j]!) {
              boundary[j] = total;
              boundaryBack[j] = i;
              boundaryChain[j] = ci;
            }
          } else {
            const at = (base + k + 1) * size + j;
            if (total > score[at]!) {
              score[at] = total;
              back[at] = i;
            }
          }
        }
        if (k === 0) startedAfterRow[base * size + i] = afterRow;
      }
    });
  }
  if (bestEnd <= 0 || bestScore <= 0) return { rows: [], score: 0 };

  // Walk back from the best end, row by row.
  const rows: AlignedRow[] = [];
  let j = bestEnd;
  for (;;) {
    const ci = boundaryChain[j]!;
    if (ci < 0) break;
    const chain = chains[ci]!;
    const base = offsets[ci]!;
    const cells: AlignedCell[] = [];
    let end = j;
    let start = boundaryBack[j]!;
    for (let k = chain.length - 1; k >= 0; k--) {
      const kind = columns[chain[k]!]!.kind;
      cells.unshift({
        column: chain[k]!,
        from: from + start,
        to: from + end,
        fit: cellScore(profiles, kind, from + start, from + end)!,
      });
      if (k === 0) break;
      end = start;
      start = back[(base + k) * size + end]!;
    }
    rows.unshift({ cells, continuation: ci === 1, from: from + start, to: from + j });
    if (!startedAfterRow[base * size + start]) break;
    j = start;
  }
  return { rows, score: bestScore };
}

/**
 * A header's columns: roles from the exact vocabulary, then by keyword. A plan's table always
 * states the recommendation: when no header cell names it, the longest cell the reader cannot name
 * ("What the peer team said") is taken for it, merged over its action rows like any recommendation
 * column, its role still left to what its cells hold.
 */
function headerColumns(labels: readonly string[]): Column[] {
  const exact = mapHeader(labels);
  const columns = labels.map((label, i): Column => {
    const named = exact?.roles[i] ?? roleOfHeaderCell(label) ?? keywordRole(label);
    const role = named ?? null;
    return {
      label: cleanText(label),
      role,
      kind: kindOfRole(role),
      merged: isRecommendationColumn(role),
      open: named === undefined,
    };
  });
  const statesRecommendation = columns.some((c) => c.role === "recommendation" || c.role === "position");
  // Of several, the longest: a recommendation column is headed by a phrase, a theme by a word or two.
  const unnamed = columns
    .filter((c) => c.open)
    .sort((a, b) => b.label.split(/\s+/).length - a.label.split(/\s+/).length)[0];
  if (!statesRecommendation && unnamed && columns.some((c) => c.role === "action")) {
    unnamed.kind = "recommendation";
    unnamed.merged = true;
  }
  return columns;
}

/** Columns whose header said nothing the reader knows take the kind most of their cells have. */
function settleUnknownKinds(columns: Column[], rows: readonly AlignedRow[], profiles: readonly LineProfile[]): boolean {
  let changed = false;
  columns.forEach((column, c) => {
    if (column.kind !== "other") return;
    const counts = new Map<ColumnKind, number>();
    for (const row of rows)
      for (const cell of row.cells) {
        if (cell.column !== c) continue;
        for (let i = cell.from; i < cell.to; i++) {
          const kind = bestKind(profiles[i]!);
          if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
        }
      }
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (top) {
      column.kind = top[0];
      changed = true;
    }
  });
  return changed;
}

/**
 * A header-less run's columns, guessed from its lines: consecutive lines that look alike collapse
 * into one cell, each window of such cells is tried as a row's column pattern (with each prose
 * column in turn as the merged recommendation), and the pattern that aligns the run best wins.
 */
function inferColumns(
  lines: readonly string[],
  profiles: readonly LineProfile[],
  from: number,
  to: number,
): { columns: Column[]; rows: AlignedRow[] } | null {
  const tokens: ColumnKind[] = [];
  for (let i = from; i < to && tokens.length < inferenceStarts + maxColumns;) {
    const kind = profiles[i]!.empty ? null : bestKind(profiles[i]!);
    let j = i + 1;
    if (kind !== null && kind !== "reference")
      while (
        j < to &&
        !profiles[j]!.empty &&
        bestKind(profiles[j]!) === kind &&
        (kind !== "text" || profiles[j]!.bullet)
      )
        j++;
    tokens.push(kind ?? "other");
    i = j;
  }
  const tried = new Set<string>();
  const prefixEnd = Math.min(to, from + inferenceLines);
  let best: { columns: Column[]; score: number } | null = null;
  for (let t = 0; t < Math.min(inferenceStarts, tokens.length); t++)
    for (let width = minColumns; width <= 8 && t + width <= tokens.length; width++) {
      const kinds = tokens.slice(t, t + width);
      if (kinds.includes("other")) continue;
      const texts = kinds.flatMap((k, c) => (k === "text" ? [c] : []));
      if (texts.length === 0 || texts.length > 3 || texts.length === width) continue;
      if (kinds.filter((k) => k === "reference").length > 1) continue;
      for (const mergedText of [-1, ...texts]) {
        const key = `${kinds.join(",")}|${mergedText}`;
        if (tried.has(key)) continue;
        tried.add(key);
        const columns = kinds.map((kind, c) => ({
          label: "",
          role: null,
          kind: c === mergedText ? ("recommendation" as const) : kind,
          merged: kind === "reference" || c === mergedText,
          open: true,
        }));
        const { rows, score } = align(profiles, from, prefixEnd, columns, false);
        if (rows.length < minInferredRows) continue;
        if (!best || score > best.score) best = { columns, score };
      }
    }
  if (!best) return null;
  const { rows } = align(profiles, from, to, best.columns, false);
  if (rows.length < minInferredRows) return null;
  nameColumns(best.columns, rows, profiles);
  if (goodFitShare(rows) < minGoodFitShare) return null;
  // "Lead: …", "Target date: …": a list that labels its own fields, not a table's cells.
  let labelled = 0;
  for (let i = rows[0]!.from; i < rows.at(-1)!.to; i++) if (labelledField(lines[i]!) !== null) labelled++;
  if (labelled * 10 > rows.at(-1)!.to - rows[0]!.from) return null;
  if (!best.columns.some((c) => c.role === "action" || c.role === "recommendation")) return null;
  if (!best.columns.some((c) => c.role === "lead" || c.role === "target" || c.role === "status")) return null;
  return { columns: best.columns, rows };
}

/** Roles for the columns no header named: the prose column merged over action rows is the recommendation. */
function nameColumns(columns: Column[], rows: readonly AlignedRow[], profiles: readonly LineProfile[]): void {
  const taken = new Set<ColumnRole>(columns.flatMap((c) => (c.role ? [c.role] : [])));
  const give = (c: number, role: ColumnRole) => {
    if (taken.has(role)) return;
    columns[c]!.role = role;
    taken.add(role);
  };
  columns.forEach((column, c) => {
    if (!column.open) return;
    if (column.kind === "reference") give(c, "reference");
    else if (column.kind === "date") give(c, "target");
    else if (column.kind === "status") give(c, "status");
    else if (column.kind === "lead") give(c, "lead");
  });
  const texts = columns.flatMap((column, c) =>
    (column.kind === "text" || column.kind === "recommendation") && column.open ? [c] : [],
  );
  // Evidence that a prose column belongs to the recommendation: dropped, blank or repeated below its first row.
  const mergedEvidence = texts.map((c) => {
    let evidence = 0;
    let bullets = 0;
    let previous: string | null = null;
    for (const row of rows) {
      const cell = row.cells.find((x) => x.column === c);
      if (!cell) {
        evidence++;
        continue;
      }
      const text = Array.from({ length: cell.to - cell.from }, (_, k) => String(cell.from + k)).join(",");
      if (profiles[cell.from]!.empty) evidence++;
      for (let i = cell.from; i < cell.to; i++) if (profiles[i]!.bullet) bullets++;
      if (text === previous) evidence++;
      previous = text;
    }
    return { c, evidence, bullets };
  });
  const byEvidence = [...mergedEvidence].sort((a, b) => b.evidence - a.evidence || a.bullets - b.bullets || a.c - b.c);
  const recommendation = taken.has("recommendation") ? undefined : byEvidence[0];
  if (recommendation) give(recommendation.c, "recommendation");
  const rest = mergedEvidence.filter((x) => x !== recommendation).sort((a, b) => b.bullets - a.bullets || a.c - b.c);
  if (rest[0]) give(rest[0].c, "action");
  if (rest[1]) give(rest[1].c, "update");
  for (const column of columns) column.merged = isRecommendationColumn(column.role);
}

/** Share of a table's non-empty cells whose lines fit their column well. */
function goodFitShare(rows: readonly AlignedRow[]): number {
  let cells = 0;
  let good = 0;
  for (const row of rows)
    for (const cell of row.cells) {
      cells++;
      if (cell.fit >= 1 || (cell.to - cell.from === 1 && cell.fit === emptyFit("lead"))) good++;
    }
  return cells === 0 ? 0 : good / cells;
}

/** Header labels the column vocabulary reads exactly, for columns whose roles were inferred. */
const inferredLabels: Partial<Record<ColumnRole, string>> = {
  reference: "Ref",
  recommendation: "Recommendation",
  action: "Action",
  lead: "Lead",
  target: "Target date",
  status: "Status",
  update: "Update",
};

function roleNames(columns: readonly Column[]): string {
  return columns.map((c) => c.role ?? "unread").join(", ");
}

/** The aligned rows as a table block; merged cells span the rows that left them out. */
function toTable(
  lines: readonly string[],
  columns: readonly Column[],
  rows: readonly AlignedRow[],
  header: { from: number } | null,
): TableBlock {
  const cellText = (cell: AlignedCell) =>
    lines
      .slice(cell.from, cell.to)
      .map((line) => cleanText(line))
      .join("\n");
  const out: TableRow[] = [];
  const first = header?.from ?? rows[0]!.from;
  out.push({
    header: true,
    cells: columns.map((column, c) => ({
      text: column.open ? (column.role ? (inferredLabels[column.role] ?? "") : "") : column.label,
      colSpan: 1,
      rowSpan: 1,
      source: { line: (header ? header.from + c : first) + 1 },
    })),
    source: { line: first + 1 },
  });
  let spanning: TableCell[] = [];
  for (const row of rows) {
    const cells: TableCell[] = row.cells.map((cell) => ({
      text: cellText(cell),
      colSpan: 1,
      rowSpan: 1,
      source: { line: cell.from + 1 },
    }));
    if (row.continuation) for (const cell of spanning) cell.rowSpan++;
    else spanning = cells.filter((_, k) => columns[row.cells[k]!.column]!.merged);
    // A continuation row lists only its own cells; the merged ones are covered by the spans above.
    out.push({ header: false, cells, source: { line: row.from + 1 } });
  }
  return { kind: "table", rows: out, source: { line: first + 1 } };
}

function rowNotes(
  columns: readonly Column[],
  rows: readonly AlignedRow[],
  profiles: readonly LineProfile[],
  inferred: boolean,
): CellLinesRowNote[] {
  const byContent = new Set(columns.flatMap((c) => (c.open && c.role ? [c.role] : [])));
  const named = columns.filter((c) => c.open && c.role && c.label !== "");
  const how = inferred
    ? `no header: columns inferred from content as ${roleNames(columns)}`
    : `aligned to the header's ${columns.length} columns by what each line holds${named.length ? ` (${named.map((c) => `"${c.label}" read as ${c.role} by its content`).join(", ")})` : ""}`;
  return rows.map((row, r) => {
    const misfits = new Set<ColumnRole>();
    for (const cell of row.cells) {
      const role = columns[cell.column]!.role;
      const empty = cell.to - cell.from === 1 && profiles[cell.from]!.empty;
      if (role && !empty && cell.fit < 1) misfits.add(role);
    }
    const parts = [
      `pasted one cell per line, lines ${row.from + 1}–${row.to} rebuilt as row ${r + 1} of a table, ${how}`,
    ];
    if (row.continuation) parts.push("the recommendation's merged cells were not repeated, so this row continues it");
    if (misfits.size > 0) parts.push(`the ${[...misfits].join(", ")} cell fits its column poorly`);
    return { from: row.from + 1, to: row.to, note: parts.join("; "), byContent, misfits };
  });
}

/** Runs of header-like lines holding at least two known column names: where a header may be. */
function headerRuns(lines: readonly string[], profiles: readonly LineProfile[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && isHeaderLike(lines[j]!, profiles[j]!)) j++;
    if (j - i >= minColumns) {
      let known = 0;
      for (let k = i; k < j; k++) if (isKnownHeaderCell(lines[k]!)) known++;
      if (known >= 2) runs.push({ from: i, to: j });
    }
    i = Math.max(j, i + 1);
  }
  return runs;
}

interface HeaderTable {
  header: { from: number; to: number };
  columns: Column[];
  rows: AlignedRow[];
  score: number;
}

/** The columns and rows under header lines [from, to), unknown columns settled by what their cells hold. */
function readUnder(
  lines: readonly string[],
  profiles: readonly LineProfile[],
  from: number,
  to: number,
  end: number,
): HeaderTable {
  const columns = headerColumns(lines.slice(from, to));
  let aligned = align(profiles, to, end, columns, true);
  if (settleUnknownKinds(columns, aligned.rows, profiles)) aligned = align(profiles, to, end, columns, true);
  return { header: { from, to }, columns, rows: aligned.rows, score: aligned.score };
}

/**
 * A run of header-like lines may hold a title or a first body cell besides the header, and a
 * header may name a column in words the reader does not know: every stretch of the run with
 * enough known names is tried, and the one under which the lines below align best is the header.
 */
function bestHeader(
  lines: readonly string[],
  profiles: readonly LineProfile[],
  run: { from: number; to: number },
  end: number,
): HeaderTable | null {
  let best = null as HeaderTable | null;
  // A run of nothing but known column names is the header as it stands: no stretch of it is tried,
  // which keeps a header repeated on every page from being aligned many times over.
  let allKnown = run.to - run.from <= maxColumns;
  for (let k = run.from; k < run.to && allKnown; k++) allKnown = isKnownHeaderCell(lines[k]!);
  // A title above the header or a first body cell below it may be header-like, but a line the column
  // vocabulary names exactly ("Ref", "Lead officer") is the header's: a stretch leaving one out is
  // tried only when no stretch keeping them all reads.
  const exact = (k: number) => roleOfHeaderCell(cleanText(lines[k]!)) !== null;
  const keepsExact = (a: number, b: number) => {
    for (let k = run.from; k < a; k++) if (exact(k)) return false;
    for (let k = b; k < run.to; k++) if (exact(k)) return false;
    return true;
  };
  for (const strict of [true, false]) {
    for (let a = run.from; a < run.to; a++)
      for (let b = a + minColumns; b <= Math.min(run.to, a + maxColumns); b++) {
        if (allKnown && (a !== run.from || b !== run.to)) continue;
        if (strict && !keepsExact(a, b)) continue;
        let known = 0;
        for (let k = a; k < b; k++) if (isKnownHeaderCell(lines[k]!)) known++;
        if (known < 2 || known * 2 < b - a) continue;
        const read = readUnder(lines, profiles, a, b, Math.min(end, b + inferenceLines));
        if (read.rows.length === 0) continue;
        if (!best || read.score > best.score) best = read;
      }
    if (best) break;
  }
  if (!best) return null;
  const whole = readUnder(lines, profiles, best.header.from, best.header.to, end);
  if (whole.rows.length === 0) return null;
  const mergedBefore = whole.columns.map((c) => c.merged).join();
  nameColumns(whole.columns, whole.rows, profiles);
  // Naming a column the recommendation lets the rows under a merged one leave it out; when naming
  // changed no column's merging, aligning again would find the same rows (the whole run, again).
  if (whole.columns.map((c) => c.merged).join() === mergedBefore) return whole;
  const realigned = align(profiles, whole.header.to, end, whole.columns, true);
  return realigned.rows.length > 0 ? { ...whole, rows: realigned.rows } : whole;
}

export function tablesFromCellLines(text: string): CellLinesTables {
  const lines = text.split("\n");
  // Pasted tables repeat their leads, dates and statuses on line after line: each text is profiled once.
  const seen = new Map<string, LineProfile>();
  const profiles = lines.map((line) => {
    let p = seen.get(line);
    if (!p) seen.set(line, (p = profileLine(line)));
    return p;
  });
  const tables: TableBlock[] = [];
  const notes: CellLinesRowNote[] = [];
  const spans: { from: number; to: number }[] = [];
  const runs = headerRuns(lines, profiles);
  /** Line ranges no header table claimed, where a header-less table may sit. */
  const free: { from: number; to: number }[] = [];
  let at = 0;
  runs.forEach((run, r) => {
    if (run.from < at) return;
    const read = bestHeader(lines, profiles, run, runs[r + 1]?.from ?? lines.length);
    if (!read) return;
    if (read.header.from > at) free.push({ from: at, to: read.header.from });
    tables.push(toTable(lines, read.columns, read.rows, read.header));
    spans.push({ from: read.header.from + 1, to: read.rows.at(-1)!.to });
    notes.push(...rowNotes(read.columns, read.rows, profiles, false));
    at = read.rows.at(-1)!.to;
  });
  if (at < lines.length) free.push({ from: at, to: lines.length });
  for (const range of free) {
    let from = range.from;
    while (from < range.to) {
      const found = inferColumns(lines, profiles, from, range.to);
      if (!found) break;
      tables.push(toTable(lines, found.columns, found.rows, null));
      spans.push({ from: found.rows[0]!.from + 1, to: found.rows.at(-1)!.to });
      notes.push(...rowNotes(found.columns, found.rows, profiles, true));
      from = found.rows.at(-1)!.to;
    }
  }
  tables.sort((a, b) => a.source.line - b.source.line);
  spans.sort((a, b) => a.from - b.from);
  return { tables, rows: notes, spans };
}
