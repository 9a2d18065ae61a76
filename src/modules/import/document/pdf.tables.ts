import type { PrintedLine, TableBlock, TableCell, TableRow } from "./document.model.js";
import { splitChunkAt, type Chunk, type Fill, type PdfLine, type Rule } from "./pdf.geometry.js";
import { partWidth } from "./pdf.glyph-widths.js";
import { cellLineMarker, joinWrapped, needsMore, startsAnew } from "./pdf.text.js";

/**
 * Tables found from glyph positions alone. A run of lines is a table when its chunks leave the same
 * vertical strips of whitespace all the way down (the columns are the strips between them: this
 * works for left-, right- and centre-aligned cells alike), over at least three lines, two of them
 * with two or more chunks. Rows are cut at the ruling lines the page draws between lines, when it
 * draws them; otherwise at a wider than usual line step, or where the first column fills again after
 * lines with it empty. A wrapped line with no extra gap continues the row above.
 */

export interface Interval {
  left: number;
  right: number;
}

export interface PdfTable {
  columns: Interval[];
  /** Rows with cells; cell addresses ("r1c2") are set once tables split over pages are joined. */
  rows: TableRow[];
}

export type PageSegment = { kind: "lines"; lines: PdfLine[] } | { kind: "table"; table: PdfTable };

const minTableLines = 3;
const minMultiChunkLines = 2;
/** A gap between lines wider than this many font sizes ends a table. */
const maxTableLineGap = 4;
/** A row's step beyond the tightest one in the table by this fraction of the font size starts a new row. */
const rowGap = 0.3;
/** Rules that separate at least this many pairs of lines settle the rows on their own. */
const minSeparatingRules = 2;

/** A two-column "table" whose first column holds only list markers is a list with a hanging indent. */
const markerOnly = /^(?:\d{1,3}[.)]?|[a-z][.)]|\([a-z0-9]{1,3}\)|[•▪■◦‣⁃●○·*➢►✓\-–])$/iu;

export function segmentPage(lines: PdfLine[], rules: Rule[], fills: readonly Fill[] = []): PageSegment[] {
  const segments: PageSegment[] = [];
  let plain: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const region = lines[i]!.chunks.length >= 2 ? growRegion(lines, i) : null;
    if (region === null || !region.table) {
      // A list with hanging markers is passed over whole, not tried again from each of its lines.
      const passed = region?.lines.length ?? 1;
      plain.push(...lines.slice(i, i + passed));
      i += passed;
      continue;
    }
    if (plain.length > 0) segments.push({ kind: "lines", lines: plain });
    plain = [];
    segments.push({ kind: "table", table: buildTable(region.lines, region.columns, region.spans, rules, fills) });
    i += region.lines.length;
  }
  if (plain.length > 0) segments.push({ kind: "lines", lines: plain });
  return segments;
}

interface Region {
  /** False for a list whose markers stand apart from the text like a column. */
  table: boolean;
  lines: PdfLine[];
  columns: Interval[];
  /** Lines whose one chunk runs across several columns: a row of their own (a theme title). */
  spans: Set<PdfLine>;
}

