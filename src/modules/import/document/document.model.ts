/**
 * The one intermediate model every published format is lowered to before any plan is read from it.
 * Format readers (HTML, PDF, DOCX, XLSX, CSV, Markdown, plain text) know their format and nothing
 * about plans; the plan reader knows plans and nothing about formats. Everything here is plain data.
 */

/** Formats recognised by content (magic bytes, markup), not by file name alone. */
export const documentFormats = ["HTML", "PDF", "DOCX", "XLSX", "CSV", "MARKDOWN", "TEXT"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
 * Where a block came from. `line` always indexes (1-based) into {@link DocumentModel.text}, the
 * document's text as stored: the source itself for text and HTML, the reader's extraction (one line
 * per rebuilt line, paragraph or row) for PDF, DOCX and XLSX. The other fields are present when the
 * format has them.
 */
export interface SourceRef {
  line: number;
  /** 1-based column within `line`, when known. */
  column?: number;
  /** 1-based PDF page. */
  page?: number;
  /** PDF user-space position of the block's first glyph (points from the page's bottom-left). */
  x?: number;
  y?: number;
  /** XLSX worksheet name. */
  sheet?: string;
  /** Spreadsheet cell address ("B7"), or "r3c2" (1-based row and column) in other formats' tables. */
  cell?: string;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1 (most important) to 6. */
  level: number;
  text: string;
  source: SourceRef;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  source: SourceRef;
}

export interface ListItemBlock {
  kind: "listItem";
  /** 0 for a top-level item, 1 for an item nested in it, … */
  depth: number;
  ordered: boolean;
  /** The marker as printed ("1.", "a)", "•"), null when the format gives none (an HTML <li>). */
  marker: string | null;
  text: string;
  source: SourceRef;
}

/**
 * One cell. `text` keeps the cell's own structure as lines: paragraphs and line breaks become "\n",
 * list items inside the cell become lines starting "• " (unordered) or their marker (ordered), so
 * several actions, dates or updates packed into one cell can still be told apart.
 */
export interface TableCell {
  text: string;
  /** Columns and rows this cell covers (1 when not merged). */
  colSpan: number;
  rowSpan: number;
  /**
   * The cell's background colour as the format states it ("#00B050", "green", "rgb(255,192,0)"),
   * when it has one: plans often give a status as a colour alone.
   */
  fill?: string;
  source: SourceRef;
  /**
   * The cell's printed lines, when the format wraps text and position leaves open whether some line
   * goes on the one above or starts a new one (PDF). `text` is the format reader's own reading; a
   * reader that knows how many values the cell holds (one lead per packed action) may read them again.
   */
  lines?: PrintedLine[];
}

/** One printed line of a cell, and how it follows the line above. */
export interface PrintedLine {
  /** As printed, a list marker written as in `TableCell.text`; "" for a blank line. */
  text: string;
  /**
   * "new": a line of its own (after a marker, a blank line, or room left on the line above);
   * "wrap": the rest of the line above; "join": the rest of a word broken at the line's end;
   * "open": either a wrap or a new line.
   */
  follows: "new" | "wrap" | "join" | "open";
}

export interface TableRow {
  cells: TableCell[];
  /** The format marks this row as a header (HTML <th>/<thead>, DOCX repeated header row); a hint only. */
  header: boolean;
  source: SourceRef;
}

export interface TableBlock {
  kind: "table";
  rows: TableRow[];
  source: SourceRef;
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

export interface DocumentModel {
  format: DocumentFormat;
  /** The document's own title (HTML <title>, PDF/DOCX metadata), when it has one. */
  title: string | null;
  /** Blocks in reading order; page headers, footers and page numbers already removed. */
  blocks: Block[];
  /** The document's text as stored; every SourceRef.line points into it. */
  text: string;
  /** Problems the format reader met but read past (an unreadable page, a cell it could not decode). */
  warnings: { line: number; message: string }[];
}
