import { Parser } from "htmlparser2";
import { PlanParseError } from "../parsers/parse.errors.js";
import { childElements, maxXmlDepth, parseXml, type XmlElement } from "./docx.parts.js";

/**
 * The parts of an XLSX package the reader needs — the workbook's sheet list, shared strings,
 * styles and each sheet's cells and merges — read straight from their SpreadsheetML with
 * htmlparser2 in XML mode (no DTD entities, so an entity bomb is inert). Sheets and shared strings
 * are streamed, never built as a tree: a 5 MB sheet is hundreds of thousands of elements, and a
 * general workbook library (exceljs) spent seconds building objects for every cell and style.
 */

export interface WorkbookSheet {
  name: string;
  /** The package path of the sheet's XML ("xl/worksheets/sheet1.xml"). */
  path: string;
  hidden: boolean;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

export interface CellStyle {
  numFmt: string | undefined;
  bold: boolean;
  /** ARGB of a solid fill given as RGB; theme and indexed colours are not resolved. */
  fill: string | undefined;
}

/** A cell's value before display formatting. */
export type RawValue =
  | { kind: "string"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; iso: string }
  | { kind: "error"; text: string };

export interface RawCell {
  row: number;
  col: number;
  value: RawValue | null;
  style: CellStyle;
}

export interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawSheet {
  /** Cells in sheet order (rows ascending, columns ascending within a row). */
  cells: RawCell[];
  hiddenRows: Set<number>;
  hiddenColumns: (col: number) => boolean;
  merges: Span[];
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

function decode(bytes: Uint8Array, part: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PlanParseError("import.corrupt_document", `The workbook part ${part} is not UTF-8 XML.`);
  }
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 ST_Xstring). */
function unescapeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attr(el: XmlElement, name: string): string | undefined {
  if (name in el.attribs) return el.attribs[name];
  for (const [key, value] of Object.entries(el.attribs)) if (localName(key) === name) return value;
  return undefined;
}

function elementsNamed(root: { children: XmlElement["children"] }, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...root.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!("name" in node && "attribs" in node)) continue;
    if (localName(node.name) === name) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** Where each relationship of the workbook points, as package paths. */
function workbookTargets(rels: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (rels === undefined) return targets;
  for (const rel of elementsNamed(parsePart(rels, "xl/_rels/workbook.xml.rels"), "Relationship")) {
    const id = attr(rel, "Id");
    const target = attr(rel, "Target");
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : resolvePath("xl/", target));
  }
  return targets;
}

function resolvePath(base: string, target: string): string {
  const parts = base.split("/").filter((p) => p !== "");
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

export function readWorkbook(workbookXml: Uint8Array, rels: Uint8Array | undefined): Workbook {
  const root = parsePart(workbookXml, "xl/workbook.xml");
  const targets = workbookTargets(rels);
  const pr = elementsNamed(root, "workbookPr")[0];
  const date1904 = pr !== undefined && /^(1|true)$/i.test(attr(pr, "date1904") ?? "");
  const sheets: WorkbookSheet[] = [];
  elementsNamed(root, "sheet").forEach((sheet, i) => {
    const id = attr(sheet, "id");
    // Without a relationship, the conventional name is the best guess at where the sheet lives.
    const path = (id === undefined ? undefined : targets.get(id)) ?? `xl/worksheets/sheet${i + 1}.xml`;
    const state = attr(sheet, "state") ?? "visible";
    sheets.push({ name: attr(sheet, "name") ?? `Sheet${i + 1}`, path, hidden: state !== "visible" });
  });
  if (sheets.length === 0) throw new PlanParseError("import.corrupt_document", "The workbook lists no sheets.");
  return { sheets, date1904 };
}

export function readTitle(core: Uint8Array | undefined): string | null {
  if (core === undefined) return null;
  const title = elementsNamed(parsePart(core, "docProps/core.xml"), "title")[0];
  if (title === undefined) return null;
  const text = title.children.map((n) => ("data" in n ? n.data : "")).join("");
  return text === "" ? null : text;
}

/** Excel's built-in number formats (ECMA-376 18.8.30) that matter for display: numbers and dates. */
const builtInFormats: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  49: "@",
};