function growRegion(lines: PdfLine[], start: number): Region | null {
  const first = lines[start]!;
  let columns = mergeIntervals([], first.chunks);
  if (columns.length < 2) return null;
  const region: PdfLine[] = [first];
  const spans = new Set<PdfLine>();
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j]!;
    const previous = lines[j - 1]!;
    if (previous.y - line.y > maxTableLineGap * Math.max(line.size, previous.size)) break;
    if (line.chunks.length >= 2 && coarserThan(columns, line.chunks)) {
      // Two cells of this line in one column so far: a line above ran two cells together (a header's
      // labels set close), and is cut where this line's cells start; failing that the lines above were
      // not rows of its table (a banner's buttons, a caption over it) unless there are enough to be one.
      const lefts = line.chunks.map((chunk) => chunk.x);
      const recut = region.map((above) => above.chunks.flatMap((chunk) => splitChunkAt(chunk, lefts)));
      const recutColumns = recut.reduce<Interval[]>((union, chunks) => mergeIntervals(union, chunks), []);
      if (!coarserThan(recutColumns, line.chunks)) {
        region.forEach((above, k) => (above.chunks = recut[k]!));
        columns = recutColumns;
      } else if (region.length < minTableLines) return null;
    }
    const next = mergeIntervals(columns, line.chunks);
    if (next.length >= columns.length) {
      columns = next;
      region.push(line);
      continue;
    }
    const lefts = columns.map((column) => column.left);
    const split = line.chunks.flatMap((chunk) => splitChunkAt(chunk, lefts));
    if (split.length > line.chunks.length && mergeIntervals(columns, split).length >= columns.length) {
      line.chunks = split;
      columns = mergeIntervals(columns, split);
      region.push(line);
      continue;
    }
    // A single chunk across columns stays in the table only when the table goes on after it.
    const after = lines[j + 1];
    if (
      line.chunks.length === 1 &&
      after !== undefined &&
      after.chunks.length >= 2 &&
      mergeIntervals(columns, after.chunks).length >= columns.length
    ) {
      spans.add(line);
      region.push(line);
      continue;
    }
    break;
  }
  while (region.length > 0 && spans.has(region.at(-1)!)) region.pop();
  const multi = region.filter((line) => line.chunks.length >= 2).length;
  if (region.length < minTableLines || multi < minMultiChunkLines) return null;
  if (
    columns.length === 2 &&
    region.every((line) => spans.has(line) || columnChunks(line, columns)[0]!.every((c) => markerOnly.test(c.text)))
  ) {
    return { table: false, lines: region, columns, spans };
  }
  return { table: true, lines: region, columns, spans };
}

function mergeIntervals(base: readonly Interval[], chunks: readonly Chunk[]): Interval[] {
  const all = [...base, ...chunks.map((chunk) => ({ left: chunk.x, right: chunk.right }))].sort(
    (a, b) => a.left - b.left,
  );
  const merged: Interval[] = [];
  for (const interval of all) {
    const last = merged.at(-1);
    if (last !== undefined && interval.left <= last.right + 1) last.right = Math.max(last.right, interval.right);
    else merged.push({ ...interval });
  }
  return merged;
}

function coarserThan(columns: readonly Interval[], chunks: readonly Chunk[]): boolean {
  return columns.some(
    (column) => chunks.filter((chunk) => chunk.x < column.right && chunk.right > column.left).length >= 2,
  );
}

/** Each chunk goes to the column it overlaps most. */
function columnChunks(line: PdfLine, columns: readonly Interval[]): Chunk[][] {
  const byColumn: Chunk[][] = columns.map(() => []);
  for (const chunk of line.chunks) {
    let best = 0;
    let bestOverlap = -Infinity;
    columns.forEach((column, c) => {
      const overlap = Math.min(column.right, chunk.right) - Math.max(column.left, chunk.x);
      if (overlap > bestOverlap) {
        best = c;
        bestOverlap = overlap;
      }
    });
    byColumn[best]!.push(chunk);
  }
  return byColumn;
}

function buildTable(
  lines: PdfLine[],
  columns: Interval[],
  spans: Set<PdfLine>,
  rules: Rule[],
  fills: readonly Fill[],
): PdfTable {
  const left = columns[0]!.left;
  const right = columns.at(-1)!.right;
  const horizontals = rules.filter(
    (rule) => rule.horizontal && Math.min(rule.to, right) - Math.max(rule.from, left) >= 10,
  );
  const separated = (above: PdfLine, below: PdfLine): boolean =>
    horizontals.some((rule) => rule.at < above.y && rule.at > below.y + 0.5 * below.size);
  let separatingRules = 0;
  for (let i = 1; i < lines.length; i++) if (separated(lines[i - 1]!, lines[i]!)) separatingRules++;
  const byRules = separatingRules >= minSeparatingRules;
  const steps = lines.slice(1).map((line, i) => lines[i]!.y - line.y);
  const size = median(lines.map((line) => line.size));
  const tightest = Math.max(0.5 * size, Math.min(...steps));
  const firstFilled = lines.map((line) => columnChunks(line, columns)[0]!.length > 0);

  const groups: PdfLine[][] = [];
  lines.forEach((line, i) => {
    const current = groups.at(-1);
    const previous = lines[i - 1];
    let newRow = current === undefined || spans.has(line) || (previous !== undefined && spans.has(previous));
    if (!newRow && previous !== undefined) {
      if (byRules) newRow = separated(previous, line);
      else
        newRow =
          separated(previous, line) ||
          previous.y - line.y > tightest + rowGap * size ||
          (firstFilled[i]! && !firstFilled[i - 1]!) ||
          (firstFilled[i]! && steps.every((step) => step - tightest < rowGap * size));
    }
    if (newRow) groups.push([line]);
    else current!.push(line);
  });
  const edges = columnEdges(columns, lines, rules);
  const rows = groups.map((group) => tableRow(group, columns, spans, edges, tightest));
  if (fills.length > 0) rows.forEach((row, r) => fillCells(row, groups[r]![0]!, columns, fills));
  return { columns, rows };
}

