import { parse, type DefaultTreeAdapterTypes as Html } from "parse5";
import { PlanParseError } from "../parsers/parse.errors.js";
import { tableGrid } from "./document.grid.js";
import type { Block, DocumentModel, SourceRef, TableBlock, TableRow } from "./document.model.js";
import { formatOrdinal, type OrdinalStyle } from "./list.markers.js";

/**
 * HTML → document model. `text` is the HTML as given and every block's `source` is the start tag of
 * the element that holds it (p, li, h2, td, tr, table…), as parse5 locates it (1-based line and
 * column; parse5 counts "\r\n" as one line break). Text that follows a nested block inside the same
 * container points at its own first text node instead, as that container's start tag already names
 * the text before it.
 *
 * Lowered as a reader sees the page: block elements break text into paragraphs, inline elements
 * (and unknown ones, as browsers treat them) are text; an image's alt text is text, since status
 * colours are often images. dt and dd are separate paragraphs. Whitespace collapses as in a browser
 * (no-break spaces too, which pages use to pad empty cells) except inside pre. Navigation, hidden
 * elements and non-text content are dropped; other page furniture is kept for the plan reader.
 *
 * Tables of data become TableBlocks; a table nested in a cell becomes lines of that cell's text, and
 * layout tables (one cell, role="presentation", or headings in cells of a table without header cells)
 * are read as if their cells were divs. The tree is walked with an explicit stack: nesting depth
 * costs memory, never call stack.
 */

/** Bounds on what one page may expand to; beyond them the page is refused, not truncated. */
export const htmlLimits = {
  /** Blocks, table rows and table cells together. */
  maxItems: 200_000,
  /** The HTML spec's own clamps on colspan and rowspan. */
  maxColSpan: 1000,
  maxRowSpan: 65_534,
  /** Grid positions one table covers once its spans are expanded (what tableGrid will allocate). */
  maxGridArea: 2_000_000,
  /** Tables nested in cells deeper than this are read as plain lines of the enclosing cell. */
  maxCellTableDepth: 8,
};

/** Not text a reader of the page sees, or (nav) the site's own navigation rather than the document. */
export const droppedHtmlElements: ReadonlySet<string> = new Set([
  "head",
  "title",
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "audio",
  "video",
  "select",
  "datalist",
  "nav",
]);

/** Elements that start and end a block of text (CSS display block, list-item or table parts). */
export const blockHtmlElements: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "ol",
  "p",
  "plaintext",
  "pre",
  "search",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "textarea",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "xmp",
]);

const preformatted = new Set(["pre", "listing", "plaintext", "textarea", "xmp"]);
const listElements = new Set(["ul", "ol", "menu", "dir"]);
const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const ordinalTypes: Record<string, OrdinalStyle> = {
  "1": "decimal",
  a: "lowerAlpha",
  A: "upperAlpha",
  i: "lowerRoman",
  I: "upperRoman",
};

interface Where {
  line: number;
  column: number;
}

interface Frame {
  index: number;
  where: Where | null;
  /** A run of text held by this element has been emitted. */
  used: boolean;
  pre: boolean;
  heading: { frame: Frame; level: number } | null;
  item: { frame: Frame; depth: number; ordered: boolean; marker: string | null } | null;
}

interface ListState {
  ordered: boolean;
  style: OrdinalStyle;
  next: number;
  step: number;
}

interface Context {
  /** Lines of the cell being read; null for the page's flow of blocks. */
  lines: string[] | null;
  lists: ListState[];
}

interface TableBuild {
  /** "block": a TableBlock of the page; "lines": rows rendered into the enclosing cell. */
  mode: "block" | "lines";
  where: Where;
  rows: TableRow[];
  headRows: Set<Html.Element>;
  /** Each row's section's last row (index into `rows`): where rowspan="0" ends. */
  sectionEnds: Map<Html.Element, number>;
  /** Every cell of the row being read so far is a th. */
  rowAllTh: boolean;
}

interface TableShape {
  rows: { tr: Html.Element; cells: Html.Element[] }[];
  headRows: Set<Html.Element>;
  sectionEnds: Map<Html.Element, number>;
  captions: Html.Element[];
  layout: boolean;
}

type Task = { node: Html.ChildNode } | { then: () => void };

