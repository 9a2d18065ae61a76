import type { LayoutFamily, ParsedPlan } from "../import.plan.js";
import { hasVisibleText } from "../normalise/text.normaliser.js";
import { parseParagraphBullets } from "./bullets.parser.js";
import { parseDelimitedTable, parseLocatedTable } from "./delimited.parser.js";
import { parseFlattenedTable } from "./flattened.parser.js";
import { parseHeadingParagraphs } from "./headings.parser.js";
import { chooseLayout } from "./layout.detector.js";
import { PlanParseError, maxPlanBytes } from "./parse.errors.js";

const parsers: Readonly<Record<LayoutFamily, (text: string) => ParsedPlan>> = {
  DELIMITED_TABLE: parseDelimitedTable,
  FLATTENED_TABLE: parseFlattenedTable,
  PARAGRAPH_BULLETS: parseParagraphBullets,
  HEADING_PARAGRAPHS: parseHeadingParagraphs,
};

/** Control characters other than tab, line feed, carriage return and form feed (PDF page breaks), and U+FFFD from a failed decode. */
function isNonText(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    code === 0x7f ||
    code === 0xfffd
  );
}

/** A character {@link isNonText} is true of. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ANY_NON_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/;

/** Above this share of non-text characters a document is a binary file read as text, not a plan with noise. */
const maxNonTextShare = 0.3;

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

function rejectBinary(text: string): void {
  const nul = text.indexOf("\u0000");
  if (nul !== -1)
    throw new PlanParseError(
      "import.binary_content",
      "The document contains NUL bytes: it is a binary file, not text.",
      position(text, nul),
    );
  // Most documents have no such character at all: one native scan says so without the count.
  if (!ANY_NON_TEXT.test(text)) return;
  let nonText = 0;
  let visible = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isNonText(code)) {
      nonText++;
      if (first === -1) first = i;
    } else if (code > 0x20 && code !== 0xa0) {
      visible++;
    }
  }
  if (nonText > 0 && nonText > (nonText + visible) * maxNonTextShare) {
    throw new PlanParseError(
      "import.binary_content",
      "The document is mostly control or undecodable characters: it is not text.",
      position(text, first),
    );
  }
}

/**
 * Parses a council's action plan, whatever its layout family, into a ParsedPlan. Line endings
 * (CRLF, CR) are normalised and a BOM dropped first, so `line` numbers count the document's own
 * lines. Throws {@link PlanParseError} only for documents that cannot be parsed at all (empty,
 * binary, over 5 MB, no known layout); problems with single lines come back as warnings.
 */
export function parsePlan(text: string): ParsedPlan {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxPlanBytes)
    throw new PlanParseError(
      "import.too_large",
      `The document is ${bytes} bytes; plans over ${maxPlanBytes} bytes are refused.`,
    );
  const normalised = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  if (!hasVisibleText(normalised)) throw new PlanParseError("import.empty_document", "The document is empty.");
  rejectBinary(normalised);
  const { layout, table } = chooseLayout(normalised);
  if (layout === null) {
    throw new PlanParseError(
      "import.unknown_layout",
      "No known layout found: no table header, numbered records, paragraphs with bullets or headings with paragraphs.",
    );
  }
  const plan = layout === "DELIMITED_TABLE" && table !== null ? parseLocatedTable(table) : parsers[layout](normalised);
  if (plan.recommendations.length === 0) {
    throw new PlanParseError(
      "import.unknown_layout",
      `The document looks like a ${layout} plan but no recommendation could be read from it.`,
    );
  }
  return plan;
}