function tableRow(
  group: PdfLine[],
  columns: readonly Interval[],
  spans: Set<PdfLine>,
  edges: readonly ColumnEdge[],
  step: number,
): TableRow {
  const first = group[0]!;
  const rowSource = { line: first.lineNo, page: first.page, x: round(first.x), y: round(first.y) };
  if (spans.has(first)) {
    const chunk = first.chunks[0]!;
    const covered = columns.filter((column) => column.right > chunk.x && column.left < chunk.right).length;
    const startColumn = Math.max(
      0,
      columns.findIndex((column) => column.right > chunk.x),
    );
    const cells: TableCell[] = columns.slice(0, startColumn).map(() => emptyCell(rowSource));
    cells.push({ text: chunk.text, colSpan: Math.max(1, covered), rowSpan: 1, source: { ...rowSource } });
    for (let c = startColumn + Math.max(1, covered); c < columns.length; c++) cells.push(emptyCell(rowSource));
    return { cells, header: false, source: rowSource };
  }
  const parts = rowParts(group, columns);
  // Several actions packed in one cell are told apart by their markers; the row's other cells then
  // hold one line (or none) per action, which settles line breaks their position leaves open.
  const items = Math.max(...parts.map((cellParts) => cellParts.filter((part) => part.marked).length));
  const place: RowPlace = { top: first.y, bottom: group.at(-1)!.y, step, items };
  const cells = parts.map((cellParts, c): TableCell => {
    const head = cellParts[0];
    if (head === undefined) return emptyCell(rowSource);
    return {
      ...cellLines(cellParts, edges[c]!, place),
      colSpan: 1,
      rowSpan: 1,
      source: {
        line: head.line.lineNo,
        column: columnOf(head.line, head.first),
        page: head.line.page,
        x: round(head.chunk.x),
        y: round(head.line.y),
      },
    };
  });
  return { cells, header: false, source: rowSource };
}

/**
 * A cell's fill: the smallest filled box behind the middle of its column on the row's first line.
 * Plans give a status as a cell's colour, sometimes with no word in it.
 */
function fillCells(row: TableRow, first: PdfLine, columns: readonly Interval[], fills: readonly Fill[]): void {
  const y = first.y + 0.3 * first.size;
  let c = 0;
  for (const cell of row.cells) {
    const span = columns.slice(c, c + cell.colSpan);
    c += cell.colSpan;
    if (span.length === 0) continue;
    const x = (span[0]!.left + span.at(-1)!.right) / 2;
    let best: Fill | null = null;
    for (const fill of fills) {
      if (fill.left > x || fill.right < x || fill.bottom > y || fill.top < y) continue;
      const area = (fill.right - fill.left) * (fill.top - fill.bottom);
      if (best === null || area < (best.right - best.left) * (best.top - best.bottom)) best = fill;
    }
    if (best !== null) cell.fill = best.color;
  }
}

function emptyCell(rowSource: TableRow["source"]): TableCell {
  return { text: "", colSpan: 1, rowSpan: 1, source: { ...rowSource } };
}

/**
 * Where a column's text wraps: beyond `lo`, its widest line, and at `ruled` when rules frame the
 * column (its right rule less the padding its text keeps from its left rule); null without rules.
 */
interface ColumnEdge {
  left: number;
  lo: number;
  ruled: number | null;
}

/** One printed line of a cell: the column's chunks on one line of the page, joined. */
interface CellPart {
  line: PdfLine;
  chunk: Chunk;
  /** The first of the chunks it joins, as the line holds it. */
  first: Chunk;
  /** The line starts with a list marker (an item packed into the cell). */
  marked: boolean;
}

/** Where a row's lines lie, for blank lines in its cells, and how many items its marked cells pack. */
interface RowPlace {
  /** Baselines of the row's first and last lines. */
  top: number;
  bottom: number;
  /** The table's step between wrapped lines. */
  step: number;
  /** Most marked lines in one cell of the row (0 or 1: no packed items). */
  items: number;
}

