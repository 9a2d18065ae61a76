import type { LayoutFamily } from "../import.plan.js";
import { findFlattenedHeader, matchRecordStart } from "./flattened.parser.js";
import { headingUnits } from "./headings.parser.js";
import { isBlank, isBulletLine } from "./line-shapes.js";
import { isPageFurniture } from "./page-furniture.js";
import { type LocatedTable, locateTable } from "./table.reader.js";

export type LayoutScores = Readonly<Record<LayoutFamily, number>>;

/**
 * A header row of known column words is far stronger evidence than prose shapes: a table's
 * records also look like paragraphs and "- " lines (Brentwood's positions), so a recognised
 * header outweighs any number of them.
 */
const headerWeight = 1000;

function delimitedScore(table: LocatedTable | null): number {
  return table === null ? 0 : headerWeight + table.rows.filter((row) => row.cells.length > 1).length;
}

function flattenedScore(lines: readonly string[]): number {
  const header = findFlattenedHeader(lines);
  if (header === null) return 0;
  return headerWeight + lines.slice(header.index + 1).filter((line) => matchRecordStart(line) !== null).length;
}

/** Paragraphs followed (past blank lines) by at least one bullet line. */
function bulletScore(lines: readonly string[]): number {
  let groups = 0;
  let afterParagraph = false;
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (isBulletLine(line)) {
      if (afterParagraph) groups++;
      afterParagraph = false;
    } else {
      afterParagraph = true;
    }
  }
  return groups;
}

/** Headings followed by a prose paragraph; the first unit is the title and does not count. */
function headingScore(lines: readonly string[]): number {
  const units = headingUnits(lines)
    .slice(1)
    .filter((unit) => !isPageFurniture(unit.text));
  return units.filter((unit, i) => unit.kind === "heading" && units[i + 1]?.kind === "paragraph").length;
}

/** The scores, and the table found while scoring, for the delimited parser to read rather than locate again. */
function weighLayouts(text: string): { scores: LayoutScores; table: LocatedTable | null } {
  const normalised = text.replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  const table = locateTable(normalised, lines);
  return {
    scores: {
      DELIMITED_TABLE: delimitedScore(table),
      FLATTENED_TABLE: flattenedScore(lines),
      PARAGRAPH_BULLETS: bulletScore(lines),
      HEADING_PARAGRAPHS: headingScore(lines),
    },
    table,
  };
}

/** How strongly the text shows each family's features; 0 where a family's features are absent. */
export function scoreLayouts(text: string): LayoutScores {
  return weighLayouts(text).scores;
}

/** Ties go to the family whose evidence is hardest to produce by accident. */
const tieOrder: readonly LayoutFamily[] = [
  "DELIMITED_TABLE",
  "FLATTENED_TABLE",
  "PARAGRAPH_BULLETS",
  "HEADING_PARAGRAPHS",
];

export interface LayoutChoice {
  layout: LayoutFamily | null;
  /** The table under the first recognised header row, found while weighing the layouts; null when there is none. */
  table: LocatedTable | null;
}

/**
 * {@link detectLayout} with the table it found on the way: locating a table reads every row, and
 * reading a 5 MB table twice (once to weigh the layouts, once to parse) was a sixth of the parse.
 */
export function chooseLayout(text: string): LayoutChoice {
  const { scores, table } = weighLayouts(text);
  let best: LayoutFamily | null = null;
  for (const family of tieOrder) {
    if (scores[family] > 0 && (best === null || scores[family] > scores[best])) best = family;
  }
  return { layout: best, table };
}

/** The layout family whose features the text shows most strongly, or null when it shows none. */
export function detectLayout(text: string): LayoutFamily | null {
  return chooseLayout(text).layout;
}
