import { PlanParseError } from "../parsers/parse.errors.js";
import type { Block, DocumentModel, TableBlock, TableCell, TableRow } from "./document.model.js";
import {
  child,
  childElements,
  descendant,
  headingOf,
  headingOfStyleId,
  intVal,
  isElement,
  isOn,
  numberingRef,
  Numbering,
  type NumberingRef,
  type ParagraphStyle,
  parseXml,
  readCoreTitle,
  readStyles,
  val,
  xmlText,
  type XmlElement,
  type XmlNode,
} from "./docx.parts.js";
import { unzipCapped } from "./zip.archive.js";

/**
 * DOCX → document model, from the package's XML (word/document.xml, with styles.xml, numbering.xml
 * and docProps/core.xml for headings, list markers and the title).
 *
 * `text` is this reader's extraction: one line per w:p in reading order — body paragraphs, and each
 * paragraph inside each table cell, row by row — printed as Word prints it (a list paragraph starts
 * with its marker and a space; a line break inside a paragraph starts a new line). Every block's
 * `source.line` is the line its first paragraph starts on; cells add `cell: "r{row}c{col}"` with the
 * grid column (gridSpan and gridBefore counted).
 *
 * Read: headings (by style name, Title or outline level), list paragraphs with Word's markers, runs
 * (tabs, breaks, no-break hyphens, inserted text; deleted text and field codes left out, field
 * results kept), tables with gridSpan and vMerge (continuing cells are not emitted: the restarting
 * cell's rowSpan covers them), header rows (w:tblHeader), tables nested in cells as lines of the
 * cell. Not read: text boxes, shapes and drawings (w:drawing, w:pict, mc:Fallback), headers, footers,
 * footnotes and comments — page furniture or asides, not the plan's body.
 */

export const docxLimits = {
  /** Blocks, table rows and table cells together. */
  maxItems: 200_000,
  maxColSpan: 1000,
  /** Grid positions one table covers once its spans are expanded (what tableGrid will allocate). */
  maxGridArea: 2_000_000,
  /** Tables nested in cells deeper than this are read as plain lines of the enclosing cell. */
  maxCellTableDepth: 8,
};

const parts = {
  document: "word/document.xml",
  styles: "word/styles.xml",
  numbering: "word/numbering.xml",
  core: "docProps/core.xml",
};
const wanted = new Set(Object.values(parts));

/** Not the document's running text: properties, deletions, drawings (text boxes) and references. */
const skipped = new Set([
  "w:pPr",
  "w:rPr",
  "w:tblPr",
  "w:trPr",
  "w:tcPr",
  "w:tblGrid",
  "w:sectPr",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:drawing",
  "w:pict",
  "w:object",
  "mc:Fallback",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:commentReference",
  "w:sym",
]);

const runCharacters: Record<string, string> = {
  "w:tab": "\t",
  "w:ptab": "\t",
  "w:br": "\n",
  "w:cr": "\n",
  "w:noBreakHyphen": "-",
  "w:softHyphen": "",
};

/** Word 97–2003 files and encrypted OOXML are OLE compound files, not zips. */
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function readDocx(bytes: Uint8Array): DocumentModel {
  if (compoundFileMagic.every((b, i) => bytes[i] === b)) {
    // An encrypted OOXML package keeps its EncryptionInfo stream in the compound file's directory.
    const encrypted = Buffer.from(bytes).includes(Buffer.from("EncryptionInfo", "utf16le"));
    if (encrypted) throw new PlanParseError("import.encrypted_document", "The Word document is password-protected.");
    throw new PlanParseError(
      "import.unsupported_format",
      "Word 97–2003 (.doc) documents cannot be read; save as .docx.",
    );
  }
  const files = unzipCapped(bytes, (name) => wanted.has(name));
  const body = files.get(parts.document);
  if (!body) throw new PlanParseError("import.corrupt_document", "The Word document has no word/document.xml.");
  const bodyElement = descendant(parseXml(body, parts.document), "w:body");
  if (!bodyElement) throw new PlanParseError("import.corrupt_document", "The Word document has no body.");
  const part = (name: string) => {
    const data = files.get(name);
    return data ? parseXml(data, name) : null;
  };
  const styles = files.has(parts.styles) ? readStyles(part(parts.styles)) : null;
  const numbering = new Numbering(part(parts.numbering));
  const lowering = new DocxLowering(styles, numbering);
  const model = lowering.read(bodyElement);
  return { ...model, title: readCoreTitle(part(parts.core)) ?? model.title };
}

type Task = { node: XmlNode } | { then: () => void };

interface Context {
  /** Lines of the cell being read; null for the document's flow of blocks. */
  lines: string[] | null;
}

interface TableBuild {
  mode: "block" | "lines";
  rows: TableRow[];
  /** The restarting cell of a vertical merge, by the grid column it starts at. */
  open: Map<number, TableCell>;
  column: number;
  area: number;
}

