/**
 * Whitespace and markup clean-up shared by every layout parser. Published plans come from Word,
 * web CMSs and PDF extraction, so the same phrase arrives with NBSPs, zero-width characters,
 * tabs or stray HTML; everything downstream compares text after these functions.
 */

// Zero-width characters are not matched by `\s`, so they get their own class.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * NBSPs, zero-width characters and tabs become spaces, runs of whitespace (newlines included)
 * collapse to one space, and the result is trimmed. Typography (curly quotes, en dashes) is kept
 * as printed because councils' own wording is what users search for.
 */
export function cleanText(s: string): string {
  return s.replace(ZERO_WIDTH, " ").replace(WHITESPACE_RUN, " ").trim();
}

const BULLET = "•";
const HAS_MARKUP = /<\/?[a-z][^<>]{0,1000}>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|•/i;
const BLOCK_TAG = /<\/?(?:p|br|ul|ol|div|h[1-6]|tr|table|blockquote)\b[^<>]{0,1000}>/gi;
// A list item is a bullet whether or not the CMS also printed a "•" glyph inside it.
const LIST_ITEM_OPEN = /<li\b[^<>]{0,1000}>/gi;
const LIST_ITEM_CLOSE = /<\/li\s*>/gi;
const ANY_TAG = /<\/?[a-z][^<>]{0,1000}>|<!--[\s\S]*?-->/gi;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  nbsp: "\u00A0",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  pound: "\u00A3",
  euro: "\u20AC",
  bull: BULLET,
};

function decodeEntity(whole: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith("#")) {
    const code = lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    // An out-of-range reference is left as printed rather than thrown on: parsers must not fail on one cell.
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[lower] ?? whole;
}

function normaliseLine(line: string): string {
  const text = cleanText(line);
  if (!text.startsWith(BULLET)) return text;
  const item = cleanText(text.slice(BULLET.length));
  return item === "" ? "" : `${BULLET} ${item}`;
}

/**
 * Turns a table cell holding HTML (Chelmsford's CMS export) into plain lines: paragraphs, line
 * breaks, list boundaries and each "•" start a new line; list items are written "• item"; other
 * tags are dropped and common entities decoded; blank lines are dropped; lines are joined with "\n".
 * A cell without markup or bullets is just {@link cleanText}ed.
 */
export function htmlCellToText(s: string): string {
  if (!HAS_MARKUP.test(s)) return cleanText(s);
  const withBreaks = s
    .replace(LIST_ITEM_OPEN, `\n${BULLET} `)
    .replace(LIST_ITEM_CLOSE, "\n")
    .replace(BLOCK_TAG, "\n")
    .replace(ANY_TAG, "")
    // Entities are decoded after tags are gone so that an escaped "&lt;p&gt;" stays text.
    .replace(ENTITY, decodeEntity)
    .replaceAll(BULLET, `\n${BULLET} `);
  return withBreaks
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normaliseLine)
    .filter((line) => line !== "")
    .join("\n");
}
