/**
 * Roles for the columns a header does not name (a header word the vocabulary does not know, or a
 * table printed with no header at all), from what their cells hold and how the rows group. Values
 * say what a short column is (a reference, a date, a status, a person); how a long column's cells
 * repeat down the table says which of the prose columns is the recommendation (one value over a run
 * of rows, starting where the reference starts), which the action (a value on every row) and which
 * the progress update (prose that reports progress).
 */
import type { GridCell } from "../document/document.grid.js";
import type { ColumnRole } from "../parsers/columns.js";
import { isUnparsedTarget, parseTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { parseStatus, isUnknownStatusText } from "../normalise/status.normaliser.js";
import { profileCell } from "./field.evidence.js";
import { statusColourWords } from "./reader.lexicon.js";

type Grid = (GridCell | null)[][];

/** The part of a table plan the profiler fills in. */
export interface ProfiledColumns {
  roles: (ColumnRole | null)[];
  where: number[];
  /** Columns whose header says the plan does not hold them (success measures, resources): never profiled. */
  excluded: boolean[];
}

/** Rows whose cells are profiled: a column's nature shows in its first few hundred cells. */
const profiledRows = 300;
/** Mean words per cell from which a column holds prose (a recommendation, an action, an update). */
const proseWords = 4;
/** Share of a column's cells that must read as one kind of value for the column to be that kind. */
const mostly = 0.5;
/** Share of short, capitalised, unpunctuated cells from which a column of several words is names, not prose. */
const namesShare = 0.7;

interface Stats {
  filled: number;
  reference: number;
  dated: number;
  timescale: number;
  status: number;
  lead: number;
  words: number;
  /** Rows where a new value begins (not blank, not carried by a span, not the value above repeated). */
  starts: Set<number>;
  /** Prose cells that report progress ("Work has started …"): an update column's mark. */
  reporting: number;
  bulleted: number;
}

function cellText(cell: GridCell | null | undefined): string {
  return cell ? cleanText(cell.cell.text) : "";
}

/** A row holding two or more printed cells: the body of a table, not a title, note or section line above or below it. */
export function isDataRow(row: readonly (GridCell | null)[]): boolean {
  let filled = 0;
  for (const cell of row) if (cell && cell.origin && cellText(cell) !== "" && ++filled >= 2) return true;
  return false;
}

function statusLike(text: string): boolean {
  if (statusColourWords.test(text)) return true;
  const p = profileCell(text);
  return p.status;
}

function measure(grid: Grid, rows: number[], c: number): Stats {
  const s: Stats = {
    filled: 0,
    reference: 0,
    dated: 0,
    timescale: 0,
    status: 0,
    lead: 0,
    words: 0,
    starts: new Set(),
    reporting: 0,
    bulleted: 0,
  };
  let previous: string | null = null;
  for (const r of rows) {
    const cell = grid[r]![c];
    if (!cell || !cell.origin) continue;
    const text = cellText(cell);
    if (text === "") continue;
    if (text !== previous) s.starts.add(r);
    previous = text;
    s.filled++;
    const p = profileCell(cell.cell.text);
    if (p.reference) s.reference++;
    if (p.date) s.dated++;
    const lines = cell.cell.text.split("\n").filter((line) => cleanText(line) !== "");
    const bulleted = lines.length > 1 && lines.filter((line) => /^\s*[•▪◦●‣·*\-–]/u.test(line)).length >= 2;
    // A bulleted list of capitalised items reads like names line by line, but it is packed actions.
    if (p.lead && !bulleted) s.lead++;
    // A packed cell is one short value per action: its length per line says what it holds.
    s.words += p.words / Math.max(1, lines.length);
    const first = lines[0] ?? text;
    const target = parseTarget(first);
    if (target.deadline !== null || (target.raw !== null && !isUnparsedTarget(target))) s.timescale++;
    if (statusLike(first)) s.status++;
    if (p.words >= proseWords) {
      const status = parseStatus(text);
      if (!isUnknownStatusText(status) && status.status !== "UNKNOWN") s.reporting++;
    }
    if (bulleted) s.bulleted++;
  }
  return s;
}

/** Fills in `plan.roles` for the columns with no role and no excluding header, from the body rows from `firstBody`. */
export function profileColumns(plan: ProfiledColumns, grid: Grid, firstBody: number, content: number): void {
  const width = plan.roles.length;
  const open = (c: number) => plan.roles[c] === null && !plan.excluded[c];
  if (!plan.roles.some((_, c) => open(c))) return;
  const rows: number[] = [];
  for (let r = firstBody; r < grid.length && rows.length < profiledRows; r++) if (isDataRow(grid[r]!)) rows.push(r);
  if (rows.length === 0) return;
  const stats = new Map<number, Stats>();
  for (let c = 0; c < width; c++) if (open(c)) stats.set(c, measure(grid, rows, c));
  const has = (role: ColumnRole) => plan.roles.includes(role);
  const assign = (c: number, role: ColumnRole) => {
    plan.roles[c] = role;
    plan.where[c] = content;
    stats.delete(c);
  };
  const share = (s: Stats, n: number) => (s.filled === 0 ? 0 : n / s.filled);
  const best = (score: (s: Stats, c: number) => number, floor: number): number | null => {
    let chosen: number | null = null;
    let top = floor;
    for (const [c, s] of stats) {
      if (s.filled === 0) continue;
      const value = score(s, c);
      if (value > top) {
        top = value;
        chosen = c;
      }
    }
    return chosen;
  };
  const meanWords = (s: Stats) => (s.filled === 0 ? 0 : s.words / s.filled);

  // Short values first: what they are shows in each cell on its own.
  if (!has("reference")) {
    const c = best((s) => (meanWords(s) <= 3 ? share(s, s.reference) : 0), 0.6 - 1e-9);
    if (c !== null) assign(c, "reference");
  }
  if (!has("target")) {
    // A timescale column holds dates and "Ongoing" / "TBC"; a status column may say "Ongoing" too, but holds no dates.
    const c = best((s) => (share(s, s.dated) >= 0.2 ? share(s, s.timescale) : 0), mostly - 1e-9);
    if (c !== null) assign(c, "target");
  }
  if (!has("status")) {
    const c = best((s) => (meanWords(s) < proseWords ? share(s, s.status) : 0), mostly - 1e-9);
    if (c !== null) assign(c, "status");
  }

  const referenceAt = plan.roles.indexOf("reference");
  const referenceStarts = referenceAt === -1 ? null : measure(grid, rows, referenceAt).starts;
  // How far a column's new values begin exactly where a new reference does: a recommendation's do.
  const alignment = (s: Stats, starts: Set<number> | null): number => {
    if (starts === null || starts.size === 0 || s.starts.size === 0) return 0.5;
    let both = 0;
    for (const r of s.starts) if (starts.has(r)) both++;
    return (both / s.starts.size + both / starts.size) / 2;
  };
  // Posts and teams run to several words ("Director of Housing and Regeneration") but read as names, not sentences.
  const prose = [...stats.entries()]
    .filter(([, s]) => meanWords(s) >= proseWords && share(s, s.lead) < namesShare)
    .map(([c]) => c);
  const proseStats = (c: number) => stats.get(c)!;
  if (prose.length > 0) {
    if (!has("recommendation") && (has("action") || prose.length > 1 || !has("update"))) {
      // Fewest new values, aligned with the references, reporting no progress; the leftmost on a tie.
      const c = best(
        (s, col) =>
          prose.includes(col)
            ? 2 * alignment(s, referenceStarts) - s.starts.size / rows.length - 1.5 * share(s, s.reporting) - col * 1e-3
            : -Infinity,
        -Infinity,
      );
      if (c !== null && (has("action") || prose.length > 1 || share(proseStats(c), proseStats(c).reporting) < mostly))
        assign(c, "recommendation");
    }
    if (!has("action")) {
      const c = best(
        (s, col) =>
          prose.includes(col)
            ? s.filled / rows.length + share(s, s.bulleted) - 1.5 * share(s, s.reporting) - col * 1e-3
            : -Infinity,
        -Infinity,
      );
      if (c !== null) assign(c, "action");
    }
    if (!has("update")) {
      const c = best((s, col) => (prose.includes(col) ? 1 - col * 1e-3 : -Infinity), -Infinity);
      if (c !== null) assign(c, "update");
    }
  }

  // Short text left: a person or post for each action, or the council's theme label for each recommendation.
  const recommendationAt = plan.roles.indexOf("recommendation");
  const groupStarts =
    referenceStarts ?? (recommendationAt === -1 ? null : measure(grid, rows, recommendationAt).starts);
  // Only where recommendations run over several rows can a column show it changes with them: in a
  // table of one row per recommendation (its actions packed in a cell) every column would.
  const grouped = (s: Stats) =>
    groupStarts !== null &&
    groupStarts.size < rows.length &&
    s.starts.size < rows.length &&
    [...s.starts].every((r) => groupStarts.has(r));
  if (!has("lead")) {
    // Of two columns of names, the one changing more often: a theme label stays put over several recommendations.
    const c = best(
      (s, col) =>
        !prose.includes(col) && !grouped(s) && share(s, s.lead) >= mostly
          ? share(s, s.lead) + (0.3 * s.starts.size) / rows.length
          : 0,
      mostly - 1e-9,
    );
    if (c !== null) assign(c, "lead");
  }
  if (!has("themeLabel")) {
    const c = best((s, col) => (!prose.includes(col) && grouped(s) ? 1 : 0), 0.5);
    if (c !== null) assign(c, "themeLabel");
  }
}
