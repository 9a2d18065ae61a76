import { parse } from "csv-parse/sync";
import type { InfoRecord } from "csv-parse/sync";
import type { Nodes, Parents, Root, RootContent, TableRow as MdTableRow } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import type {
  Block,
  DocumentModel,
  ListItemBlock,
  SourceRef,
  TableBlock,
  TableCell,
  TableRow,
} from "./document.model.js";
import { detectDelimiter } from "./csv.delimiter.js";
import { cleanText, htmlCellToText } from "../normalise/text.normaliser.js";
import { PlanParseError } from "../parsers/parse.errors.js";

/**
 * Lowers the text formats (CSV, Markdown, plain text) to the document model. `DocumentModel.text`
 * is the text as given with its line breaks normalised (CRLF and CR become LF, and a form feed —
 * a page break in extracted text — becomes a line break too), so every `SourceRef.line` is a line
 * of the document as the user sees it. Everything is read in one pass over the lines (CSV and
 * Markdown by their libraries), so a 5 MB document costs time in proportion to its size.
 */

export type TextFormat = "CSV" | "MARKDOWN" | "TEXT";

export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?|\f/g, "\n");
}

export function readText(text: string, format: TextFormat): DocumentModel {
  const normalised = normaliseNewlines(text);
  switch (format) {
    case "CSV":
      return readCsv(normalised);
    case "MARKDOWN":
      return readMarkdown(normalised);
    case "TEXT":
      return readPlainText(normalised);
  }
}

/**
 * A cell as lines: HTML fragments (a CMS export's <p>, <li>, <br>) become lines as the model asks.
 * A cell without markup keeps its own line breaks, empty lines included, at its ends too: in a cell
 * of packed statuses, an empty line is an action with no status (the first one's, when the cell
 * opens with it), and dropping it would shift the rest. A cell of nothing but blank lines is empty.
 */
function cellText(raw: string): string {
  if (/<[a-z/!]/i.test(raw)) return htmlCellToText(raw.includes("\n") ? raw.replaceAll("\n", "<br>") : raw);
  if (!raw.includes("\n")) return cleanText(raw);
  const lines = raw.split(/\r\n?|\n/).map((line) => cleanText(line));
  return lines.every((line) => line === "") ? "" : lines.join("\n");
}

function cell(text: string, source: SourceRef): TableCell {
  return { text, colSpan: 1, rowSpan: 1, source };
}

// --- Plain text ------------------------------------------------------------------------------

/**
 * Glyphs that open a bulleted line in pasted or extracted text. The first group are bullets
 * wherever they stand; the second are ordinary characters too, so they count only before a space.
 */
export const bulletGlyphs = ["•", "▪", "·", "◦", "‣", "○", "■", "□", "➢", "►"] as const;
export const spacedBulletGlyphs = ["–", "—", "-", "*", "o"] as const;

const BULLET_LINE = new RegExp(
  `^([ \\t]*)(?:([${bulletGlyphs.join("")}])[ \\t]*|([${spacedBulletGlyphs.join("").replace("-", "\\-")}])[ \\t]+)(?=\\S)`,
  "u",
);
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
// "1.", "1)", "a)", "(i)", "R1:": a marker cell in front of a tab is a numbered line, not a two-column table.
const MARKER_CELL = /^\s*(?:[•▪·◦‣○■□➢►–—*o-]|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.):]|[A-Z]{1,3}\d{1,3}[.):]?)\s*$/i;
const SEPARATOR_CELL = /^\s*:?-{3,}:?\s*$/;

interface SplitLine {
  kind: "tab" | "pipe";
  /** Raw cell texts and their 0-based offsets in the line. */
  cells: string[];
  offsets: number[];
}

function splitTabs(line: string): SplitLine | null {
  const cells = line.split("\t");
  if (cells.length < 2) return null;
  if (cells.length === 2 && MARKER_CELL.test(cells[0]!)) return null;
  const offsets: number[] = [];
  let at = 0;
  for (const c of cells) {
    offsets.push(at);
    at += c.length + 1;
  }
  return { kind: "tab", cells, offsets };
}