const plainStyle: CellStyle = Object.freeze({ numFmt: undefined, bold: false, fill: undefined });

/** The workbook's cell formats (cellXfs), indexed as cells' `s` attribute refers to them. */
export function readStyles(stylesXml: Uint8Array | undefined): CellStyle[] {
  if (stylesXml === undefined) return [];
  const root = parsePart(stylesXml, "xl/styles.xml");
  const formats = new Map<number, string>();
  for (const fmt of elementsNamed(root, "numFmt")) {
    const id = Number(attr(fmt, "numFmtId"));
    const code = attr(fmt, "formatCode");
    if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
  }
  const fontsEl = elementsNamed(root, "fonts")[0];
  const bold = (fontsEl === undefined ? [] : childElements(fontsEl).filter((e) => localName(e.name) === "font")).map(
    (font) => {
      const b = childElements(font).find((e) => localName(e.name) === "b");
      return b !== undefined && !/^(0|false)$/i.test(attr(b, "val") ?? "");
    },
  );
  const fillsEl = elementsNamed(root, "fills")[0];
  const fills = (fillsEl === undefined ? [] : childElements(fillsEl).filter((e) => localName(e.name) === "fill")).map(
    (fill) => {
      const pattern = elementsNamed(fill, "patternFill")[0];
      if (pattern === undefined || attr(pattern, "patternType") !== "solid") return undefined;
      const fg = elementsNamed(pattern, "fgColor")[0];
      const rgb = fg === undefined ? undefined : attr(fg, "rgb");
      return rgb === undefined ? undefined : rgb.toUpperCase();
    },
  );
  const cellXfs = elementsNamed(root, "cellXfs")[0];
  if (cellXfs === undefined) return [];
  return childElements(cellXfs)
    .filter((e) => localName(e.name) === "xf")
    .map((xf) => {
      const numFmtId = Number(attr(xf, "numFmtId") ?? 0);
      return {
        numFmt: formats.get(numFmtId) ?? builtInFormats[numFmtId],
        bold: bold[Number(attr(xf, "fontId") ?? 0)] ?? false,
        fill: fills[Number(attr(xf, "fillId") ?? 0)],
      };
    });
}

/**
 * Streams a part with htmlparser2, tracking depth (each open element costs htmlparser2 time in
 * proportion to the depth, so a deeply nested part is refused early) and the local element names.
 */
function stream(
  bytes: Uint8Array,
  part: string,
  handlers: {
    open(name: string, attribs: Record<string, string>): void;
    close(name: string): void;
    text(text: string): void;
  },
): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++depth > maxXmlDepth)
          throw new PlanParseError(
            "import.limit_exceeded",
            `The workbook part ${part} nests elements more than ${maxXmlDepth} deep.`,
          );
        handlers.open(localName(name), attribs);
      },
      onclosetag(name) {
        depth--;
        handlers.close(localName(name));
      },
      ontext(text) {
        handlers.text(text);
      },
    },
    { xmlMode: true },
  );
  parser.end(decode(bytes, part));
  // htmlparser2 forgives what XML does not: a part cut short leaves elements open, and is damaged.
  if (depth !== 0)
    throw new PlanParseError("import.corrupt_document", `The workbook part ${part} is damaged: its XML ends early.`);
}

const ignore = (): void => undefined;

/** A small part parsed as a tree, after the stream has proved it complete. */
function parsePart(bytes: Uint8Array, part: string): ReturnType<typeof parseXml> {
  stream(bytes, part, { open: ignore, close: ignore, text: ignore });
  return parseXml(bytes, part);
}