export function readHtml(html: string): DocumentModel {
  const document = parse(html, { sourceCodeLocationInfo: true });
  return new HtmlLowering(html).read(document);
}

class HtmlLowering {
  private readonly blocks: Block[] = [];
  private readonly tasks: Task[] = [];
  /** The root frame holds whatever text no element claims. */
  private readonly frames: Frame[] = [{ index: 0, where: null, used: false, pre: false, heading: null, item: null }];
  private readonly contexts: Context[] = [{ lines: null, lists: [] }];
  private readonly tables: TableBuild[] = [];
  private items = 0;
  private title: string | null = null;
  private run: { parts: string[]; pre: boolean; where: Where | null } = { parts: [], pre: false, where: null };

  constructor(private readonly html: string) {}

  read(document: Html.Document): DocumentModel {
    for (const node of [...document.childNodes].reverse()) this.tasks.push({ node });
    for (let task = this.tasks.pop(); task !== undefined; task = this.tasks.pop()) {
      if ("then" in task) task.then();
      else this.visit(task.node);
    }
    this.flush();
    const firstH1 = this.blocks.find((b) => b.kind === "heading" && b.level === 1);
    return {
      format: "HTML",
      title: this.title ?? (firstH1?.kind === "heading" ? firstH1.text.replace(/\n/g, " ") : null),
      blocks: this.blocks,
      text: this.html,
      warnings: [],
    };
  }

  private visit(node: Html.ChildNode): void {
    if (node.nodeName === "#text") return this.addText((node as Html.TextNode).value, node);
    if (!("tagName" in node)) return; // comments, doctype
    const el = node;
    const tag = el.tagName;
    if (tag === "title" && this.title === null) this.title = collapse(textContent(el)).trim() || null;
    if (tag === "head") return this.findTitle(el);
    if (isDropped(el)) return;
    if (tag === "br") return this.lineBreak(el);
    if (tag === "img") {
      const alt = attr(el, "alt");
      if (alt !== undefined) this.addText(` ${alt} `, el);
      return;
    }
    const role = attr(el, "role");
    if (tag === "table" && role !== "presentation" && role !== "none") {
      const mode = this.tableMode();
      const shape = mode === null ? null : tableShape(el);
      if (shape && mode && !shape.layout) return this.table(el, shape, mode);
    }
    if (!blockHtmlElements.has(tag) && role !== "heading") return this.pushChildren(el);
    this.block(el);
  }

  private block(el: Html.Element): void {
    this.flush();
    const tag = el.tagName;
    const parent = this.frames.at(-1);
    const frame: Frame = {
      index: this.frames.length,
      where: whereOf(el) ?? parent?.where ?? null,
      used: false,
      pre: preformatted.has(tag) || (parent?.pre ?? false),
      heading: parent?.heading ?? null,
      item: parent?.item ?? null,
    };
    const level = headingLevel(el);
    if (level !== null) frame.heading = { frame, level };
    const context = this.contexts.at(-1)!;
    if (tag === "li") frame.item = { frame, ...this.listMarker(el, context) };
    this.frames.push(frame);
    const list = listElements.has(tag) ? listState(el) : null;
    if (list) context.lists.push(list);
    this.tasks.push({
      then: () => {
        this.flush();
        if (list) context.lists.pop();
        this.frames.pop();
      },
    });
    this.pushChildren(el);
  }

  private listMarker(li: Html.Element, context: Context): { depth: number; ordered: boolean; marker: string | null } {
    const list = context.lists.at(-1);
    if (!list) return { depth: 0, ordered: false, marker: null };
    const depth = context.lists.length - 1;
    if (!list.ordered) return { depth, ordered: false, marker: null };
    const value = integerAttr(li, "value");
    if (value !== null) list.next = value;
    const marker = `${formatOrdinal(list.next, list.style)}.`;
    list.next += list.step;
    return { depth, ordered: true, marker };
  }

  /** Where a data table goes: a block of the page, lines of the enclosing cell, or (too deep) neither. */
  private tableMode(): TableBuild["mode"] | null {
    const cellDepth = this.contexts.length - 1;
    if (cellDepth === 0) return "block";
    return cellDepth < htmlLimits.maxCellTableDepth ? "lines" : null;
  }

