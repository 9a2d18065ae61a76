import type { Block, DocumentModel, SourceRef, TableBlock, TableCell, TableRow } from "./document.model.js";
import {
  columnNumber,
  readSharedStrings,
  readSheet,
  readStyles,
  readTitle,
  readWorkbook,
  type RawSheet,
  type RawValue,
  type Span,
} from "./xlsx.package.js";
import { unzipCapped } from "./zip.archive.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { PlanParseError } from "../parsers/parse.errors.js";

/**
 * Lowers an Excel workbook (XLSX) to the document model, from the package's SpreadsheetML
 * (xlsx.package.ts).
 *
 * `DocumentModel.text` is this reader's extraction: for each visible worksheet in order, a line
 * "[Sheet: name]", then one line per non-blank row, its cells tab-separated from the sheet's first
 * used column (a cell's own line breaks written " / ", cells a merge covers left empty). Every
 * SourceRef carries that line, the sheet name and the cell address ("B7"), and `column` is where
 * the cell starts in the line.
 *
 * Per sheet, leading rows with a single filled cell (titles, notes) become a heading (the first,
 * when short) and paragraphs; the rows after them form one table per region of rows, a region
 * ending at a run of {@link xlsxLimits.blankRowsEndingTable} blank rows. Blank rows inside a
 * region are skipped. Merged ranges become colSpan/rowSpan on the master cell; covered cells are
 * not emitted. Hidden sheets are skipped (a workbook's hidden sheets hold lookups and workings,
 * not the plan); hidden rows and columns are kept, with a warning, because councils hide rows to
 * filter a plan they publish whole (completed actions, an autofilter), and dropping them would
 * silently lose actions.
 */

export const xlsxLimits = {
  /** Cells read over all sheets (filled or styled); beyond this the workbook is refused. */
  maxCells: 500_000,
  maxSheets: 100,
  /** This many blank rows in a row end a table; fewer are a gap inside it. */
  blankRowsEndingTable: 3,
  /** A single-cell leading row up to this long (one line) is a heading; longer ones are notes. */
  maxHeadingChars: 120,
};

export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;

function count(buffer: Buffer, needle: string): number {
  let n = 0;
  for (let at = buffer.indexOf(needle, 0, "latin1"); at !== -1; at = buffer.indexOf(needle, at + 1, "latin1")) n++;
  return n;
}

/**
 * Cells the sheet declares, counted in its XML before it is parsed: each <c> element, and every
 * position of each merged range (the reader keeps each covered position, so one merge of
 * A1:XFD1048576 would otherwise be seventeen billion of them).
 */
function declaredCells(sheet: Uint8Array): number {
  const buffer = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  let cells = count(buffer, "<c ") + count(buffer, "<c>") + count(buffer, "<c/>");
  const merges = buffer.indexOf("<mergeCells", 0, "latin1");
  if (merges !== -1) {
    const xml = buffer.toString("latin1", merges);
    for (const m of xml.matchAll(
      /<mergeCell\b[^>]*?\bref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g,
    )) {
      const cols = Math.abs(columnNumber(m[3]!) - columnNumber(m[1]!)) + 1;
      const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
      cells += cols * rows;
    }
  }
  return cells;
}

function tooManyCells(): PlanParseError {
  return new PlanParseError("import.limit_exceeded", `The workbook has more than ${xlsxLimits.maxCells} cells.`);
}

/** The zip is inflated under the running cap, so a zip bomb is refused before any XML is parsed. */
function openArchive(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = unzipCapped(bytes, () => true);
  if (!entries.has("xl/workbook.xml"))
    throw new PlanParseError("import.corrupt_document", "The workbook has no xl/workbook.xml.");
  let sheets = 0;
  let cells = 0;
  for (const [name, data] of entries) {
    if (!WORKSHEET_ENTRY.test(name)) continue;
    sheets++;
    cells += declaredCells(data);
  }
  if (sheets > xlsxLimits.maxSheets)
    throw new PlanParseError("import.limit_exceeded", `The workbook has more than ${xlsxLimits.maxSheets} sheets.`);
  if (cells > xlsxLimits.maxCells) throw tooManyCells();
  return entries;
}

// --- Cell values as displayed ----------------------------------------------------------------

export function formatDate(date: Date): string {
  const day = `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  // Serial dates carry float noise; a time is printed only when it is a whole minute away from midnight.
  const minutes = Math.round((date.getTime() % 86_400_000) / 60_000);
  if (minutes === 0 || minutes === 1440) return day;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${day} ${hh}:${mm}`;
}

function stripFormatLiterals(section: string): string {
  return section
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, "")
    .replace(/\*./g, "");
}

