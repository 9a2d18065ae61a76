import { DomHandler, ElementType, Parser, type parseDocument } from "htmlparser2";
import { PlanParseError } from "../parsers/parse.errors.js";
import { formatOrdinal, type OrdinalStyle } from "./list.markers.js";

/**
 * The parts of a DOCX package besides the body that decide how the body reads: styles (which
 * paragraphs are headings, which carry list numbering) and numbering (how each list counts). XML is
 * parsed with htmlparser2 in XML mode, which expands no DTD entities, so an entity bomb is inert.
 */

type XmlDocument = ReturnType<typeof parseDocument>;
export type XmlNode = XmlDocument["children"][number];
export type XmlElement = Extract<XmlNode, { name: string; attribs: Record<string, string> }>;

/**
 * Deeper than any real document nests (a table in a table adds four levels). htmlparser2 keeps its
 * open elements with Array.unshift, so each element costs time in proportion to the depth: the cap
 * keeps 100,000 nested elements from taking tens of seconds (50,000 took 3.5 s unchecked).
 */
export const maxXmlDepth = 1000;

class DepthCappedHandler extends DomHandler {
  private depth = 0;

  constructor(private readonly part: string) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    if (this.depth > maxXmlDepth) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `The document part ${this.part} nests elements more than ${maxXmlDepth} deep.`,
      );
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parseXml(bytes: Uint8Array, part: string): XmlDocument {
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PlanParseError("import.corrupt_document", `The document part ${part} is not UTF-8 XML.`);
  }
  const handler = new DepthCappedHandler(part);
  new Parser(handler, { xmlMode: true }).end(xml);
  return handler.root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return "name" in node && "attribs" in node;
}

export function childElements(el: { children: XmlNode[] }, name?: string): XmlElement[] {
  return el.children.filter((n): n is XmlElement => isElement(n) && (name === undefined || n.name === name));
}

export function child(el: { children: XmlNode[] }, name: string): XmlElement | undefined {
  return el.children.find((n): n is XmlElement => isElement(n) && n.name === name);
}

/** The first element of that name anywhere below, found without recursion. */
export function descendant(root: { children: XmlNode[] }, name: string): XmlElement | undefined {
  const stack: XmlNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return undefined;
}

