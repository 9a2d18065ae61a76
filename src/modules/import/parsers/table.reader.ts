import { htmlCellToText } from "../normalise/text.normaliser.js";
import { type ColumnMap, mapHeader } from "./columns.js";
import { isBlank } from "./line-shapes.js";
import type { TextLine } from "./page-furniture.js";

/** How the cells of a table are written down. */
export const tableSyntaxes = ["markdown", "tab", "pipe", "comma", "html"] as const;
export type TableSyntax = (typeof tableSyntaxes)[number];

export interface TableRow {
  /** 1-based line of the document where the row starts (a quoted cell may carry it over more lines). */
  line: number;
  /** Cells as printed: raw text, HTML included; the parser cleans them. */
  cells: string[];
}

export interface LocatedTable {
  syntax: TableSyntax;
  header: TableRow;
  columns: ColumnMap;
  /** Every row after the header, in document order, blank rows dropped. */
  rows: TableRow[];
  /** Non-empty text outside the table, tags stripped: where the title and unplaced lines come from. */
  before: TextLine[];
  after: TextLine[];
}

/** A runaway opening quote must not swallow the rest of the document into one cell. */
const maxQuotedLines = 200;
/**
 * Every line is tried as a header, and a header's cells are a few words each, so a header
 * candidate's quoted cell may run over only a few lines. Without this, every line of a run of
 * quoted rows would be re-read as a header through all the lines its first cell spans.
 */
const maxHeaderQuotedLines = 5;

const markdownSeparator = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function isMarkdownSeparator(line: string): boolean {
  return line.includes("-") && line.includes("|") && markdownSeparator.test(line);
}

interface RecordRead {
  cells: string[];
  /** Index of the line after the record's last line. */
  next: number;
}

/**
 * Reads one record of a tab- or comma-separated table starting at `lines[start]`. A field that
 * opens with a double quote follows RFC 4180 (delimiters and line breaks inside, `""` for a quote)
 * over at most `maxLines` further lines; a quote that does not close by then is taken literally,
 * since prose cells sometimes open with a quotation.
 */
function readQuotedRecord(lines: readonly string[], start: number, delimiter: string, maxLines: number): RecordRead {
  const cells: string[] = [];
  let index = start;
  let text = lines[index] ?? "";
  let pos = 0;
  for (;;) {
    if (text[pos] === '"') {
      const quoted = readQuotedField(lines, index, pos + 1, delimiter, maxLines);
      if (quoted !== null) {
        cells.push(quoted.value);
        index = quoted.index;
        text = lines[index] ?? "";
        pos = quoted.pos;
        if (pos >= text.length) return { cells, next: index + 1 };
        pos++;
        continue;
      }
    }
    const end = text.indexOf(delimiter, pos);
    if (end === -1) {
      cells.push(text.slice(pos));
      return { cells, next: index + 1 };
    }
    cells.push(text.slice(pos, end));
    pos = end + 1;
  }
}

interface QuotedField {
  value: string;
  /** Line index and position just after the closing quote and any spaces (at a delimiter or the end of line). */
  index: number;
  pos: number;
}

/**
 * Where the quoted field being read from `from` in `text` closes: the first quote that is not half
 * of a `""` and is followed, past spaces, by the delimiter or the end of the line. -1 if none.
 * A lone quote that does not close the field is part of it, as lenient readers have it.
 */
function closingQuoteAt(text: string, from: number, delimiter: string): number {
  let pos = text.indexOf('"', from);
  while (pos !== -1) {
    if (text[pos + 1] === '"') {
      pos = text.indexOf('"', pos + 2);
      continue;
    }
    let after = pos + 1;
    while (text[after] === " ") after++;
    if (after >= text.length || text[after] === delimiter) return pos;
    pos = text.indexOf('"', pos + 1);
  }
  return -1;
}

const closingLinesCache = new WeakMap<readonly string[], Map<string, Int32Array>>();

/**
 * For each line, the first line at or after it where a quoted field carried over from an earlier
 * line would close (-1 if none). A field continuing onto a line is read from the line's start
 * whatever line it opened on, so this is computed once per document and delimiter; reading each
 * unclosed quote's next lines afresh cost up to {@link maxQuotedLines} lines for every row.
 */
function closingLines(lines: readonly string[], delimiter: string): Int32Array {
  let byDelimiter = closingLinesCache.get(lines);
  if (byDelimiter === undefined) {
    byDelimiter = new Map();
    closingLinesCache.set(lines, byDelimiter);
  }
  const cached = byDelimiter.get(delimiter);
  if (cached !== undefined) return cached;
  const next = new Int32Array(lines.length);
  let following = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    if (closingQuoteAt(lines[index] ?? "", 0, delimiter) !== -1) following = index;
    next[index] = following;
  }
  byDelimiter.set(delimiter, next);
  return next;
}