  private table(el: Html.Element, shape: TableShape, mode: TableBuild["mode"]): void {
    this.flush();
    const planned: Task[] = shape.captions.map((node) => ({ node }));
    const build: TableBuild = {
      mode,
      where: whereOf(el) ?? this.frames.at(-1)?.where ?? { line: 1, column: 1 },
      rows: [],
      headRows: shape.headRows,
      sectionEnds: shape.sectionEnds,
      rowAllTh: true,
    };
    planned.push({ then: () => this.tables.push(build) });
    for (const { tr, cells } of shape.rows) {
      planned.push({ then: () => this.startRow(tr) });
      for (const cell of cells) planned.push({ then: () => this.cell(cell) });
      planned.push({ then: () => this.endRow() });
    }
    planned.push({ then: () => this.endTable() });
    for (let i = planned.length - 1; i >= 0; i--) this.tasks.push(planned[i]!);
  }

  private startRow(tr: Html.Element): void {
    const table = this.tables.at(-1)!;
    this.count();
    table.rowAllTh = true;
    table.rows.push({
      cells: [],
      header: table.headRows.has(tr),
      source: { ...(whereOf(tr) ?? table.where) },
    });
  }

  private endRow(): void {
    const table = this.tables.at(-1)!;
    const row = table.rows.at(-1)!;
    if (row.cells.length > 0 && table.rowAllTh) row.header = true;
  }

  private cell(td: Html.Element): void {
    this.count();
    const table = this.tables.at(-1)!;
    const row = table.rows.at(-1)!;
    const tr = td.parentNode as Html.Element;
    const rowIndex = table.rows.length - 1;
    const context: Context = { lines: [], lists: [] };
    const where = whereOf(td) ?? { line: row.source.line, column: row.source.column ?? 1 };
    this.contexts.push(context);
    this.frames.push({
      index: this.frames.length,
      where,
      used: false,
      pre: false,
      heading: null,
      item: null,
    });
    this.tasks.push({
      then: () => {
        this.flush();
        this.frames.pop();
        this.contexts.pop();
        if (td.tagName !== "th") table.rowAllTh = false;
        row.cells.push({
          text: context.lines!.join("\n"),
          colSpan: clampSpan(integerAttr(td, "colspan"), htmlLimits.maxColSpan),
          rowSpan:
            integerAttr(td, "rowspan") === 0
              ? (table.sectionEnds.get(tr) ?? rowIndex) - rowIndex + 1
              : clampSpan(integerAttr(td, "rowspan"), htmlLimits.maxRowSpan),
          ...fillOf(td),
          source: { line: where.line, column: where.column },
        });
      },
    });
    this.pushChildren(td);
  }