/** A date format has day, month or year codes outside literals (elapsed-time [h] aside). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === "" || /^general$/i.test(numFmt)) return false;
  let known = dateFormats.get(numFmt);
  if (known === undefined) {
    known = /[dmy]/i.test(stripFormatLiterals(numFmt.split(";")[0]!).replace(/[A-Za-z]{4,}/g, ""));
    // A workbook has a handful of formats and hundreds of thousands of cells: decide each format once.
    if (dateFormats.size < 1000) dateFormats.set(numFmt, known);
  }
  return known;
}

const dateFormats = new Map<string, boolean>();

function general(value: number): string {
  return String(Number(value.toPrecision(15)));
}

// "0", "0.00", "#,##0", "£#,##0.00", "0%", "0.0%" and the like, with literal prefix and suffix.
const SIMPLE_NUMBER_FORMAT = /^([^#0.,%]*)(#,##0|#,#|0+|#)(?:\.(0+|#+))?(%?)([^#0.,%]*)$/;

/** `value` as Excel prints it under `numFmt` when the format is a simple one, else as General. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (numFmt === undefined || numFmt === "" || /^general$/i.test(numFmt)) return general(value);
  const negative = value < 0;
  const sections = numFmt.split(";");
  const section = stripFormatLiterals(negative && sections[1] !== undefined ? sections[1] : sections[0]!).trim();
  const m = SIMPLE_NUMBER_FORMAT.exec(section);
  if (m === null) return general(value);
  const [, prefix, integer, decimals = "", percent, suffix] = m;
  const scaled = Math.abs(value) * (percent === "%" ? 100 : 1);
  const digits = decimals.replace(/#/g, "").length;
  const grouped = integer!.includes(",");
  const body = scaled.toLocaleString("en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: decimals.length,
    useGrouping: grouped,
  });
  // A second section prints negatives its own way (brackets, red); without one Excel adds a minus.
  const sign = negative && sections[1] === undefined ? "-" : "";
  return `${sign}${prefix}${body}${percent}${suffix}`;
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

function scalarText(value: RawValue | null, numFmt: string | undefined, date1904: boolean): string {
  if (value === null) return "";
  switch (value.kind) {
    case "string":
    case "error":
      return value.text;
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "number":
      return isDateFormat(numFmt) ? formatDate(serialToDate(value.value, date1904)) : formatNumber(value.value, numFmt);
    case "date": {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value.iso) ? value.iso : `${value.iso}Z`);
      return Number.isNaN(date.getTime()) ? "" : formatDate(date);
    }
  }
}

/**
 * The cell's text as displayed, its own line breaks kept as "\n". Blank lines are kept too, at its
 * ends as well: in a cell of packed statuses, a blank line is an action with none (the first one's,
 * when the cell opens with it), and dropping it would shift every status after it onto the wrong action.
 */
function cellDisplay(value: RawValue | null, numFmt: string | undefined, date1904: boolean): string {
  const raw = scalarText(value, numFmt, date1904);
  if (raw === "") return "";
  if (!raw.includes("\n") && !raw.includes("\r")) return cleanText(raw);
  const lines = raw.split(/\r\n|\r|\n/).map(cleanText);
  return lines.every((line) => line === "") ? "" : lines.join("\n");
}

// --- Sheets ----------------------------------------------------------------------------------

interface SheetCell {
  col: number;
  text: string;
  address: string;
  bold: boolean;
  /** ARGB of a solid fill, when the cell has one. */
  fill?: string;
}

interface SheetRow {
  number: number;
  /** Filled cells and merge masters, by column; covered cells are not here. */
  cells: SheetCell[];
  hidden: boolean;
  /** Set once the row's text line is written. */
  line: number;
  columns: Map<number, number>;
}

const positionKey = (row: number, col: number): number => row * 16_385 + col;

interface Budget {
  cells: number;
}

class SheetReader {
  private readonly masters = new Map<number, Span>();
  /** Each covered position (not the master's own) and the merge covering it. */
  private readonly covered = new Map<number, Span>();
  private readonly rows: SheetRow[] = [];

  constructor(
    private readonly name: string,
    private readonly sheet: RawSheet,
    private readonly lines: string[],
    private readonly blocks: Block[],
    private readonly warnings: DocumentModel["warnings"],
    private readonly date1904: boolean,
    private readonly budget: Budget,
  ) {
    for (const span of sheet.merges) {
      this.masters.set(positionKey(span.top, span.left), span);
      for (let r = span.top; r <= span.bottom; r++)
        for (let c = span.left; c <= span.right; c++)
          if (r !== span.top || c !== span.left) this.covered.set(positionKey(r, c), span);
    }
  }

