import type { Block, DocumentModel, ListItemBlock, SourceRef } from "./document.model.js";
import { buildLines, type PdfLine, type PdfPage } from "./pdf.geometry.js";
import { appendTable, round, sameLayout, segmentPage, toTableBlock, type PdfTable } from "./pdf.tables.js";
import { joinWrapped, listMarker } from "./pdf.text.js";

/**
 * From positioned text to blocks: page furniture removed, tables found and joined over page breaks,
 * the remaining lines read as headings, list items and paragraphs.
 *
 * `DocumentModel.text` is every rebuilt line, one per line, top to bottom, page after page (running
 * headers, footers and page numbers included: it is the text as extracted); the chunks of a line
 * that stand apart by more than a few spaces (table cells) are joined by a tab.
 */

/** Lines in this top or bottom fraction of the page may be running headers, footers or page numbers. */
const marginBand = 0.1;
/** A running line sits at about the same height on every page it is on. */
const runningTolerance = 3;
/** Larger than the body text by this factor: a heading. */
const headingScale = 1.15;
/** A bold line this short and not ending like a sentence is a heading. */
const maxBoldHeadingChars = 100;

const pageNumberPatterns: readonly RegExp[] = [
  /^\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(of|\/)\s*\d{1,4}$/i,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^\d{1,4}\s*\|\s*page$/i,
  /^page\s*\|\s*\d{1,4}$/i,
];