/** Each column's chunks on each line of the row; chunks of one column on one line are one printed line. */
function rowParts(group: readonly PdfLine[], columns: readonly Interval[]): CellPart[][] {
  const parts: CellPart[][] = columns.map(() => []);
  for (const line of group) {
    columnChunks(line, columns).forEach((chunks, c) => {
      if (chunks.length === 0) return;
      const chunk =
        chunks.length === 1
          ? chunks[0]!
          : {
              ...chunks[0]!,
              text: chunks.map((one) => one.text).join(" "),
              right: Math.max(...chunks.map((one) => one.right)),
            };
      parts[c]!.push({ line, chunk, first: chunks[0]!, marked: cellLineMarker(chunk.text) !== null });
    });
  }
  return parts;
}

function columnEdges(columns: readonly Interval[], lines: readonly PdfLine[], rules: readonly Rule[]): ColumnEdge[] {
  const top = Math.max(...lines.map((line) => line.y));
  const bottom = Math.min(...lines.map((line) => line.y));
  const verticals = rules.filter((rule) => !rule.horizontal && rule.to >= bottom && rule.from <= top);
  return columns.map((column, c): ColumnEdge => {
    const next = columns[c + 1]?.left ?? Infinity;
    const previous = columns[c - 1]?.right ?? -Infinity;
    const right = Math.min(...verticals.filter((r) => r.at >= column.right - 0.5 && r.at <= next).map((r) => r.at));
    const left = Math.max(...verticals.filter((r) => r.at <= column.left + 0.5 && r.at >= previous).map((r) => r.at));
    const ruled = Number.isFinite(right) && Number.isFinite(left) ? right - Math.max(0, column.left - left) : null;
    return { left: column.left, lo: column.right, ruled };
  });
}

/** Width of a chunk's first or last word. */
function wordWidth(chunk: Chunk, which: "first" | "last"): number {
  const words = chunk.text.trim().split(/\s+/);
  const word = (which === "first" ? words[0] : words.at(-1)) ?? "";
  return partWidth(word, chunk.text, chunk.right - chunk.x);
}

/**
 * Signs a line is not broken before, even after a space (Unicode line breaking: closing
 * punctuation, "/", "!", "?"): "Officer / Director" wraps as "Officer /" or not at all.
 */
const noBreakBefore = /^[/,.;:!?)\]}]/u;

/** How far the line above would have reached with the line below's first word (and the signs kept with it) on it. */
function reach(above: Chunk, below: Chunk): number {
  const words = below.text.trim().split(/\s+/);
  let end = 1;
  while (end < words.length && noBreakBefore.test(words[end]!)) end++;
  const first = words.slice(0, end).join(" ");
  // A space is about 0.28 em in the faces plans are set in.
  return above.right + 0.28 * below.size + partWidth(first, below.text, below.right - below.x);
}

/**
 * A cell's text and, when position leaves some line breaks open, its printed lines (see
 * {@link PrintedLine}). A line starting with a bullet or a number starts a line of its own; so does
 * one set a blank line or more below the last (kept as blank lines, as is a blank first line in a
 * row whose other cells start higher and that packs several items into a cell: an item with no
 * value), and one after a line that stopped short of where the column wraps with room for its first
 * word (a line break the author typed). A line going on in lower case, or after a word or sign that
 * needs more, is a wrap; so is one that finishes a word too wide for the column (joined with no
 * space). Any other line is open: it may be wrapped or typed. The text reads an open line as a new
 * one outside a list item when it starts a new name or figure after one that reads complete.
 */