  read(): void {
    this.lines.push(`[Sheet: ${this.name}]`);
    const sheetLine = this.lines.length;
    this.collectRows();
    if (this.rows.length === 0) return;
    this.writeLines();
    const hiddenRows = this.rows.filter((r) => r.hidden).length;
    const hiddenColumns = this.hiddenColumns();
    if (hiddenRows > 0 || hiddenColumns > 0)
      this.warnings.push({
        line: sheetLine,
        message: `Sheet "${this.name}": ${hiddenRows} hidden row(s) and ${hiddenColumns} hidden column(s) were read as if shown.`,
      });
    this.lowerRegions();
  }

  private source(row: SheetRow, cell: SheetCell): SourceRef {
    const column = row.columns.get(cell.col);
    return {
      line: row.line,
      ...(column === undefined ? {} : { column }),
      sheet: this.name,
      cell: cell.address,
    };
  }

  private collectRows(): void {
    const raw = this.sheet.cells;
    // SpreadsheetML requires rows and cells in order; a writer that ignores it is sorted here.
    const ordered = raw.every(
      (c, i) => i === 0 || c.row > raw[i - 1]!.row || (c.row === raw[i - 1]!.row && c.col > raw[i - 1]!.col),
    );
    const cells = ordered ? raw : [...raw].sort((x, y) => x.row - y.row || x.col - y.col);
    let current: SheetRow | null = null;
    for (const cell of cells) {
      if (++this.budget.cells > xlsxLimits.maxCells) throw tooManyCells();
      if (this.covered.has(positionKey(cell.row, cell.col))) continue;
      const text = cellDisplay(cell.value, cell.style.numFmt, this.date1904);
      // An empty cell keeps its place when it is filled with a colour: the colour may be its status.
      const fill = cell.style.fill;
      if (text === "" && fill === undefined) continue;
      if (current === null || current.number !== cell.row) {
        current = {
          number: cell.row,
          cells: [],
          hidden: this.sheet.hiddenRows.has(cell.row),
          line: 0,
          columns: new Map(),
        };
        this.rows.push(current);
      }
      const sheetCell: SheetCell = {
        col: cell.col,
        text,
        address: `${columnLetters(cell.col)}${cell.row}`,
        bold: cell.style.bold,
      };
      if (fill !== undefined) sheetCell.fill = fill;
      // Duplicated references (a malformed sheet) keep the last value, as Excel does.
      const last = current.cells[current.cells.length - 1];
      if (last !== undefined && last.col === cell.col) current.cells[current.cells.length - 1] = sheetCell;
      else current.cells.push(sheetCell);
    }
  }

  private hiddenColumns(): number {
    let first = Infinity;
    let last = 0;
    for (const row of this.rows) {
      first = Math.min(first, row.cells[0]!.col);
      last = Math.max(last, row.cells[row.cells.length - 1]!.col);
    }
    let hidden = 0;
    for (let c = first; c <= last; c++) if (this.sheet.hiddenColumns(c)) hidden++;
    return hidden;
  }

  private writeLines(): void {
    let first = Infinity;
    for (const row of this.rows) first = Math.min(first, row.cells[0]!.col);
    for (const row of this.rows) {
      let line = "";
      let col = first;
      for (const cell of row.cells) {
        line += "\t".repeat(cell.col - col);
        row.columns.set(cell.col, line.length + 1);
        line += cell.text.replaceAll("\n", " / ");
        col = cell.col;
      }
      this.lines.push(line);
      row.line = this.lines.length;
    }
  }