  private endTable(): void {
    const build = this.tables.pop()!;
    // Empty rows stay: rowspans count them, as browsers do.
    const rows = build.rows;
    // An overlong span reaches to the table's last row; no further.
    rows.forEach((row, r) => {
      for (const cell of row.cells) cell.rowSpan = Math.min(cell.rowSpan, rows.length - r);
    });
    if (rows.every((row) => row.cells.length === 0)) return;
    if (build.mode === "lines") {
      const lines = this.contexts.at(-1)!.lines!;
      for (const row of rows) {
        const line = row.cells
          .map((cell) => cell.text.replace(/\n+/g, " ").trim())
          .filter((text) => text !== "")
          .join(" | ");
        if (line !== "") lines.push(line);
      }
      return;
    }
    let area = 0;
    for (const row of rows) for (const cell of row.cells) area += cell.colSpan * cell.rowSpan;
    if (area > htmlLimits.maxGridArea) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `A table's merged cells cover more than ${htmlLimits.maxGridArea} positions.`,
        build.where,
      );
    }
    const table: TableBlock = { kind: "table", rows, source: build.where };
    const grid = tableGrid(table);
    grid.forEach((gridRow, r) =>
      gridRow.forEach((position, c) => {
        if (position?.origin) position.cell.source.cell = `r${r + 1}c${c + 1}`;
      }),
    );
    this.emit(table);
  }

  private pushChildren(el: Html.Element): void {
    for (let i = el.childNodes.length - 1; i >= 0; i--) this.tasks.push({ node: el.childNodes[i]! });
  }

  private findTitle(head: Html.Element): void {
    const title = head.childNodes.find((n): n is Html.Element => "tagName" in n && n.tagName === "title");
    if (title && this.title === null) this.title = collapse(textContent(title)).trim() || null;
  }

  private addText(value: string, node: Html.ChildNode): void {
    const pre = this.frames.at(-1)?.pre ?? false;
    const text = pre ? value : collapse(value);
    if (text === "") return;
    if (this.run.where === null && text.trim() !== "") this.run.where = whereOf(node);
    this.run.pre = pre;
    this.run.parts.push(text);
  }

  private lineBreak(br: Html.Element): void {
    if (this.run.where === null) this.run.where = whereOf(br);
    this.run.parts.push("\n");
  }

  /** Ends the run of inline text: a block of the page, or lines of the cell being read. */
  private flush(): void {
    const { parts, pre } = this.run;
    const runWhere = this.run.where;
    this.run = { parts: [], pre: false, where: null };
    if (parts.length === 0) return;
    const text = pre ? finishPre(parts.join("")) : finishText(parts.join(""));
    if (text === "") return;
    const top = this.frames.at(-1)!;
    const heading = top.heading;
    const item = top.item && !top.item.frame.used ? top.item : null;
    const ownWhere = !top.used ? top.where : null;
    top.used = true;
    const lines = this.contexts.at(-1)!.lines;
    if (heading && (!item || heading.frame.index > item.frame.index)) {
      const where = (!heading.frame.used ? heading.frame.where : null) ?? ownWhere ?? runWhere;
      heading.frame.used = true;
      if (lines) pushAll(lines, text.split("\n"));
      else this.emit({ kind: "heading", level: heading.level, text, source: source(where) });
      return;
    }
    if (item) {
      const where = item.frame.where ?? runWhere;
      item.frame.used = true;
      if (lines) {
        const itemLines = text.split("\n");
        itemLines[0] = `${item.marker ?? "•"} ${itemLines[0]}`;
        pushAll(lines, itemLines);
      } else {
        const { depth, ordered, marker } = item;
        this.emit({ kind: "listItem", depth, ordered, marker, text, source: source(where) });
      }
      return;
    }
    if (lines) pushAll(lines, text.split("\n"));
    else this.emit({ kind: "paragraph", text, source: source(ownWhere ?? runWhere) });
  }

  private emit(block: Block): void {
    this.count();
    this.blocks.push(block);
  }

  private count(): void {
    this.items++;
    if (this.items > htmlLimits.maxItems) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `The page holds more than ${htmlLimits.maxItems} blocks, rows and cells.`,
      );
    }
  }
}

/**
 * A table's rows in reading order (thead, then tbody and bare rows, then tfoot, as browsers render
 * them), and whether it is a layout table. Looks no deeper than the table's own cells' content, and
 * not into tables nested there, so each element is looked at by one table only.
 */
function tableShape(table: Html.Element): TableShape {
  // Each group is one thead, tbody or tfoot (a bare tr is a group of its own, parse5 wraps those).
  const groups: Record<"thead" | "tbody" | "tfoot", Html.Element[][]> = { thead: [], tbody: [], tfoot: [] };
  const captions: Html.Element[] = [];
  for (const child of elementChildren(table)) {
    if (isDropped(child)) continue;
    if (child.tagName === "caption") captions.push(child);
    else if (child.tagName === "tr") groups.tbody.push([child]);
    else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
      groups[child.tagName].push(elementChildren(child).filter((tr) => tr.tagName === "tr" && !isDropped(tr)));
    }
  }
  const rows: Html.Element[] = [];
  const sectionEnds = new Map<Html.Element, number>();
  for (const group of [...groups.thead, ...groups.tbody, ...groups.tfoot]) {
    const end = rows.length + group.length - 1;
    for (const tr of group) {
      rows.push(tr);
      sectionEnds.set(tr, end);
    }
  }
  const head = groups.thead.flat();
  const rowCells = rows.map((tr) => ({ tr, cells: cellsOf(tr) }));
  const cells = rowCells.flatMap((row) => row.cells);
  const hasHeaderCells = head.length > 0 || cells.some((cell) => cell.tagName === "th");
  const layout =
    cells.length === 1 ||
    (!hasHeaderCells &&
      (cells.some((cell) => holds(cell, "heading")) ||
        (rows.length === 1 && cells.some((cell) => holds(cell, "table")))));
  return { rows: rowCells, headRows: new Set(head), sectionEnds, captions, layout };
}