class DocxLowering {
  private readonly blocks: Block[] = [];
  private readonly lines: string[] = [];
  private readonly tasks: Task[] = [];
  private readonly contexts: Context[] = [{ lines: null }];
  private readonly tables: TableBuild[] = [];
  private items = 0;

  constructor(
    private readonly styles: Map<string, ParagraphStyle> | null,
    private readonly numbering: Numbering,
  ) {}

  read(body: XmlElement): DocumentModel {
    this.pushChildren(body);
    for (let task = this.tasks.pop(); task !== undefined; task = this.tasks.pop()) {
      if ("then" in task) task.then();
      else this.visit(task.node);
    }
    const firstH1 = this.blocks.find((b) => b.kind === "heading" && b.level === 1);
    return {
      format: "DOCX",
      title: firstH1?.kind === "heading" ? firstH1.text.replace(/\n/g, " ") : null,
      blocks: this.blocks,
      text: this.lines.join("\n"),
      warnings: [],
    };
  }

  private visit(node: XmlNode): void {
    if (!isElement(node) || skipped.has(node.name)) return;
    if (node.name === "w:p") return this.paragraph(node);
    if (node.name === "w:tbl") {
      const cellDepth = this.contexts.length - 1;
      if (cellDepth === 0) return this.table(node, "block");
      if (cellDepth < docxLimits.maxCellTableDepth) return this.table(node, "lines");
    }
    // Wrappers (content controls, custom XML, inserted text) and over-deep tables: read what they hold.
    this.pushChildren(node);
  }

  private paragraph(p: XmlElement): void {
    const pPr = child(p, "w:pPr");
    const styleId = val(pPr && child(pPr, "w:pStyle"));
    const style = styleId === undefined ? undefined : this.styles?.get(styleId);
    const heading =
      headingOf("", intVal(pPr && child(pPr, "w:outlineLvl"))) ??
      style?.heading ??
      (this.styles === null && styleId !== undefined ? headingOfStyleId(styleId) : null);
    const ref = this.listRef(pPr && child(pPr, "w:numPr"), style);
    const list = ref ? this.numbering.next(ref) : null;
    const text = paragraphText(p);
    const printed = list?.marker ? `${list.marker} ${text}` : text;
    const line = this.lines.length + 1;
    for (const printedLine of printed.split("\n")) this.lines.push(printedLine);
    if (text === "") return;
    const cell = this.contexts.at(-1)!.lines;
    if (cell) {
      const marker = list?.ordered ? list.marker : "•";
      const lines = (heading === null && list && marker ? `${marker} ${text}` : printed).split("\n");
      for (const cellLine of lines) cell.push(cellLine);
      return;
    }
    if (heading !== null) {
      this.emit({ kind: "heading", level: heading, text: printed, source: { line } });
    } else if (ref && list) {
      this.emit({
        kind: "listItem",
        depth: ref.ilvl,
        ordered: list.ordered,
        marker: list.marker,
        text,
        source: { line },
      });
    } else {
      this.emit({ kind: "paragraph", text, source: { line } });
    }
  }

  /** A paragraph's own numPr wins over its style's; its ilvl alone re-levels the style's list. */
  private listRef(numPr: XmlElement | undefined, style: ParagraphStyle | undefined): NumberingRef | null {
    const fromStyle = style?.numbering ?? null;
    if (!numPr) return fromStyle;
    if (child(numPr, "w:numId")) return numberingRef(numPr);
    const ilvl = intVal(child(numPr, "w:ilvl"));
    return fromStyle && ilvl !== null ? { ...fromStyle, ilvl: Math.min(8, Math.max(0, ilvl)) } : fromStyle;
  }

  private table(tbl: XmlElement, mode: TableBuild["mode"]): void {
    const build: TableBuild = { mode, rows: [], open: new Map(), column: 0, area: 0 };
    const planned: Task[] = [{ then: () => this.tables.push(build) }];
    for (const tr of within(tbl, "w:tr")) {
      planned.push({ then: () => this.startRow(tr) });
      for (const tc of within(tr, "w:tc")) planned.push({ then: () => this.cell(tc) });
      planned.push({ then: () => this.endRow() });
    }
    planned.push({ then: () => this.endTable() });
    for (let i = planned.length - 1; i >= 0; i--) this.tasks.push(planned[i]!);
  }

  private startRow(tr: XmlElement): void {
    this.count();
    const table = this.tables.at(-1)!;
    const trPr = child(tr, "w:trPr");
    table.column = Math.max(0, Math.min(docxLimits.maxColSpan, intVal(trPr && child(trPr, "w:gridBefore")) ?? 0));
    const line = this.lines.length + 1;
    const row: TableRow = { cells: [], header: isOn(trPr && child(trPr, "w:tblHeader")), source: { line } };
    table.rows.push(row);
    // Columns skipped before the first cell hold an empty cell, so tableGrid keeps the row's columns.
    if (table.column > 0) row.cells.push(this.tableCell("", table.column, line, table.rows.length, 1));
  }

