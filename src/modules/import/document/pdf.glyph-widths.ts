/**
 * How wide a word is within a run whose width pdf.js gives only as a whole. Characters are told
 * apart by the advance widths of Helvetica (its AFM, in thousandths of an em, printable ASCII from
 * the space on): the proportions of the sans and serif faces plans are set in are close enough to
 * these that "Office" is known to be wider than "151" in any of them, which a mean width per
 * character cannot tell.
 */

const asciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
/** Letters outside ASCII (accented, curly quotes, dashes) are taken at a lower-case letter's width. */
const otherWidth = 556;

function advance(char: string): number {
  const code = char.codePointAt(0) ?? 32;
  return asciiWidths[code - 32] ?? otherWidth;
}

/** The width of `text`'s characters relative to one another (any unit: only ratios are used). */
export function relativeWidth(text: string): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return width;
}

/** The width in points of `part`, a piece of `whole`, which is `wholeWidth` points wide. */
export function partWidth(part: string, whole: string, wholeWidth: number): number {
  const total = relativeWidth(whole);
  return total === 0 ? 0 : (wholeWidth * relativeWidth(part)) / total;
}