  private lowerRegions(): void {
    let start = 0;
    let reach = 0;
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      for (const cell of row.cells) {
        const span = this.masters.get(positionKey(row.number, cell.col));
        if (span !== undefined) reach = Math.max(reach, span.bottom);
      }
      reach = Math.max(reach, row.number);
      const next = this.rows[i + 1];
      // A region ends at a long run of blank rows, unless a merged cell still runs down across it.
      if (next === undefined || next.number - reach - 1 >= xlsxLimits.blankRowsEndingTable) {
        this.lowerRegion(this.rows.slice(start, i + 1), start === 0);
        start = i + 1;
        reach = 0;
      }
    }
  }

  private lowerRegion(rows: SheetRow[], firstOfSheet: boolean): void {
    let i = 0;
    for (; i < rows.length && rows[i]!.cells.length === 1; i++) {
      const row = rows[i]!;
      const cell = row.cells[0]!;
      const source = this.source(row, cell);
      const short = cell.text.length <= xlsxLimits.maxHeadingChars && !cell.text.includes("\n");
      if (i === 0 && short) this.blocks.push({ kind: "heading", level: firstOfSheet ? 1 : 2, text: cell.text, source });
      else this.blocks.push({ kind: "paragraph", text: cell.text.replaceAll("\n", " "), source });
    }
    if (i < rows.length) this.blocks.push(this.table(rows.slice(i)));
  }

  private table(rows: SheetRow[]): TableBlock {
    let left = Infinity;
    let right = 0;
    for (const row of rows)
      for (const cell of row.cells) {
        const span = this.masters.get(positionKey(row.number, cell.col));
        left = Math.min(left, cell.col);
        right = Math.max(right, span?.right ?? cell.col);
      }
    const emitted = new Set(rows.map((r) => r.number));
    const numbers = rows.map((r) => r.number);
    const tableRows: TableRow[] = rows.map((row) => {
      const byCol = new Map(row.cells.map((c) => [c.col, c]));
      const cells: TableCell[] = [];
      for (let col = left; col <= right; col++) {
        const key = positionKey(row.number, col);
        const sheetCell = byCol.get(col);
        // A covered position is left out when its merge's master is in this table (its span accounts
        // for it); a merge reaching in from outside the table leaves an empty cell instead.
        const cover = this.covered.get(key);
        if (cover !== undefined && emitted.has(cover.top) && cover.left >= left) continue;
        const address = sheetCell?.address ?? `${columnLetters(col)}${row.number}`;
        const span = this.masters.get(key);
        const colSpan = span === undefined ? 1 : Math.min(span.right, right) - col + 1;
        // Rows are in sheet order, so the table rows a merge covers are found by bisection.
        const rowSpan = span === undefined ? 1 : firstAfter(numbers, span.bottom) - firstAfter(numbers, span.top - 1);
        cells.push({
          text: sheetCell?.text ?? "",
          ...(sheetCell?.fill ? { fill: sheetCell.fill } : {}),
          colSpan,
          rowSpan: Math.max(1, rowSpan),
          source:
            sheetCell === undefined ? { line: row.line, sheet: this.name, cell: address } : this.source(row, sheetCell),
        });
      }
      return {
        cells,
        header: false,
        source: { line: row.line, sheet: this.name, cell: cells[0]?.source.cell ?? "" },
      };
    });
    this.markBoldHeader(rows, tableRows);
    const first = tableRows[0]!;
    return { kind: "table", rows: tableRows, source: { ...first.source } };
  }

  /** A first row all bold over a body that is not is a header: kept as the hint the model allows. */
  private markBoldHeader(rows: SheetRow[], tableRows: TableRow[]): void {
    if (rows.length < 2) return;
    const headerBold = rows[0]!.cells.every((c) => c.bold);
    const bodyPlain = rows.slice(1).some((r) => r.cells.some((c) => !c.bold));
    if (headerBold && bodyPlain) tableRows[0]!.header = true;
  }
}

/** Index of the first of the ascending `numbers` greater than `n`. */
function firstAfter(numbers: readonly number[], n: number): number {
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (numbers[mid]! <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Reads an XLSX workbook into the document model. Throws {@link PlanParseError}:
 * import.limit_exceeded for a zip bomb (before any XML is parsed), more than
 * {@link xlsxLimits.maxSheets} sheets or {@link xlsxLimits.maxCells} cells;
 * import.corrupt_document when the archive or its XML cannot be read.
 */
export function readXlsx(bytes: Uint8Array): DocumentModel {
  const entries = openArchive(bytes);
  const workbook = readWorkbook(entries.get("xl/workbook.xml")!, entries.get("xl/_rels/workbook.xml.rels"));
  if (workbook.sheets.length > xlsxLimits.maxSheets)
    throw new PlanParseError("import.limit_exceeded", `The workbook has more than ${xlsxLimits.maxSheets} sheets.`);
  const sharedStrings = readSharedStrings(entries.get("xl/sharedStrings.xml"));
  const styles = readStyles(entries.get("xl/styles.xml"));
  const lines: string[] = [];
  const blocks: Block[] = [];
  const warnings: DocumentModel["warnings"] = [];
  const budget: Budget = { cells: 0 };
  let parsed = 0;
  for (const entry of workbook.sheets) {
    if (entry.hidden) continue;
    const xml = entries.get(entry.path);
    if (xml === undefined)
      throw new PlanParseError(
        "import.corrupt_document",
        `The workbook lists sheet "${entry.name}" but has no ${entry.path}.`,
      );
    const sheet = readSheet(xml, entry.path, sharedStrings, styles, () => {
      if (++parsed > xlsxLimits.maxCells) throw tooManyCells();
    });
    new SheetReader(entry.name, sheet, lines, blocks, warnings, workbook.date1904, budget).read();
  }
  const title = cleanText(readTitle(entries.get("docProps/core.xml")) ?? "");
  return { format: "XLSX", title: title === "" ? null : title, blocks, text: lines.join("\n"), warnings };
}