/** Shared strings in order; rich text runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(xml: Uint8Array | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  stream(xml, "xl/sharedStrings.xml", {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si" && current !== null) {
        strings.push(unescapeXstring(current.join("")));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && current !== null) current.push(text);
    },
  });
  return strings;
}

const CELL_REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function parseRange(ref: string): Span | null {
  const [from, to = from] = ref.split(":");
  const a = CELL_REF.exec(from ?? "");
  const b = CELL_REF.exec(to ?? "");
  if (a === null || b === null) return null;
  const [r1, c1, r2, c2] = [Number(a[2]), columnNumber(a[1]!), Number(b[2]), columnNumber(b[1]!)];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * One sheet's cells, merges and hidden rows and columns. A cell's value follows its type (`t`):
 * shared string, inline string, formula string, boolean, error, ISO date, or number (the cached
 * result, for a formula). `onCell` is called per cell so the caller can enforce its cell budget
 * while the sheet streams.
 */
export function readSheet(
  xml: Uint8Array,
  part: string,
  sharedStrings: readonly string[],
  styles: readonly CellStyle[],
  onCell: () => void,
): RawSheet {
  const cells: RawCell[] = [];
  const hiddenRows = new Set<number>();
  const hiddenRanges: [number, number][] = [];
  const merges: Span[] = [];
  let rowNumber = 0;
  let colNumber = 0;
  let cell: { row: number; col: number; type: string; style: CellStyle } | null = null;
  let text: string[] = [];
  let collecting: "v" | "t" | null = null;
  let inlineText: string[] = [];
  let value: string | null = null;
  stream(xml, part, {
    open(name, a) {
      switch (name) {
        case "row": {
          const r = Number(a.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          colNumber = 0;
          if (/^(1|true)$/i.test(a.hidden ?? "")) hiddenRows.add(rowNumber);
          break;
        }
        case "c": {
          onCell();
          const ref = a.r === undefined ? null : CELL_REF.exec(a.r);
          if (ref !== null) {
            colNumber = columnNumber(ref[1]!);
            rowNumber = Number(ref[2]);
          } else colNumber++;
          const s = Number(a.s ?? 0);
          cell = { row: rowNumber, col: colNumber, type: a.t ?? "n", style: styles[s] ?? plainStyle };
          value = null;
          inlineText = [];
          break;
        }
        case "v":
          if (cell !== null) {
            collecting = "v";
            text = [];
          }
          break;
        case "t":
          if (cell !== null) {
            collecting = "t";
            text = [];
          }
          break;
        case "mergeCell": {
          const span = parseRange(a.ref ?? "");
          if (span !== null) merges.push(span);
          break;
        }
        case "col": {
          const min = Number(a.min);
          const max = Number(a.max);
          if (/^(1|true)$/i.test(a.hidden ?? "") && min > 0 && max >= min) hiddenRanges.push([min, max]);
          break;
        }
      }
    },
    close(name) {
      if (name === "v" && collecting === "v") {
        value = text.join("");
        collecting = null;
      } else if (name === "t" && collecting === "t") {
        inlineText.push(text.join(""));
        collecting = null;
      } else if (name === "c" && cell !== null) {
        cells.push({
          row: cell.row,
          col: cell.col,
          value: rawValue(cell.type, value, inlineText, sharedStrings),
          style: cell.style,
        });
        cell = null;
      }
    },
    text(chunk) {
      if (collecting !== null) text.push(chunk);
    },
  });
  return {
    cells,
    hiddenRows,
    hiddenColumns: (col) => hiddenRanges.some(([min, max]) => col >= min && col <= max),
    merges,
  };
}

function rawValue(type: string, value: string | null, inline: string[], shared: readonly string[]): RawValue | null {
  switch (type) {
    case "s": {
      const s = value === null ? undefined : shared[Number(value)];
      return s === undefined ? null : { kind: "string", text: s };
    }
    case "inlineStr":
      return { kind: "string", text: unescapeXstring(inline.join("")) };
    case "str":
      return value === null ? null : { kind: "string", text: unescapeXstring(value) };
    case "b":
      return value === null ? null : { kind: "boolean", value: value.trim() === "1" };
    case "e":
      return value === null ? null : { kind: "error", text: value };
    case "d":
      return value === null ? null : { kind: "date", iso: value };
    default: {
      if (value === null || value.trim() === "") return null;
      const n = Number(value);
      return Number.isFinite(n) ? { kind: "number", value: n } : { kind: "string", text: value };
    }
  }
}