function splitPipes(line: string): SplitLine | null {
  if (!line.includes(" | ")) return null;
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === " " || line[start] === "\t")) start++;
  while (end > start && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  if (line[start] === "|") start++;
  if (end > start && line[end - 1] === "|") end--;
  const cells: string[] = [];
  const offsets: number[] = [];
  let from = start;
  for (;;) {
    const bar = line.indexOf(" | ", from);
    const stop = bar === -1 || bar >= end ? end : bar;
    cells.push(line.slice(from, stop));
    offsets.push(from);
    if (stop === end) break;
    from = bar + 3;
  }
  return cells.length >= 2 ? { kind: "pipe", cells, offsets } : null;
}

function splitLine(line: string): SplitLine | null {
  return line.includes("\t") ? splitTabs(line) : splitPipes(line);
}

function firstVisible(line: string): number {
  const match = /\S/.exec(line);
  return match === null ? 0 : match.index;
}

function indentWidth(indent: string): number {
  let width = 0;
  for (const ch of indent) width += ch === "\t" ? 4 - (width % 4) : 1;
  return width;
}

function textTable(splits: readonly (SplitLine | null)[], from: number, to: number): TableBlock {
  const rows: TableRow[] = [];
  for (let i = from; i <= to; i++) {
    const split = splits[i]!;
    const line = i + 1;
    if (split.cells.every((c) => c.trim() === "" || SEPARATOR_CELL.test(c))) continue;
    const r = rows.length + 1;
    const cells = split.cells.map((raw, k) => {
      const offset = split.offsets[k]! + firstVisible(raw);
      return cell(cellText(raw), { line, column: offset + 1, cell: `r${r}c${k + 1}` });
    });
    rows.push({ cells, header: false, source: { line, column: 1 } });
  }
  return { kind: "table", rows, source: { line: from + 1, column: 1 } };
}

/** A line opening with a bullet or an item number and then words: a list item, whatever follows it. */
const ITEM_OPENING = /^\s*(?:[•▪·*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\p{L}/u;

/**
 * Whether lines [from, to] that split alike are a table. Tabs and framed pipes ("| a | b |") are
 * typed as tables; " | " between words is also a way of running an item's fields together
 * ("1. Agree the budget | Due: March | Status: Green"): an unframed run of lines that each open as a
 * numbered or bulleted item is a list, unless a separator row says otherwise.
 */
function isTableRun(
  lines: readonly string[],
  splits: readonly (SplitLine | null)[],
  from: number,
  to: number,
): boolean {
  if (splits[from]!.kind === "tab") return true;
  let framed = true;
  let items = true;
  for (let i = from; i <= to; i++) {
    if (splits[i]!.cells.every((c) => c.trim() === "" || SEPARATOR_CELL.test(c))) return true;
    const line = lines[i]!.trim();
    framed &&= line.startsWith("|") && line.endsWith("|");
    items &&= ITEM_OPENING.test(line);
  }
  return framed || !items;
}

function readPlainText(text: string): DocumentModel {
  const lines = text.split("\n");
  const splits = lines.map(splitLine);
  const blocks: Block[] = [];
  // Indentations of the open bullet levels: a deeper indent nests, a shallower one closes levels.
  let indents: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const split = splits[i];
    if (split) {
      let end = i;
      while (
        end + 1 < lines.length &&
        splits[end + 1]?.kind === split.kind &&
        splits[end + 1]!.cells.length === split.cells.length
      )
        end++;
      if (end > i && isTableRun(lines, splits, i, end)) {
        const table = textTable(splits, i, end);
        if (table.rows.length > 0) blocks.push(table);
        indents = [];
        i = end;
        continue;
      }
    }
    const source: SourceRef = { line: i + 1, column: firstVisible(line) + 1 };
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length, text: cleanText(heading[2]!), source });
      indents = [];
      continue;
    }
    const bullet = BULLET_LINE.exec(line);
    if (bullet) {
      const width = indentWidth(bullet[1]!);
      while (indents.length > 0 && indents[indents.length - 1]! > width) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < width) indents.push(width);
      const item: ListItemBlock = {
        kind: "listItem",
        depth: indents.length - 1,
        ordered: false,
        marker: bullet[2] ?? bullet[3]!,
        text: cleanText(line.slice(bullet[0].length)),
        source,
      };
      blocks.push(item);
      continue;
    }
    blocks.push({ kind: "paragraph", text: cleanText(line), source });
    indents = [];
  }
  return { format: "TEXT", title: null, blocks, text, warnings: [] };
}