function cellLines(parts: readonly CellPart[], edge: ColumnEdge, place: RowPlace): Pick<TableCell, "text" | "lines"> {
  const lines: PrintedLine[] = Array.from({ length: leadingBlanks(parts, place) }, () => ({
    text: "",
    follows: "new" as const,
  }));
  const out: string[] = lines.map(() => "");
  let inItem = false;
  parts.forEach((part, i) => {
    const text = cellLineMarker(part.chunk.text) ?? part.chunk.text;
    if (part.marked) inItem = true;
    const before = parts[i - 1];
    if (before === undefined) {
      lines.push({ text, follows: "new" });
      out.push(text);
      return;
    }
    const gap = before.line.y - part.line.y;
    const blanks = gap > 1.5 * place.step ? Math.max(1, Math.round(gap / place.step) - 1) : 0;
    for (let b = 0; b < blanks; b++) lines.push({ text: "", follows: "new" });
    const follows: PrintedLine["follows"] =
      part.marked || blanks > 0 || typedBreak(before.chunk, part.chunk, edge)
        ? "new"
        : brokenWord(before.chunk, part.chunk, edge)
          ? "join"
          : /^\p{Ll}/u.test(text) || needsMore(out.at(-1)!)
            ? "wrap"
            : "open";
    lines.push({ text, follows });
    if (follows === "new" || (follows === "open" && !inItem && startsAnew(out.at(-1)!, text))) {
      for (let b = 0; b < blanks; b++) out.push("");
      out.push(text);
    } else if (follows === "join") out[out.length - 1] = out.at(-1)! + text;
    else out[out.length - 1] = joinWrapped(out.at(-1)!, text);
  });
  const text = out.join("\n");
  return lines.some((line) => line.follows === "open") ? { text, lines } : { text };
}

/**
 * Blank lines above a cell's first line, in a row packing several items into a cell: its text
 * starts lower than the row's, and is not set in the middle of the row (the space below its text
 * is not about the same as above it).
 */
function leadingBlanks(parts: readonly CellPart[], place: RowPlace): number {
  const first = parts[0]?.line;
  const last = parts.at(-1)?.line;
  if (first === undefined || last === undefined || place.items < 2 || parts[0]!.marked) return 0;
  const above = place.top - first.y;
  const below = last.y - place.bottom;
  if (above < 0.5 * place.step || Math.abs(above - below) < 0.6 * place.step) return 0;
  return Math.round(above / place.step);
}

function typedBreak(above: Chunk, below: Chunk, edge: ColumnEdge): boolean {
  // The column is at least as wide as the widest text in it (and as its rules allow): a word that
  // fitted there was not wrapped. A line going on in lower case is read on all the same: a typed
  // break seldom starts one.
  if (/^\p{Ll}/u.test(below.text)) return false;
  return reach(above, below) < Math.max(edge.lo, edge.ruled ?? -Infinity) - 1;
}

function brokenWord(above: Chunk, below: Chunk, edge: ColumnEdge): boolean {
  // Header labels are short words set in bold: "Completion" over "date" is two words wrapped.
  if (above.bold && below.bold) return false;
  const letters = /\p{L}$/u.test(above.text) && /^\p{Ll}/u.test(below.text);
  // A figure is broken only when it is too wide for the column on a line of its own: a line that
  // ends on a figure after other words ("Financial year 2025/26") may be followed by the next date.
  const figures = /\p{N}$/u.test(above.text) && /^\p{N}/u.test(below.text) && !/\s/.test(above.text.trim());
  if (!letters && !figures) return false;
  const filled = above.right >= edge.lo - 0.6 * above.size;
  return filled && wordWidth(above, "last") + wordWidth(below, "first") > edge.lo - edge.left;
}

/** 1-based character column of a chunk in its line's text (found by text: a chunk may have been split). */
function columnOf(line: PdfLine, chunk: Chunk): number {
  let from = 0;
  for (const other of line.chunks) {
    const found = line.text.indexOf(other.text, from);
    if (found < 0) return 1;
    if (other === chunk) return found + 1;
    from = found + other.text.length;
  }
  return 1;
}

/** Two tables on consecutive pages are one when their columns start at about the same places. */
export function sameLayout(a: PdfTable, b: PdfTable): boolean {
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((column, c) => Math.abs(column.left - b.columns[c]!.left) <= 6);
}

export function rowTexts(row: TableRow): string {
  return row.cells.map((cell) => cell.text.replace(/\s+/g, " ").trim().toLowerCase()).join("\u0000");
}

/** Joins a table continued on the next page, without the header row that page repeats. */
export function appendTable(into: PdfTable, next: PdfTable): void {
  const header = into.rows[0];
  const rows =
    header !== undefined && next.rows[0] !== undefined && rowTexts(header) === rowTexts(next.rows[0])
      ? next.rows.slice(1)
      : next.rows;
  if (rows !== next.rows && header !== undefined) header.header = true;
  into.rows.push(...rows);
}

/** The table as a block, with each cell addressed by its row and column. */
export function toTableBlock(table: PdfTable): TableBlock {
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      cell.source.cell = `r${r + 1}c${c + 1}`;
      c += cell.colSpan;
    }
  });
  return { kind: "table", rows: table.rows, source: { ...table.rows[0]!.source } };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
