import { cleanText, hasVisibleText } from "../normalise/text.normaliser.js";

/**
 * Bullet glyphs as they survive extraction from Word, PDF and web pages. A numbered "1." is
 * deliberately not one: numbered lines are recommendations or prose in the plans seen so far.
 */
const bulletLine = /^\s*[•\-*–▪◦●‣·]\s+(?=\S)/u;

export function isBulletLine(line: string): boolean {
  return bulletLine.test(line);
}

/** The item without its bullet glyph, whitespace-cleaned. */
export function bulletText(line: string): string {
  return cleanText(line.replace(bulletLine, ""));
}

export function isBlank(line: string): boolean {
  return !hasVisibleText(line);
}

/** Headings run to about ten words and never end a sentence; anything else is prose. */
export const maxHeadingWords = 10;

export function isHeadingLike(line: string): boolean {
  const text = cleanText(line);
  if (text === "" || text.endsWith(".") || isBulletLine(line)) return false;
  // Split no further than one word past the limit: every line is tested, and a long one would
  // otherwise become an array of all its words.
  return text.split(" ", maxHeadingWords + 1).length <= maxHeadingWords;
}

/** A run of consecutive non-blank lines; `start` is the 0-based index of its first line. */
export interface LineBlock {
  start: number;
  lines: string[];
}

export function lineBlocks(lines: readonly string[]): LineBlock[] {
  const blocks: LineBlock[] = [];
  let current: LineBlock | null = null;
  lines.forEach((line, index) => {
    if (isBlank(line)) {
      current = null;
      return;
    }
    if (current === null) {
      current = { start: index, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}
