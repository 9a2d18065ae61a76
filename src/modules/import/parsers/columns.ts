import { cleanText } from "../normalise/text.normaliser.js";

/** What a column of an action-plan table holds, whatever the council calls it. */
export const columnRoles = [
  "reference",
  "recommendation",
  "title",
  "action",
  "lead",
  "accountable",
  "responsible",
  "target",
  "status",
  "targetAndStatus",
  "update",
  "position",
  "themeLabel",
] as const;
export type ColumnRole = (typeof columnRoles)[number];

/**
 * Header words as councils print them, in the normalised form `normaliseHeaderCell` produces.
 * Kept as data so a new council's synonym is a one-line change here, not a new parser.
 */
export const columnVocabulary: Readonly<Record<ColumnRole, readonly string[]>> = {
  reference: [
    "no",
    "no.",
    "ref",
    "reference",
    "#",
    "number",
    "ref no",
    "rec no",
    "rec ref",
    "recommendation no",
    "recommendation number",
    "recommendation ref",
  ],
  recommendation: [
    "recommendation",
    "recommendations",
    "detail",
    "details",
    "key recommendation",
    "key recommendations",
    "peer recommendation",
    "peer challenge recommendation",
    "lga recommendation",
    "recommendation detail",
  ],
  title: ["title", "short title"],
  action: [
    "action",
    "actions",
    "associated actions",
    "planned response",
    "response",
    "council response",
    "management response",
    "planned action",
    "planned actions",
    "proposed action",
    "proposed actions",
    "agreed action",
    "agreed actions",
    "key actions",
    "action required",
    "actions required",
    "actions to be taken",
  ],
  lead: [
    "lead",
    "owner",
    "responsible officer",
    "lead officer",
    "action owner",
    "lead member",
    "officer",
    "lead and owner",
  ],
  accountable: ["accountable", "accountable officer"],
  responsible: ["responsible"],
  target: [
    "target date",
    "target",
    "timescale",
    "timescales",
    "timeframe",
    "timeframes",
    "time frame",
    "deadline",
    "due",
    "due date",
    "date",
    "by when",
    "completion date",
    "target completion date",
  ],
  status: [
    "status",
    "progress",
    "rag",
    "progress (rag)",
    "rag status",
    "status (rag)",
    "rag rating",
    "current status",
    "progress status",
  ],
  targetAndStatus: [
    "timescale and status",
    "timescales and status",
    "timeframe and status",
    "target date and status",
    "deadline and status",
    "status and timescale",
  ],
  update: [
    "update",
    "updates",
    "summary update",
    "progress update",
    "latest update",
    "comments",
    "comment",
    "commentary",
    "notes",
    "progress to date",
  ],
  position: ["position", "position on the recommendation", "council position", "our position"],
  themeLabel: ["theme", "themes", "focus area", "priority area", "workstream"],
};

const roleByName: ReadonlyMap<string, ColumnRole> = new Map(
  columnRoles.flatMap((role) => columnVocabulary[role].map((name) => [name, role] as const)),
);

/** The longest vocabulary entry in words, so the spaced-header matcher knows how far to look ahead. */
const longestNameWords = Math.max(...[...roleByName.keys()].map((name) => name.split(" ").length));