/** Whether a cell's content (not counting tables nested in it) holds a heading, or holds a table. */
function holds(cell: Html.Element, what: "heading" | "table"): boolean {
  const stack: Html.Element[] = elementChildren(cell);
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    if (isDropped(el)) continue;
    if (el.tagName === "table") {
      if (what === "table") return true;
      continue;
    }
    if (what === "heading" && headingLevel(el) !== null) return true;
    for (const child of elementChildren(el)) stack.push(child);
  }
  return false;
}

function cellsOf(tr: Html.Element): Html.Element[] {
  return elementChildren(tr).filter((el) => (el.tagName === "td" || el.tagName === "th") && !isDropped(el));
}

function elementChildren(el: Html.Element): Html.Element[] {
  return el.childNodes.filter((n): n is Html.Element => "tagName" in n);
}

function isDropped(el: Html.Element): boolean {
  if (droppedHtmlElements.has(el.tagName)) return true;
  if (el.attrs.length === 0) return false;
  const hidden = attr(el, "hidden");
  // hidden="until-found" is content a page's find-in-page reveals (accordions): still the page's text.
  if (hidden !== undefined && hidden.toLowerCase() !== "until-found") return true;
  if (attr(el, "aria-hidden")?.toLowerCase() === "true") return true;
  if (attr(el, "role")?.toLowerCase() === "navigation") return true;
  const style = attr(el, "style");
  return style !== undefined && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

function headingLevel(el: Html.Element): number | null {
  const level = headingLevels[el.tagName];
  if (level !== undefined) return level;
  if (attr(el, "role")?.toLowerCase() !== "heading") return null;
  // ARIA's default level for role="heading" is 2.
  const aria = integerAttr(el, "aria-level") ?? 2;
  return Math.min(6, Math.max(1, aria));
}

function listState(el: Html.Element): ListState {
  if (el.tagName !== "ol") return { ordered: false, style: "decimal", next: 1, step: 1 };
  const reversed = attr(el, "reversed") !== undefined;
  const type = attr(el, "type") ?? "1";
  const items = reversed ? elementChildren(el).filter((c) => c.tagName === "li").length : 1;
  return {
    ordered: true,
    style: ordinalTypes[type] ?? ordinalTypes[type.toLowerCase()] ?? "decimal",
    next: integerAttr(el, "start") ?? items,
    step: reversed ? -1 : 1,
  };
}

function attr(el: Html.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** A cell's background as the page sets it (bgcolor, or a background in its style): a status may be a colour alone. */
function fillOf(el: Html.Element): { fill?: string } {
  const style = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;!]+)/i.exec(attr(el, "style") ?? "");
  const fill = (style?.[1] ?? attr(el, "bgcolor"))?.trim();
  return fill ? { fill } : {};
}

function integerAttr(el: Html.Element, name: string): number | null {
  const value = attr(el, name);
  if (value === undefined) return null;
  const match = /^\s*([+-]?\d+)/.exec(value);
  return match ? Number.parseInt(match[1]!, 10) : null;
}

/** HTML's rule: a missing, unparsable or zero span is 1; an overlong one is clamped. */
function clampSpan(value: number | null, max: number): number {
  if (value === null || value < 1) return 1;
  return Math.min(value, max);
}

function whereOf(node: Html.ChildNode): Where | null {
  const location = node.sourceCodeLocation;
  return location ? { line: location.startLine, column: location.startCol } : null;
}

function source(where: Where | null): SourceRef {
  return where ? { line: where.line, column: where.column } : { line: 1, column: 1 };
}

/** The text of an element's subtree, gathered without recursion. */
function textContent(el: Html.Element): string {
  let text = "";
  const stack: Html.ChildNode[] = [...el.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeName === "#text") text += (node as Html.TextNode).value;
    else if ("tagName" in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text;
}

/** Spread arguments live on the call stack: a cell with 200,000 lines would overflow it. */
function pushAll(target: string[], items: string[]): void {
  for (const item of items) target.push(item);
}

/** Runs of HTML whitespace (and no-break spaces) read as one space. */
function collapse(text: string): string {
  return text.replace(/[\t\n\f\r \u00a0]+/g, " ");
}

/** A run's lines: spaces around line breaks dropped, as a browser lays them out; outer blank lines gone. */
function finishText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

function finishPre(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}