/** The text below an element, gathered without recursion (DomUtils.textContent recurses). */
export function xmlText(el: XmlElement): string {
  let text = "";
  const stack: XmlNode[] = [...el.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === ElementType.Text && "data" in node) text += node.data;
    else if (isElement(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}

export function val(el: XmlElement | undefined): string | undefined {
  return el?.attribs["w:val"];
}

/** OOXML's on/off properties: present means on, unless its value says off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const value = val(el);
  return value === undefined || !["0", "false", "off"].includes(value.toLowerCase());
}

export function intVal(el: XmlElement | undefined): number | null {
  const value = val(el);
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

export interface ParagraphStyle {
  /** 1–6 when the style is a heading (by its English name, "Title", or its outline level). */
  heading: number | null;
  numbering: NumberingRef | null;
}

const maxBasedOn = 20;

/**
 * Style ids are localised ("Überschrift1", "Titre1"), so headings are told by the style's name, which
 * Word keeps English for built-in styles ("heading 1"), or by its outline level; basedOn chains are
 * followed so a council's "Plan heading" based on "heading 2" is a heading too.
 */
export function readStyles(doc: XmlDocument | null): Map<string, ParagraphStyle> {
  const raw = new Map<
    string,
    { name: string; outline: number | null; numbering: NumberingRef | null; basedOn?: string }
  >();
  const root = doc ? descendant(doc, "w:styles") : undefined;
  for (const style of root ? childElements(root, "w:style") : []) {
    if (style.attribs["w:type"] !== "paragraph") continue;
    const id = style.attribs["w:styleId"];
    if (id === undefined) continue;
    const pPr = child(style, "w:pPr");
    const basedOn = val(child(style, "w:basedOn"));
    raw.set(id, {
      name: (val(child(style, "w:name")) ?? "").toLowerCase(),
      outline: intVal(pPr && child(pPr, "w:outlineLvl")),
      numbering: pPr ? numberingRef(child(pPr, "w:numPr")) : null,
      ...(basedOn === undefined ? {} : { basedOn }),
    });
  }
  const styles = new Map<string, ParagraphStyle>();
  for (const id of raw.keys()) {
    let heading: number | null = null;
    let numbering: NumberingRef | null = null;
    let at = raw.get(id);
    for (let hops = 0; at && hops < maxBasedOn && (heading === null || numbering === null); hops++) {
      heading ??= headingOf(at.name, at.outline);
      numbering ??= at.numbering;
      at = at.basedOn === undefined ? undefined : raw.get(at.basedOn);
    }
    styles.set(id, { heading, numbering });
  }
  return styles;
}

/** A style id read without styles.xml: the built-in ids are the English names without spaces. */
export function headingOfStyleId(id: string): number | null {
  return headingOf(id.toLowerCase().replace(/^heading(\d)$/, "heading $1"), null);
}

export function headingOf(name: string, outline: number | null): number | null {
  const named = /^heading ([1-6])$/.exec(name);
  if (named) return Number(named[1]);
  if (name === "title") return 1;
  // Outline levels run 0–8, with 9 meaning body text; the model's headings stop at 6.
  return outline !== null && outline >= 0 && outline <= 5 ? outline + 1 : null;
}

export function numberingRef(numPr: XmlElement | undefined): NumberingRef | null {
  if (!numPr) return null;
  const numId = val(child(numPr, "w:numId"));
  // numId 0 is how a paragraph switches off numbering its style would give it.
  if (numId === undefined || numId === "0") return null;
  return { numId, ilvl: Math.min(8, Math.max(0, intVal(child(numPr, "w:ilvl")) ?? 0)) };
}

interface Level {
  format: OrdinalStyle | "bullet" | "none";
  text: string;
  start: number;
}

const ordinalFormats: Record<string, OrdinalStyle> = {
  decimal: "decimal",
  decimalZero: "decimal",
  lowerLetter: "lowerAlpha",
  upperLetter: "upperAlpha",
  lowerRoman: "lowerRoman",
  upperRoman: "upperRoman",
};

export interface ListMarker {
  ordered: boolean;
  marker: string | null;
}

/**
 * List numbering as Word prints it: a counter per list (numId) and level, deeper levels restarting
 * when a shallower one counts on, and the level's lvlText ("%1.", "%1.%2") filled from the counters.
 */
export class Numbering {
  private readonly lists = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(doc: XmlDocument | null) {
    const root = doc ? descendant(doc, "w:numbering") : undefined;
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const abstract of childElements(root, "w:abstractNum")) {
      abstracts.set(abstract.attribs["w:abstractNumId"] ?? "", levelsOf(abstract));
    }
    for (const num of childElements(root, "w:num")) {
      const levels = new Map(abstracts.get(val(child(num, "w:abstractNumId")) ?? "") ?? []);
      for (const override of childElements(num, "w:lvlOverride")) {
        const ilvl = Number.parseInt(override.attribs["w:ilvl"] ?? "", 10);
        const redefined = child(override, "w:lvl");
        if (redefined) for (const [k, level] of levelsOf({ children: [redefined] })) levels.set(k, level);
        const start = intVal(child(override, "w:startOverride"));
        const level = levels.get(ilvl);
        if (start !== null && level) levels.set(ilvl, { ...level, start });
      }
      this.lists.set(num.attribs["w:numId"] ?? "", levels);
    }
  }

  /** Counts the paragraph in and returns the marker it prints. */
  next(ref: NumberingRef): ListMarker {
    const levels = this.lists.get(ref.numId);
    const level = levels?.get(ref.ilvl);
    if (!levels || !level) return { ordered: false, marker: "•" };
    if (level.format === "none") return { ordered: false, marker: null };
    if (level.format === "bullet") return { ordered: false, marker: bulletGlyph(level.text) };
    let counters = this.counters.get(ref.numId);
    if (!counters) this.counters.set(ref.numId, (counters = []));
    counters[ref.ilvl] = counters[ref.ilvl] === undefined ? level.start : counters[ref.ilvl]! + 1;
    counters.length = ref.ilvl + 1;
    const marker = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const at = levels.get(k);
      const n = counters[k] ?? at?.start ?? 1;
      return at && at.format !== "bullet" && at.format !== "none" ? formatOrdinal(n, at.format) : String(n);
    });
    return { ordered: true, marker: marker.trim() === "" ? null : marker };
  }
}

function levelsOf(abstract: { children: XmlNode[] }): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childElements(abstract, "w:lvl")) {
    const ilvl = Number.parseInt(lvl.attribs["w:ilvl"] ?? "", 10);
    if (!Number.isFinite(ilvl)) continue;
    const numFmt = val(child(lvl, "w:numFmt")) ?? "decimal";
    levels.set(ilvl, {
      format: numFmt === "bullet" || numFmt === "none" ? numFmt : (ordinalFormats[numFmt] ?? "decimal"),
      text: val(child(lvl, "w:lvlText")) ?? "",
      // The schema's default start is 0.
      start: intVal(child(lvl, "w:start")) ?? 0,
    });
  }
  return levels;
}

/** Symbol and Wingdings bullets are private-use code points that mean nothing outside their font. */
function bulletGlyph(text: string): string {
  const glyph = text.trim();
  return glyph === "" || /[\uE000-\uF8FF]/.test(glyph) ? "•" : glyph;
}

/** docProps/core.xml's dc:title, when the author set one. */
export function readCoreTitle(doc: XmlDocument | null): string | null {
  const title = doc ? descendant(doc, "dc:title") : undefined;
  const text = title ? xmlText(title).replace(/\s+/g, " ").trim() : "";
  return text === "" ? null : text;
}