// --- CSV -------------------------------------------------------------------------------------

/**
 * Appends the records of `text` (which starts on line `firstLine + 1` of the document) to `rows`.
 * A parse error is rethrown as {@link CsvStop}, carrying the last line read whole.
 */
function parseCsvRows(text: string, delimiter: string, quote: boolean, rows: TableRow[], firstLine: number): void {
  let lastLine = firstLine;
  try {
    parse(text, {
      delimiter,
      quote: quote ? '"' : false,
      relax_column_count: true,
      relax_quotes: true,
      // Blank lines are kept as records so each record starts on the line after the previous one ends.
      skip_empty_lines: false,
      on_record: (record: string[], context: InfoRecord) => {
        const line = lastLine + 1;
        // `lines` is the line the record ends on: csv-parse counts lines as it consumes them.
        lastLine = firstLine + context.lines;
        if (record.every((field) => field.trim() === "")) return null;
        const r = rows.length + 1;
        const cells = record.map((field, k) => cell(cellText(field), { line, cell: `r${r}c${k + 1}` }));
        rows.push({ cells, header: false, source: { line } });
        return null;
      },
    });
  } catch {
    throw new CsvStop(lastLine);
  }
}

/** Where a CSV parse stopped: the last line of the last record read whole. */
class CsvStop extends Error {
  constructor(readonly readTo: number) {
    super(`CSV parsing stopped after line ${readTo}`);
  }
}

/** Offset of the start of 1-based `line` in `text`. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf("\n", offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return offset;
}

function readCsv(text: string): DocumentModel {
  const delimiter = detectDelimiter(text)?.delimiter ?? ",";
  const rows: TableRow[] = [];
  const warnings: DocumentModel["warnings"] = [];
  try {
    parseCsvRows(text, delimiter, true, rows, 0);
  } catch (error) {
    if (!(error instanceof CsvStop)) throw error;
    // A stray quote makes RFC 4180 swallow the rest of the file: the records before it stand, the
    // rest is read again without quoting rather than lost, and the warning says where.
    const line = error.readTo + 1;
    warnings.push({ line, message: `Unbalanced quotes from line ${line}: the rest was read without CSV quoting.` });
    try {
      parseCsvRows(text.slice(lineOffset(text, line)), delimiter, false, rows, error.readTo);
    } catch (again) {
      const where = again instanceof CsvStop ? again.readTo + 1 : line;
      throw new PlanParseError("import.corrupt_document", "The CSV file cannot be read.", { line: where });
    }
  }
  const blocks: Block[] = rows.length === 0 ? [] : [{ kind: "table", rows, source: { line: rows[0]!.source.line } }];
  return { format: "CSV", title: null, blocks, text, warnings };
}

// --- Markdown --------------------------------------------------------------------------------

const LIST_MARKER = /^[ \t]*([-*+]|\d{1,9}[.)])/;

function at(node: Nodes): SourceRef {
  const start = node.position?.start;
  return start === undefined ? { line: 1 } : { line: start.line, column: start.column };
}

/**
 * The words of a block's inline content, formatting dropped. Raw HTML is kept only where the
 * caller turns it into lines (table cells); elsewhere it is dropped. Iterative: emphasis nests
 * as deep as the document likes.
 */
function inlineText(node: Nodes, keepHtml: boolean): string {
  let out = "";
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.type) {
      case "text":
      case "inlineCode":
        out += n.value;
        break;
      case "break":
        out += keepHtml ? "<br>" : " ";
        break;
      case "image":
        out += n.alt ?? "";
        break;
      case "html":
        out += keepHtml ? n.value : /^<br\s*\/?>$/i.test(n.value) ? " " : "";
        break;
      default:
        if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}

function markdownTable(rows: readonly MdTableRow[]): TableBlock {
  const out: TableRow[] = rows.map((row, r) => ({
    // GFM's first row is the header row by definition.
    header: r === 0,
    source: at(row),
    cells: row.children.map((c, k) => cell(cellText(inlineText(c, true)), { ...at(c), cell: `r${r + 1}c${k + 1}` })),
  }));
  return { kind: "table", rows: out, source: at(rows[0]!) };
}

