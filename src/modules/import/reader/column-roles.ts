/**
 * What a column holds, judged by content: how well one line of text fits a column of each kind
 * (a date under a deadline column, a status word under a status column, a post or a name under a
 * lead column, prose under an action). The cell-lines reader aligns a pasted table's lines to its
 * columns with these figures, so they are evidence, not rules about any one council's wording.
 */
import type { ColumnRole } from "../parsers/columns.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { profileCell, wordCount } from "./field.evidence.js";
import { recommendationNumbering } from "./reader.lexicon.js";

/** What kind of content a column's cells hold, coarser than its role. */
export type ColumnKind =
  "reference" | "recommendation" | "text" | "lead" | "date" | "status" | "dateStatus" | "label" | "other";

export function kindOfRole(role: ColumnRole | null): ColumnKind {
  switch (role) {
    case "reference":
      return "reference";
    case "recommendation":
    case "position":
      return "recommendation";
    case "action":
    case "update":
      return "text";
    case "lead":
    case "accountable":
    case "responsible":
      return "lead";
    case "target":
      return "date";
    case "status":
      return "status";
    case "targetAndStatus":
      return "dateStatus";
    case "title":
    case "themeLabel":
      return "label";
    default:
      return "other";
  }
}

/** Columns that belong to the recommendation, not the action: merged over its action rows. */
export function isRecommendationColumn(role: ColumnRole | null): boolean {
  return (
    role === "reference" ||
    role === "recommendation" ||
    role === "title" ||
    role === "themeLabel" ||
    role === "position"
  );
}

/** One line of a pasted table, profiled once. */
export interface LineProfile {
  empty: boolean;
  /** A bullet at its start: one of several items packed in one cell. */
  bullet: boolean;
  reference: boolean;
  date: boolean;
  status: boolean;
  /** Short and capitalised, like a post or a person's name. */
  name: boolean;
  words: number;
  /** "Recommendation 2 Develop …", "R3: …": a recommendation printed with its number. */
  numbered: boolean;
}

const bulletStart = /^[•▪◦●‣·*\-–o]\s+/u;

export function profileLine(line: string): LineProfile {
  const text = cleanText(line);
  if (text === "")
    return {
      empty: true,
      bullet: false,
      reference: false,
      date: false,
      status: false,
      name: false,
      words: 0,
      numbered: false,
    };
  const bullet = bulletStart.test(text);
  const bare = bullet ? text.replace(bulletStart, "") : text;
  const p = profileCell(bare);
  const numbered = recommendationNumbering.exec(bare);
  return {
    empty: false,
    bullet,
    reference: p.reference,
    date: p.date,
    status: p.status,
    name: p.lead && !p.date && !p.status && !p.reference,
    words: wordCount(bare),
    numbered: numbered !== null && wordCount(numbered[4] ?? "") >= 3,
  };
}

/** A cell made of nothing but an empty line: how plausible for a column of each kind. */
export function emptyFit(kind: ColumnKind): number {
  // An action row always says what will be done; every other cell may be left blank or merged away.
  return kind === "text" ? -1 : 0.2;
}

/**
 * How well a non-empty line fits a column of `kind`, positive for a fit and negative for a misfit.
 * A line that is both a date and a status word ("October 2023 and ongoing") fits a date column.
 */
export function lineFit(kind: ColumnKind, p: LineProfile): number {
  const long = p.words > 8;
  switch (kind) {
    case "reference":
      return p.reference && !p.bullet ? 3 : -3;
    case "date":
      if (p.date) return 2.5;
      // "Ongoing", "BAU", "TBC": a deadline column's words for no deadline.
      if (p.status) return 0;
      return p.reference || long ? -3 : -1;
    case "status":
      if (p.status && !p.date) return 2.5;
      return p.date || p.reference || long ? -3 : -1.5;
    case "dateStatus":
      return p.date || p.status ? 2 : long ? -3 : -1;
    case "lead":
      if (p.name && !p.bullet) return 2;
      if (p.date || p.reference) return -2.5;
      if (p.status) return -1;
      return long ? -2 : 0;
    case "label":
      if (p.date || p.status || p.reference) return -1;
      return p.words <= 12 ? 1 : -0.5;
    case "recommendation":
    case "text":
      // Bullets are the actions packed in one cell; a recommendation is stated once, as prose.
      if (p.bullet) return kind === "text" ? 2.5 : -1;
      if (p.date || p.status || p.reference) return p.words >= 5 ? 0.5 : -2;
      if (p.words >= 5) return 2;
      if (p.words >= 3) return 1;
      return p.name ? -0.5 : 0;
    case "other":
      return 0.3;
  }
}

/** A packed or wrapped cell's further lines cost a little each, so a line only joins the cell above when it fits better there. */
export const extraLineCost = 0.4;

/** Whether a cell of `kind` may run over several lines, and whether empty lines may sit inside it. */
export function multiLine(kind: ColumnKind): { lines: boolean; blanks: boolean } {
  switch (kind) {
    case "reference":
      return { lines: false, blanks: false };
    case "recommendation":
    case "text":
    case "label":
      return { lines: true, blanks: false };
    default:
      // One value per packed action, an empty line for an action with none.
      return { lines: true, blanks: true };
  }
}

/** The strongest fit any kind gives a line, for choosing what a header-less column holds. */
export function bestKind(p: LineProfile): ColumnKind | null {
  if (p.empty) return null;
  if (p.bullet) return "text";
  if (p.reference) return "reference";
  if (p.date) return "date";
  if (p.status) return "status";
  if (p.words >= 3 && !p.name) return "text";
  if (p.words >= 5) return "text";
  return "lead";
}