  private endRow(): void {
    const row = this.tables.at(-1)!.rows.at(-1)!;
    // A row of no paragraphs still needs a line of the text to point at.
    if (row.source.line > this.lines.length) this.lines.push("");
    // A row that starts with a merge's continuing cell starts, as printed, at its first cell.
    if (row.cells[0]) row.source.line = row.cells[0].source.line;
  }

  private cell(tc: XmlElement): void {
    const table = this.tables.at(-1)!;
    const rowNumber = table.rows.length;
    const row = table.rows.at(-1)!;
    const tcPr = child(tc, "w:tcPr");
    const colSpan = Math.max(1, Math.min(docxLimits.maxColSpan, intVal(tcPr && child(tcPr, "w:gridSpan")) ?? 1));
    const vMerge = tcPr && child(tcPr, "w:vMerge");
    const column = table.column;
    table.column += colSpan;
    const restarted = vMerge && val(vMerge) !== "restart" ? table.open.get(column) : undefined;
    const line = this.lines.length + 1;
    const context: Context = { lines: [] };
    this.contexts.push(context);
    this.tasks.push({
      then: () => {
        this.contexts.pop();
        if (line > this.lines.length) this.lines.push("");
        const text = context.lines!.join("\n");
        if (restarted) {
          // A continuing cell is the restarting one, a row further down: Word shows its text there.
          restarted.rowSpan++;
          if (text !== "") restarted.text = restarted.text === "" ? text : `${restarted.text}\n${text}`;
          table.area += restarted.colSpan;
          this.checkArea(table);
          return;
        }
        const cell = this.tableCell(text, colSpan, line, rowNumber, column + 1);
        row.cells.push(cell);
        for (let c = column; c < column + colSpan; c++) table.open.delete(c);
        // A continuing cell with nothing above to continue starts the merge itself.
        if (vMerge) table.open.set(column, cell);
        table.area += colSpan;
        this.checkArea(table);
      },
    });
    this.pushChildren(tc);
  }

  private tableCell(text: string, colSpan: number, line: number, row: number, column: number): TableCell {
    this.count();
    return { text, colSpan, rowSpan: 1, source: { line, cell: `r${row}c${column}` } };
  }

  private checkArea(table: TableBuild): void {
    if (table.area > docxLimits.maxGridArea) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `A table's merged cells cover more than ${docxLimits.maxGridArea} positions.`,
      );
    }
  }

  private endTable(): void {
    const build = this.tables.pop()!;
    if (build.rows.every((row) => row.cells.length === 0)) return;
    if (build.mode === "lines") {
      const lines = this.contexts.at(-1)!.lines!;
      for (const row of build.rows) {
        const line = row.cells
          .map((cell) => cell.text.replace(/\n+/g, " ").trim())
          .filter((text) => text !== "")
          .join(" | ");
        if (line !== "") lines.push(line);
      }
      return;
    }
    const table: TableBlock = { kind: "table", rows: build.rows, source: { line: build.rows[0]!.source.line } };
    this.emit(table);
  }

  private pushChildren(el: XmlElement): void {
    for (let i = el.children.length - 1; i >= 0; i--) this.tasks.push({ node: el.children[i]! });
  }

  private emit(block: Block): void {
    this.count();
    this.blocks.push(block);
  }

  private count(): void {
    this.items++;
    if (this.items > docxLimits.maxItems) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `The document holds more than ${docxLimits.maxItems} blocks, rows and cells.`,
      );
    }
  }
}

/** Rows of a table or cells of a row, also when a content control or custom XML wraps them. */
function within(el: XmlElement, name: "w:tr" | "w:tc"): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = childElements(el).reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.name === name) found.push(node);
    else if (!skipped.has(node.name) && node.name !== "w:tbl" && node.name !== "w:tr" && node.name !== "w:tc") {
      const children = childElements(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return found;
}

/**
 * A paragraph's text as printed: runs' w:t, tabs and breaks; deleted runs, field codes and drawings
 * left out. A complex field's code (between its begin and separate marks) is skipped, its result kept.
 */
function paragraphText(p: XmlElement): string {
  let text = "";
  const fields: ("code" | "result")[] = [];
  const stack: XmlNode[] = [...p.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node) || skipped.has(node.name)) continue;
    const name = node.name;
    if (name === "w:fldChar") {
      const type = node.attribs["w:fldCharType"];
      if (type === "begin") fields.push("code");
      else if (type === "separate" && fields.length > 0) fields[fields.length - 1] = "result";
      else if (type === "end") fields.pop();
      continue;
    }
    if (fields.at(-1) === "code") continue;
    if (name === "w:t") {
      text += xmlText(node);
      continue;
    }
    const character = runCharacters[name];
    if (character !== undefined) {
      // A page break in a run ends the line; a column break too.
      text += character;
      continue;
    }
    // Paragraphs nest only in text boxes, which are skipped with their drawing.
    if (name === "w:p" || name === "w:tbl") continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text
    .split("\n")
    .map((line) => line.replace(/^ +| +$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}