export function layoutPdf(pages: readonly PdfPage[], title: string | null): DocumentModel {
  const warnings: DocumentModel["warnings"] = [];
  const pageLines: PdfLine[][] = [];
  const text: string[] = [];
  for (const page of pages) {
    if (page.failure !== undefined) {
      warnings.push({ line: Math.max(1, text.length), message: `Page ${page.number}: ${page.failure}` });
    }
    const lines = buildLines(page).map((line) => ({ ...line, lineNo: text.push(line.text) }));
    pageLines.push(lines);
  }
  if (text.length === 0) {
    warnings.push({ line: 1, message: "The PDF has no text to read (a scanned document?)." });
    return { format: "PDF", title, blocks: [], text: "", warnings };
  }
  const furniture = pageFurniture(pages, pageLines, medianSize(pageLines.flat()));
  const body = pageLines.map((lines) => lines.filter((line) => !furniture.has(line)));
  const style = bodyStyle(body.flat());
  const blocks: Block[] = [];
  let openTable: PdfTable | null = null;
  // The paragraph or list item the previous page ended on, which the next page may carry on.
  let carried: Open | null = null;
  for (const [p, lines] of body.entries()) {
    const segments = segmentPage(lines, pages[p]!.rules, pages[p]!.fills);
    const carry = carried;
    carried = null;
    for (const [s, segment] of segments.entries()) {
      if (segment.kind === "table") {
        if (openTable !== null && s === 0 && sameLayout(openTable, segment.table)) {
          appendTable(openTable, segment.table);
        } else {
          if (openTable !== null) blocks.push(toTableBlock(openTable));
          openTable = segment.table;
        }
        continue;
      }
      if (openTable !== null) blocks.push(toTableBlock(openTable));
      openTable = null;
      const read = textBlocks(segment.lines, style, s === 0 ? carry : null);
      blocks.push(...read.blocks);
      if (s === segments.length - 1) carried = read.open;
    }
    // A table goes on over the page break only if it is the last thing on its page.
    if (openTable !== null && segments.at(-1)?.kind !== "table") {
      blocks.push(toTableBlock(openTable));
      openTable = null;
    }
  }
  if (openTable !== null) blocks.push(toTableBlock(openTable));
  return { format: "PDF", title, blocks, text: text.join("\n"), warnings };
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

function inMargin(line: PdfLine, page: PdfPage): boolean {
  const fromBottom = line.y - page.bottom;
  return fromBottom < marginBand * page.height || fromBottom > (1 - marginBand) * page.height;
}

/**
 * Running headers and footers (the same words, numbers aside, at about the same height on at
 * least half the pages with text) and page numbers, in the top or bottom margin. A table's header
 * row repeated on every page is not furniture: the table joining keeps it once. Nor is a heading
 * set at the top of every page ("Theme 1", "Theme 2"): a line in a heading's size must repeat
 * word for word, numbers included.
 */
function pageFurniture(pages: readonly PdfPage[], pageLines: readonly PdfLine[][], bodySize: number): Set<PdfLine> {
  const furniture = new Set<PdfLine>();
  const candidates = new Map<string, PdfLine[]>();
  pageLines.forEach((lines, p) => {
    lines.forEach((line, i) => {
      if (!inMargin(line, pages[p]!)) return;
      const words = line.text.replace(/\t/g, " ");
      if (pageNumberPatterns.some((pattern) => pattern.test(words.trim()))) {
        furniture.add(line);
        return;
      }
      if (startsTable(line, lines[i + 1])) return;
      const key = isLargeHeading(line, bodySize) ? `=${words}` : normalised(words);
      const same = candidates.get(key) ?? [];
      same.push(line);
      candidates.set(key, same);
    });
  });
  const pagesWithText = pageLines.filter((lines) => lines.length > 0).length;
  const needed = Math.max(2, Math.ceil(pagesWithText / 2));
  for (const same of candidates.values()) {
    if (same.length < needed) continue;
    for (const line of same) {
      const onPages = new Set(
        same.filter((other) => Math.abs(other.y - line.y) <= runningTolerance).map((other) => other.page),
      );
      if (onPages.size >= needed) furniture.add(line);
    }
  }
  return furniture;
}

/** A line of two or more chunks over a line whose chunks start at the same places: a table's header. */
function startsTable(line: PdfLine, next: PdfLine | undefined): boolean {
  if (next === undefined || line.chunks.length < 2 || next.chunks.length < 2) return false;
  const shared = line.chunks.filter((chunk) => next.chunks.some((other) => Math.abs(other.x - chunk.x) <= 3));
  return shared.length >= 2;
}

function medianSize(lines: readonly PdfLine[]): number {
  const sizes: number[] = [];
  for (const line of lines) for (let i = 0; i < Math.min(line.text.length, 200); i++) sizes.push(line.size);
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/** What the body text looks like, document-wide: what a heading or a paragraph break stands out from. */
interface BodyStyle {
  size: number;
  /** Baseline-to-baseline step of wrapped lines. */
  leading: number;
  /** The body is set in bold throughout: then bold marks nothing. */
  bold: boolean;
  /** Sizes larger than the body's, largest first: heading levels. */
  headingSizes: number[];
}

function bodyStyle(lines: readonly PdfLine[]): BodyStyle {
  const size = medianSize(lines);
  const bodyLines = lines.filter((line) => Math.abs(line.size - size) < 0.6);
  const headingSizes = [
    ...new Set(lines.filter((line) => isLargeHeading(line, size)).map((line) => roundSize(line.size))),
  ].sort((a, b) => b - a);
  return {
    size,
    leading: typicalStep(lines, size),
    bold: bodyLines.filter((line) => line.bold).length * 2 >= bodyLines.length,
    headingSizes,
  };
}

interface Open {
  block: Exclude<Block, { kind: "table" }>;
  last: PdfLine;
  /** Where the block's wrapped lines start (a paragraph's margin, a list item's text). */
  indent: number;
}

/** Headings, list items and paragraphs from lines outside tables, in order. */
/**
 * A page's first line carries on the block the previous page ended on when it is set like it and
 * reads on from it: the block stops mid-sentence and the line starts in lower case.
 */
function carriesOn(carried: Open, line: PdfLine, words: string): boolean {
  const block = carried.block;
  if (block.kind === "heading" || Math.abs(line.size - carried.last.size) >= 0.6) return false;
  if (/[.!?:;]$/.test(block.text) || !/^\p{Ll}/u.test(words)) return false;
  return block.kind === "paragraph" ? Math.abs(line.x - carried.indent) <= 2 : line.x >= carried.indent - 2;
}

function textBlocks(
  lines: readonly PdfLine[],
  style: BodyStyle,
  carried: Open | null,
): { blocks: Block[]; open: Open | null } {
  const { headingSizes, leading } = style;
  const blocks: Block[] = [];
  let open: Open | null = null;
  if (carried !== null && lines[0] !== undefined) {
    const first = lines[0];
    const words = first.chunks.map((chunk) => chunk.text).join(" ");
    if (carriesOn(carried, first, words)) {
      carried.block.text = joinWrapped(carried.block.text, words);
      open = { ...carried, last: first };
      lines = lines.slice(1);
    }
  }
  let listIndents: number[] = [];
  for (const line of lines) {
    const words = line.chunks.map((chunk) => chunk.text).join(" ");
    const step = open !== null && open.last.page === line.page ? open.last.y - line.y : Infinity;
    const close = step <= leading * 1.3 + 0.5 && Math.abs(line.size - open!.last.size) < 0.6;
    const source: SourceRef = { line: line.lineNo, page: line.page, x: round(line.x), y: round(line.y) };
    const heading = isLargeHeading(line, style.size) || isBoldHeading(line, words, style);
    const marker = heading ? null : listMarker(words);
    if (open !== null && close) {
      const block = open.block;
      if (block.kind === "heading" && heading && line.bold === open.last.bold) {
        block.text = joinWrapped(block.text, words);
        open.last = line;
        continue;
      }
      if (block.kind === "listItem" && !heading && marker === null && line.x >= open.indent - 2) {
        block.text = joinWrapped(block.text, words);
        open.last = line;
        continue;
      }
      if (block.kind === "paragraph" && !heading && marker === null && Math.abs(line.x - open.indent) <= 2) {
        block.text = joinWrapped(block.text, words);
        open.last = line;
        continue;
      }
      // A first line indented further than the ones after it.
      if (
        block.kind === "paragraph" &&
        !heading &&
        marker === null &&
        open.last.lineNo === block.source.line &&
        line.x < open.indent
      ) {
        block.text = joinWrapped(block.text, words);
        open.last = line;
        open.indent = line.x;
        continue;
      }
    }
    if (heading) {
      const rank = headingSizes.indexOf(roundSize(line.size));
      const level = Math.min(6, 1 + (rank >= 0 ? rank : headingSizes.filter((size) => size > line.size).length));
      open = { block: { kind: "heading", level, text: words, source }, last: line, indent: line.x };
      listIndents = [];
    } else if (marker !== null) {
      while (listIndents.length > 0 && line.x < listIndents.at(-1)! - 3) listIndents.pop();
      if (listIndents.length === 0 || line.x > listIndents.at(-1)! + 3) listIndents.push(line.x);
      const item: ListItemBlock = {
        kind: "listItem",
        depth: listIndents.length - 1,
        ordered: marker.ordered,
        marker: marker.marker,
        text: marker.text,
        source,
      };
      const textStart = line.chunks.length > 1 && line.chunks[0]!.text.length <= 4 ? line.chunks[1]!.x : line.x + 1;
      open = { block: item, last: line, indent: textStart };
    } else {
      open = { block: { kind: "paragraph", text: words, source }, last: line, indent: line.x };
      listIndents = [];
    }
    blocks.push(open.block);
  }
  return { blocks, open };
}

function isLargeHeading(line: PdfLine, bodySize: number): boolean {
  return bodySize > 0 && line.size >= bodySize * headingScale;
}

function isBoldHeading(line: PdfLine, words: string, style: BodyStyle): boolean {
  return (
    line.bold &&
    !style.bold &&
    words.length <= maxBoldHeadingChars &&
    !/[.,;:]$/.test(words) &&
    listMarker(words) === null
  );
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The usual baseline-to-baseline step of wrapped lines: the lower quartile of the steps between lines. */
function typicalStep(lines: readonly PdfLine[], size: number): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [above, below] = [lines[i - 1]!, lines[i]!];
    const step = above.y - below.y;
    if (above.page === below.page && step > 0.8 * below.size && step < 3 * below.size) steps.push(step);
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 4)] ?? 1.2 * size;
}
