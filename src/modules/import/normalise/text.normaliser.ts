/**
 * Whitespace and markup clean-up shared by every layout parser. Published plans come from Word,
 * web CMSs and PDF extraction, so the same phrase arrives with NBSPs, zero-width characters,
 * tabs or stray HTML; everything downstream compares text after these functions.
 */

// Zero-width characters are not matched by `\s`, so they get their own class.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Only whitespace that is not already a single space: replacing every space with itself made
// cleaning a long line allocate a piece per word, and every parser cleans every line more than once.
const WHITESPACE_TO_FOLD = /\s{2,}|[^\S ]/g;

// Anything cleanText would change: a zero-width character, whitespace other than a single inner
// space, or a space at either end. Single-character alternatives and a fixed two-character run,
// so a failed test is one linear scan.
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF]|\s\s|[^\S ]|^ | $/;
// Text with anything but whitespace and zero-width characters in it: what cleanText leaves non-empty.
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF]/;

/**
 * NBSPs, zero-width characters and tabs become spaces, runs of whitespace (newlines included)
 * collapse to one space, and the result is trimmed. Typography (curly quotes, en dashes) is kept
 * as printed because councils' own wording is what users search for.
 */
export function cleanText(s: string): string {
  // Most cells are already clean (every parser cleans text it is handed, and hands cleaned text
  // on): one scan that finds nothing to change costs less than two replaces and a trim.
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(ZERO_WIDTH, " ").replace(WHITESPACE_TO_FOLD, " ").trim();
}

/** Same as `cleanText(s) !== ""`, without building the cleaned text. */
export function hasVisibleText(s: string): boolean {
  return VISIBLE.test(s);
}

const WORD_CHAR = /\w/;

/**
 * At most `maxChars` characters of `text` just before `end`, for checks that only look at the words
 * leading up to a match ("not yet been …", "from …"). Testing an end-anchored regex against the
 * whole prefix costs the prefix's length per match, which is quadratic over a long cell; a window
 * bounds it. The window is moved forward to a word start, so a word cut in half ("cannot" → "not")
 * is never read as a whole word by `\b`.
 */
export function textBefore(text: string, end: number, maxChars: number): string {
  let start = Math.max(0, end - maxChars);
  while (start > 0 && start < end && WORD_CHAR.test(text.charAt(start - 1)) && WORD_CHAR.test(text.charAt(start)))
    start += 1;
  return text.slice(start, end);
}

const BULLET = "•";
const HAS_MARKUP = /<\/?[a-z][^<>]{0,1000}>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|•/i;
const BLOCK_TAG = /<\/?(?:p|br|ul|ol|div|h[1-6]|tr|table|blockquote)\b[^<>]{0,1000}>/gi;
// A list item is a bullet whether or not the CMS also printed a "•" glyph inside it.
const LIST_ITEM_OPEN = /<li\b[^<>]{0,1000}>/gi;
const LIST_ITEM_CLOSE = /<\/li\s*>/gi;
const ANY_TAG = /<\/?[a-z][^<>]{0,1000}>/gi;
const COMMENT_OPEN = "<!--";
const COMMENT_CLOSE = "-->";
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

/**
 * Drops `<!-- … -->` comments (Word's conditional comments can run to kilobytes). Done with
 * indexOf rather than a lazy regex: `<!--[\s\S]*?-->` rescans to the end of the cell from every
 * unclosed "<!--", which is quadratic. An unclosed comment is left as printed, as before.
 */
function stripComments(s: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = s.indexOf(COMMENT_OPEN, from);
    if (open === -1) break;
    const close = s.indexOf(COMMENT_CLOSE, open + COMMENT_OPEN.length);
    // No close after this opening means none after any later one either: stop scanning.
    if (close === -1) break;
    out += s.slice(from, open);
    from = close + COMMENT_CLOSE.length;
  }
  return out + s.slice(from);
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
  // Comments go first so that a tag inside one (or one cut in half by "-->") cannot leak out.
  const withBreaks = stripComments(s)
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