/** A quoted field's text between its quotes: `""` is one quote; any other quote is kept as printed. */
const unescapeQuotes = (text: string): string => text.replaceAll('""', '"');

function readQuotedField(
  lines: readonly string[],
  startIndex: number,
  startPos: number,
  delimiter: string,
  maxLines: number,
): QuotedField | null {
  const first = lines[startIndex] ?? "";
  let index = startIndex;
  let close = closingQuoteAt(first, startPos, delimiter);
  if (close === -1) {
    const closing = startIndex + 1 < lines.length ? (closingLines(lines, delimiter)[startIndex + 1] ?? -1) : -1;
    if (closing === -1 || closing - startIndex > maxLines) return null;
    index = closing;
    close = closingQuoteAt(lines[index] ?? "", 0, delimiter);
  }
  const parts: string[] = [];
  for (let at = startIndex; at <= index; at++) {
    const text = lines[at] ?? "";
    parts.push(unescapeQuotes(text.slice(at === startIndex ? startPos : 0, at === index ? close : text.length)));
  }
  const last = lines[index] ?? "";
  let after = close + 1;
  while (last[after] === " ") after++;
  return { value: parts.join("\n"), index, pos: after };
}

/**
 * Whether the header row is framed by pipes (`| a | b |`). Rows follow their header: without a
 * leading pipe in the header, a row that starts with "|" starts with an empty cell (a continuation
 * row), not with a frame.
 */
interface PipeFrame {
  leading: boolean;
  trailing: boolean;
}

const fullFrame: PipeFrame = { leading: true, trailing: true };

function frameOf(line: string): PipeFrame {
  const text = line.trim();
  return { leading: text.startsWith("|"), trailing: text.endsWith("|") && !text.endsWith("\\|") };
}

/** Splits a pipe or Markdown row; `\|` is a literal pipe inside a cell. */
function splitPipeRow(line: string, frame: PipeFrame): string[] {
  let text = line.trim();
  if (frame.leading && text.startsWith("|")) text = text.slice(1);
  if (frame.trailing && text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.replaceAll("\\|", "|"));
}

function delimiterOf(syntax: "tab" | "comma"): string {
  return syntax === "tab" ? "\t" : ",";
}

function readLineRecord(
  lines: readonly string[],
  start: number,
  syntax: Exclude<TableSyntax, "html">,
  frame: PipeFrame,
  maxLines: number = maxQuotedLines,
): RecordRead {
  if (syntax === "tab" || syntax === "comma") {
    const line = lines[start] ?? "";
    // Cheap path: no quote on the line means no RFC 4180 field can open on it.
    if (!line.includes('"')) return { cells: line.split(delimiterOf(syntax)), next: start + 1 };
    return readQuotedRecord(lines, start, delimiterOf(syntax), maxLines);
  }
  return { cells: splitPipeRow(lines[start] ?? "", frame), next: start + 1 };
}

function hasDelimiter(line: string, syntax: Exclude<TableSyntax, "html">): boolean {
  switch (syntax) {
    case "tab":
      return line.includes("\t");
    case "comma":
      return line.includes(",");
    case "pipe":
    case "markdown":
      return line.includes("|");
  }
}

function isMarkdownHeader(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? "";
  const next = lines[index + 1];
  return line.includes("|") && next !== undefined && isMarkdownSeparator(next);
}

function textLines(lines: readonly string[], from: number, to: number): TextLine[] {
  const result: TextLine[] = [];
  for (let index = from; index < to; index++) {
    // A Markdown heading's "#" marks are markup, not part of a title.
    const text = htmlCellToText(lines[index] ?? "")
      .replaceAll("\n", " ")
      .replace(/^#{1,6}\s+/, "");
    if (text !== "") result.push({ line: index + 1, text });
  }
  return result;
}

function readRowsAfter(
  lines: readonly string[],
  from: number,
  syntax: Exclude<TableSyntax, "html">,
  frame: PipeFrame,
): TableRow[] {
  const rows: TableRow[] = [];
  let index = from;
  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (isBlank(line) || ((syntax === "markdown" || syntax === "pipe") && isMarkdownSeparator(line))) {
      index++;
      continue;
    }
    const record = readLineRecord(lines, index, syntax, frame);
    rows.push({ line: index + 1, cells: record.cells });
    index = record.next;
  }
  return rows;
}

/** A header only counts when some row under it splits into more than one cell. */
function hasDataRow(rows: readonly TableRow[]): boolean {
  return rows.some((row) => row.cells.length > 1);
}

