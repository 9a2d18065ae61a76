/**
 * How rebuilt PDF lines read as text: list markers as printed, and wrapped lines joined back
 * (a hyphen at a line's end is a word broken by the wrap only when a lower-case letter goes on).
 */

/** Bullet glyphs as fonts print them, with the private-use code points Symbol and Wingdings bullets map to. */
export const bulletGlyphs = "•▪■◦‣⁃●○·*➢►✓-–o\uf0b7\uf0a7\uf076\uf0d8";

const bulletLine = new RegExp(`^([${bulletGlyphs.replace("-", "\\-")}])\\s+(\\S.*)$`, "u");
const orderedLine = /^(\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\)|[ivx]{1,5}[.)])\s+(\S.*)$/iu;

export interface ListMarker {
  marker: string;
  ordered: boolean;
  text: string;
}

/** The list marker a line starts with, if any: "• x", "– x", "1. x", "a) x", "(ii) x". */
export function listMarker(line: string): ListMarker | null {
  const bullet = bulletLine.exec(line);
  if (bullet !== null) return { marker: bullet[1]!, ordered: false, text: bullet[2]! };
  const ordered = orderedLine.exec(line);
  if (ordered !== null) return { marker: ordered[1]!, ordered: true, text: ordered[2]! };
  return null;
}

/** A cell line starting with a marker, as the model writes list items in cells ("• x", "1. x"); null for other lines. */
export function cellLineMarker(line: string): string | null {
  const marker = listMarker(line);
  if (marker === null) return null;
  return marker.ordered ? `${marker.marker} ${marker.text}` : `• ${marker.text}`;
}

export function joinWrapped(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/** Words and signs a phrase does not end on: the line after one goes on with it. */
const continuing = /(?:[,&/(+\-–—]|\b(?:and|or|of|the|to|for|with|in|on|by|at|from|a|an))$/iu;

/** `before` ends on a word or sign that needs more: the line after it goes on with it. */
export function needsMore(before: string): boolean {
  return continuing.test(before.trimEnd());
}

/**
 * The line after `before` reads as a new entry rather than the rest of it: it starts with a capital,
 * or with a figure after a line that held one (a date after a date; "August" then "2023" is one),
 * and `before` does not end on a word or sign that needs more.
 */
export function startsAnew(before: string, after: string): boolean {
  if (needsMore(before)) return false;
  return /^\p{Lu}/u.test(after) || (/^\p{N}/u.test(after) && /\p{N}/u.test(before));
}