interface Frame {
  node: RootContent;
  listDepth: number;
}

function pushChildren(stack: Frame[], parent: Parents, listDepth: number): void {
  for (let i = parent.children.length - 1; i >= 0; i--)
    stack.push({ node: parent.children[i] as RootContent, listDepth });
}

/**
 * Container nesting micromark is asked to follow. Its cost grows with the square of the depth
 * (100,000 nested "> " took minutes); real documents nest a few levels.
 */
export const markdownLimits = { maxQuoteDepth: 100, maxIndentColumns: 400 };

function rejectDeepNesting(text: string): void {
  let line = 0;
  for (const lineText of text.split("\n")) {
    line++;
    const prefix = /^[ \t>]*/.exec(lineText)![0];
    if (prefix.length <= markdownLimits.maxQuoteDepth) continue;
    let quotes = 0;
    for (const ch of prefix) if (ch === ">") quotes++;
    if (
      quotes > markdownLimits.maxQuoteDepth ||
      indentWidth(prefix.replaceAll(">", " ")) > markdownLimits.maxIndentColumns
    )
      throw new PlanParseError(
        "import.limit_exceeded",
        `Markdown nested deeper than ${markdownLimits.maxQuoteDepth} block quotes or ${markdownLimits.maxIndentColumns} columns of indentation.`,
        { line },
      );
  }
}

function readMarkdown(text: string): DocumentModel {
  rejectDeepNesting(text);
  let tree: Root;
  try {
    tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  } catch {
    throw new PlanParseError("import.corrupt_document", "The Markdown document cannot be read.");
  }
  const blocks: Block[] = [];
  const stack: Frame[] = [];
  pushChildren(stack, tree, 0);
  while (stack.length > 0) {
    const { node, listDepth } = stack.pop()!;
    switch (node.type) {
      case "heading":
        blocks.push({ kind: "heading", level: node.depth, text: cleanText(inlineText(node, false)), source: at(node) });
        break;
      case "paragraph": {
        const words = cleanText(inlineText(node, false));
        if (words !== "") blocks.push({ kind: "paragraph", text: words, source: at(node) });
        break;
      }
      case "list":
        for (let i = node.children.length - 1; i >= 0; i--)
          stack.push({ node: node.children[i]!, listDepth: listDepth + 1 });
        break;
      case "listItem": {
        // The parent list pushed its items one level deeper than itself; depth 0 is top level.
        const [first, ...rest] = node.children;
        const source = at(node);
        const offset = node.position?.start.offset;
        const marker = offset === undefined ? null : (LIST_MARKER.exec(text.slice(offset, offset + 16))?.[1] ?? null);
        const ordered = marker !== null && /\d/.test(marker);
        const words = first?.type === "paragraph" ? cleanText(inlineText(first, false)) : "";
        if (words !== "") blocks.push({ kind: "listItem", depth: listDepth - 1, ordered, marker, text: words, source });
        const after = first?.type === "paragraph" ? rest : node.children;
        for (let i = after.length - 1; i >= 0; i--) stack.push({ node: after[i]!, listDepth });
        break;
      }
      case "table":
        if (node.children.length > 0) blocks.push(markdownTable(node.children));
        break;
      case "blockquote":
        pushChildren(stack, node, listDepth);
        break;
      case "code": {
        const start = node.position?.start;
        const fenced =
          start !== undefined && /^[ \t]*(?:```|~~~)/.test(text.slice(start.offset ?? 0, (start.offset ?? 0) + 8));
        const first = (start?.line ?? 1) + (fenced ? 1 : 0);
        node.value.split("\n").forEach((codeLine, k) => {
          const words = cleanText(codeLine);
          if (words !== "") blocks.push({ kind: "paragraph", text: words, source: { line: first + k } });
        });
        break;
      }
      case "html":
        for (const htmlLine of htmlCellToText(node.value).split("\n"))
          if (htmlLine !== "") blocks.push({ kind: "paragraph", text: htmlLine, source: at(node) });
        break;
      default:
        // Thematic breaks, definitions, footnote definitions: no plan text of their own.
        if ("children" in node) pushChildren(stack, node, listDepth);
    }
  }
  return { format: "MARKDOWN", title: null, blocks, text, warnings: [] };
}