/** Folds the spellings councils use for the same header ("No.", "Timescale & Status", "Lead:") together. */
export function normaliseHeaderCell(cell: string): string {
  return (
    cleanText(cell)
      .toLowerCase()
      .replace(/\s*[/&+]\s*/g, " and ")
      // The lookbehind lets only the start of a run try to reach the end: `[:*]+$` alone retries from
      // every colon of a long run that does not end the cell, which is quadratic.
      .replace(/(?<![:*])[:*]+$/, "")
      .replace(/(?<=\w)\.$/, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export function roleOfHeaderCell(cell: string): ColumnRole | null {
  return roleByName.get(normaliseHeaderCell(cell)) ?? null;
}

/** A header row mapped to roles: `roles[i]` is what column i holds, null for columns nobody reads. */
export interface ColumnMap {
  roles: (ColumnRole | null)[];
  labels: string[];
}

export function columnIndex(map: ColumnMap, role: ColumnRole): number | null {
  const index = map.roles.indexOf(role);
  return index === -1 ? null : index;
}

/** Headers need this many recognised columns before a line counts as one: two could be prose. */
export const minimumKnownColumns = 3;

/**
 * Maps a candidate header row to roles, or null when too few cells are column words.
 * The ambiguous "Action" is settled by the columns around it: Chelmsford prints a short label
 * under "Action" and the recommendation under "Detail", with the response in "Planned response".
 */
export function mapHeader(labels: readonly string[]): ColumnMap | null {
  const names = labels.map(normaliseHeaderCell);
  const roles: (ColumnRole | null)[] = names.map((name) => roleByName.get(name) ?? null);
  if (roles.filter((role) => role !== null).length < minimumKnownColumns) return null;

  const recommendationAt = roles.indexOf("recommendation");
  const actionColumns = roles.flatMap((role, i) => (role === "action" ? [i] : []));
  const firstAction = actionColumns[0];
  if (firstAction !== undefined && (names[firstAction] === "action" || names[firstAction] === "actions")) {
    const recommendationIsDetail =
      recommendationAt !== -1 && (names[recommendationAt] === "detail" || names[recommendationAt] === "details");
    const labelsBeforeRecommendation = recommendationAt !== -1 && firstAction < recommendationAt;
    if (labelsBeforeRecommendation && (recommendationIsDetail || actionColumns.length > 1))
      roles[firstAction] = "themeLabel";
  }

  // Two recommendation columns ("Recommendation", "Detail"): the first is the short title.
  const recommendationColumns = roles.flatMap((role, i) => (role === "recommendation" ? [i] : []));
  const [firstRecommendation, secondRecommendation] = recommendationColumns;
  if (firstRecommendation !== undefined && secondRecommendation !== undefined && !roles.includes("title")) {
    roles[firstRecommendation] = "title";
  }

  // "Progress" beside a "Status" column is the free-text progress note, not a second status.
  const statusColumns = roles.flatMap((role, i) => (role === "status" ? [i] : []));
  if (statusColumns.length > 1 && !roles.includes("update")) {
    const progressAt = statusColumns.find((i) => names[i] === "progress");
    if (progressAt !== undefined) roles[progressAt] = "update";
  }

  // Any role still printed twice: the first column wins, the rest are kept out of the record.
  const seen = new Set<ColumnRole>();
  const deduplicated = roles.map((role) => {
    if (role === null) return null;
    if (seen.has(role)) return null;
    seen.add(role);
    return role;
  });
  return { roles: deduplicated, labels: labels.map((label) => cleanText(label)) };
}

/** True when every non-empty cell is a column word: a header, printed again or for the first time. */
export function looksLikeHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cleanText(cell) !== "");
  return filled.length >= minimumKnownColumns && filled.every((cell) => roleOfHeaderCell(cell) !== null);
}

/** What `normaliseHeaderCell` turns into " and " or strips from a cell's end. */
const foldedByNormalising = "/&+:*";
const columnNameChars: ReadonlySet<string> = new Set([...roleByName.keys()].join(""));
/**
 * Printable ASCII characters that `normaliseHeaderCell` keeps as they are and no column name holds
 * (digits, commas, quotes …): a word with one in it can be part of no column name. Derived from the
 * vocabulary, so a name added with such a character still matches.
 */
const neverInColumnName: ReadonlySet<string> = new Set(
  Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).filter(
    (c) => !/[a-z]/i.test(c) && !foldedByNormalising.includes(c) && !columnNameChars.has(c),
  ),
);

function canBeInColumnName(word: string): boolean {
  for (const c of word) if (neverInColumnName.has(c)) return false;
  return true;
}

/** A spaced header line has a few words per column; more than this is prose. */
const maxSpacedHeaderWords = 30;

/**
 * A header whose column names are separated only by spaces (a table flattened to text), matched
 * greedily so that "Position on the Recommendation" is one column, not "Position" and three words.
 * Null unless the whole line is column words, bar one stray word.
 */
export function matchSpacedHeader(line: string): ColumnMap | null {
  if (/[\t|]/.test(line)) return null;
  // Every line is tried as a header: splitting no further than one word past the limit keeps a
  // long line from becoming an array of all its words.
  const words = cleanText(line)
    .split(" ", maxSpacedHeaderWords + 1)
    .filter((word) => word !== "");
  if (words.length < minimumKnownColumns || words.length > maxSpacedHeaderWords) return null;
  // Such a word is a stray word wherever it stands, so two of them rule the line out before any
  // matching: most lines tried (table rows, prose) have numbers or commas in several words.
  let strays = 0;
  for (const word of words) if (!canBeInColumnName(word) && ++strays > 1) return null;
  const labels: string[] = [];
  let unknown = 0;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let length = Math.min(longestNameWords, words.length - i); length >= 1; length--) {
      if (roleOfHeaderCell(words.slice(i, i + length).join(" ")) !== null) {
        matched = length;
        break;
      }
    }
    if (matched === 0) {
      unknown++;
      // A second stray word already rules the line out: stop before matching the rest of its words.
      if (unknown > 1) return null;
      i++;
      continue;
    }
    labels.push(words.slice(i, i + matched).join(" "));
    i += matched;
  }
  return mapHeader(labels);
}