function locateLineTable(lines: readonly string[]): LocatedTable | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const syntaxes: Exclude<TableSyntax, "html">[] = isMarkdownHeader(lines, index)
      ? ["markdown"]
      : ["tab", "pipe", "comma"];
    for (const syntax of syntaxes) {
      if (!hasDelimiter(line, syntax)) continue;
      const header = readLineRecord(lines, index, syntax, fullFrame, maxHeaderQuotedLines);
      const columns = mapHeader(header.cells);
      if (columns === null) continue;
      const rows = readRowsAfter(lines, syntax === "markdown" ? header.next + 1 : header.next, syntax, frameOf(line));
      if (!hasDataRow(rows)) continue;
      return {
        syntax,
        header: { line: index + 1, cells: header.cells },
        columns,
        rows,
        before: textLines(lines, 0, index),
        after: [],
      };
    }
  }
  return null;
}

// Attributes are bounded and may not contain "<": with `[^>]*`, every "<table" (or "<tr", "<td")
// whose ">" is missing scanned to the end of the document, which is quadratic in its length.
const tableElement = /<table\b[^<>]{0,1000}>([\s\S]*?)(?:<\/table\s*>|$)/gi;
const rowStart = /<tr\b[^<>]{0,1000}>/gi;
const cellElement = /<t[hd]\b([^<>]{0,1000})>([\s\S]*?)(?=<t[hd]\b|<\/tr\s*>|$)/gi;
const cellClose = /<\/t[hd]\s*>\s*$/i;
const colspan = /\bcolspan\s*=\s*["']?(\d+)/i;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function htmlRows(text: string): { rows: TableRow[]; firstTableLine: number; lastTableLine: number } | null {
  const starts = lineStarts(text);
  const rows: TableRow[] = [];
  let firstTableLine: number | null = null;
  let lastTableLine = 0;
  for (const table of text.matchAll(tableElement)) {
    const tableStart = table.index;
    const body = table[1] ?? "";
    const bodyStart = tableStart + table[0].indexOf(body);
    firstTableLine ??= lineAt(starts, tableStart);
    lastTableLine = lineAt(starts, tableStart + table[0].length - 1);
    const rowOffsets = [...body.matchAll(rowStart)].map((match) => ({ at: match.index, length: match[0].length }));
    rowOffsets.forEach((row, i) => {
      const end = rowOffsets[i + 1]?.at ?? body.length;
      const content = body.slice(row.at + row.length, end);
      const cells: string[] = [];
      for (const cell of content.matchAll(cellElement)) {
        cells.push((cell[2] ?? "").replace(cellClose, ""));
        const span = Number.parseInt(colspan.exec(cell[1] ?? "")?.[1] ?? "1", 10);
        // Spanned columns are padded so later cells stay under their own header.
        for (let extra = 1; extra < Math.min(span, 50); extra++) cells.push("");
      }
      if (cells.length > 0) rows.push({ line: lineAt(starts, bodyStart + row.at), cells });
    });
  }
  return firstTableLine === null ? null : { rows, firstTableLine, lastTableLine };
}

function locateHtmlTable(text: string, lines: readonly string[]): LocatedTable | null {
  const found = htmlRows(text);
  if (found === null) return null;
  const headerAt = found.rows.findIndex((row) => mapHeader(row.cells.map(htmlCellToText)) !== null);
  const header = found.rows[headerAt];
  if (headerAt === -1 || header === undefined) return null;
  const columns = mapHeader(header.cells.map(htmlCellToText));
  const rows = found.rows.slice(headerAt + 1);
  if (columns === null || !hasDataRow(rows)) return null;
  const insideBeforeHeader = found.rows
    .slice(0, headerAt)
    .map((row) => ({ line: row.line, text: row.cells.map(htmlCellToText).join(" ").trim() }));
  return {
    syntax: "html",
    header,
    columns,
    rows,
    before: [...textLines(lines, 0, found.firstTableLine - 1), ...insideBeforeHeader.filter((row) => row.text !== "")],
    after: textLines(lines, found.lastTableLine, lines.length),
  };
}

/**
 * Finds the first header row (three or more known column words) in any of the supported table
 * syntaxes, and the rows under it. `text` must already have "\n" line endings; `lines` is
 * `text.split("\n")`, for a caller that has split it already.
 */
export function locateTable(text: string, lines: readonly string[] = text.split("\n")): LocatedTable | null {
  if (/<table\b/i.test(text)) {
    const html = locateHtmlTable(text, lines);
    if (html !== null) return html;
  }
  return locateLineTable(lines);
}
