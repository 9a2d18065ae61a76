import type { ParsedPlan, ParsedStatus, ParsedTarget, PlanRecommendation } from "../import.plan.js";
import { splitRoles } from "../normalise/role.lexicon.js";
import { matchTrailingStatus } from "../normalise/status.normaliser.js";
import { matchTrailingTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { type ColumnMap, type ColumnRole, columnIndex, matchSpacedHeader } from "./columns.js";
import { bulletText, isBlank, isBulletLine } from "./line-shapes.js";
import { type TextLine, pickTitle } from "./page-furniture.js";
import { PlanParseError } from "./parse.errors.js";
import { PlanNotes, excerpt, noTarget } from "./plan.notes.js";

/**
 * A record's first line: "1 Urgent need to …", "R3 …", "2.1 …". Bounded to three digits so a
 * wrapped line that starts with a year is not taken for a record, and to an optional "R"/"Rec"
 * prefix so a role such as "S151 Officer" on a roles line is not either.
 */
const recordStart = /^\s*((?:R|Rec\.?\s?)?\d{1,3}(?:\.\d{1,3})*[a-z]?)[.):]?\s+(\S.*)$/;

export function matchRecordStart(line: string): { reference: string; rest: string } | null {
  const match = recordStart.exec(line);
  if (match === null) return null;
  return { reference: match[1] ?? "", rest: match[2] ?? "" };
}

/**
 * Where the council's position starts on a record's first line. Its own voice (" - We have …")
 * is preferred over the first " - ", and only an ASCII hyphen counts: recommendations print en
 * dashes inside their own text (Brentwood 5, "… Rochford District Council – options paper").
 */
const positionInOwnVoice = / - (?=(?:we|our)\b)/i;
const positionSeparator = " - ";

function splitFirstLine(rest: string): { text: string; position: string | null } {
  const voiced = positionInOwnVoice.exec(rest);
  const at = voiced?.index ?? rest.indexOf(positionSeparator);
  if (at === -1) return { text: rest, position: null };
  return { text: rest.slice(0, at), position: rest.slice(at + positionSeparator.length) };
}

interface HeaderAt {
  index: number;
  columns: ColumnMap;
}

/** The first spaced header line followed (past blank lines) by a numbered record. */
export function findFlattenedHeader(lines: readonly string[]): HeaderAt | null {
  for (let index = 0; index < lines.length; index++) {
    const columns = matchSpacedHeader(lines[index] ?? "");
    if (columns === null) continue;
    let next = index + 1;
    while (next < lines.length && isBlank(lines[next] ?? "")) next++;
    if (matchRecordStart(lines[next] ?? "") !== null) return { index, columns };
  }
  return null;
}

interface OpenRecord {
  reference: string;
  line: number;
  text: string[];
  items: string[];
  trailer: Trailer | null;
}

interface Trailer {
  line: number;
  status: string | null;
  target: string | null;
  people: Partial<Record<ColumnRole, string>>;
}

const peopleRoles: readonly ColumnRole[] = ["lead", "accountable", "responsible"];

/**
 * A closing line holds a few roles, a timescale and a status: about a hundred characters. A longer
 * one is prose or a page that lost its line breaks, and splitting it into roles would invent
 * people (and cost time quadratic in its length), so it is not split.
 */
export const maxTrailerChars = 500;

/**
 * Splits the last line of a record, where the cells ran together with no delimiter ("Chief
 * Executive Director of Policy & Transformation Dec 24 In progress"). Only the end of the line
 * is reliable, so the columns after the people are peeled off from the right, in header order,
 * and what is left is divided between the people columns by the role lexicon.
 */
function readTrailer(line: string, lineNumber: number, columns: ColumnMap): Trailer {
  let rest = cleanText(line);
  let status: string | null = null;
  let target: string | null = null;
  for (const role of [...columns.roles].reverse()) {
    if (role === "status" || role === "targetAndStatus") {
      const match = matchTrailingStatus(rest);
      if (match !== null) {
        status = match.status;
        rest = match.rest;
      }
      if (role === "status") continue;
    }
    if (role === "target" || role === "targetAndStatus") {
      const match = matchTrailingTarget(rest);
      if (match !== null) {
        target = match.target;
        rest = match.rest;
      }
      continue;
    }
    break;
  }
  const peopleColumns = columns.roles.filter((role): role is ColumnRole => role !== null && peopleRoles.includes(role));
  const people: Partial<Record<ColumnRole, string>> = {};
  if (peopleColumns.length === 1 && peopleColumns[0] !== undefined && rest !== "") people[peopleColumns[0]] = rest;
  if (peopleColumns.length > 1) {
    const names = rest === "" ? [] : splitRoles(rest);
    peopleColumns.forEach((role, i) => {
      // The last column takes whatever is left; with fewer names than columns the last name is
      // repeated, as when one officer is both accountable and responsible.
      const name =
        i === peopleColumns.length - 1 ? names.slice(i).join(" ") || names.at(-1) : (names[i] ?? names.at(-1));
      if (name !== undefined && name !== "") people[role] = name;
    });
  }
  return { line: lineNumber, status, target, people };
}

function isTrailerLine(line: string, columns: ColumnMap, isLastOfRecord: boolean): boolean {
  const has = (role: ColumnRole): boolean => columnIndex(columns, role) !== null;
  if ((has("status") || has("targetAndStatus")) && matchTrailingStatus(line) !== null) return true;
  if (!has("status") && has("target") && matchTrailingTarget(line) !== null) return true;
  return isLastOfRecord;
}

/**
 * Parses a table flattened to text (Brentwood): a spaced header line, then records that start
 * with their number, carry the council's position on "- " lines, and end with a line where the
 * people, timescale and status run together. `text` must have "\n" line endings.
 */
export function parseFlattenedTable(text: string): ParsedPlan {
  const lines = text.split("\n");
  const header = findFlattenedHeader(lines);
  if (header === null)
    throw new PlanParseError(
      "import.unknown_layout",
      "No header line of column names followed by a numbered record was found.",
    );
  const notes = new PlanNotes();
  const before: TextLine[] = lines
    .slice(0, header.index)
    .flatMap((line, i) => (isBlank(line) ? [] : [{ line: i + 1, text: cleanText(line) }]));
  const title = pickTitle(before);
  for (const line of before) {
    if (line === title) continue;
    notes.unplace(line.line, line.text);
    if (matchRecordStart(line.text) !== null)
      notes.warn(
        line.line,
        "import.unplaced_line",
        `Line ${line.line}: looks like a numbered record but comes before the table's header.`,
      );
  }

  const records: OpenRecord[] = [];
  let open: OpenRecord | null = null;
  for (let index = header.index + 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (isBlank(line)) continue;
    const start = matchRecordStart(line);
    if (start !== null) {
      const first = splitFirstLine(start.rest);
      open = {
        reference: start.reference,
        line: index + 1,
        text: [first.text],
        items: first.position === null ? [] : [first.position],
        trailer: null,
      };
      records.push(open);
      continue;
    }
    if (open === null || open.trailer !== null) {
      notes.unplace(index + 1, cleanText(line));
      continue;
    }
    if (isBulletLine(line)) {
      open.items.push(bulletText(line));
      continue;
    }
    if (isTrailerLine(line, header.columns, isLastOfRecord(lines, index))) {
      const text = cleanText(line);
      if (text.length > maxTrailerChars) {
        // Closed with nothing read: the record gets no people, timescale or status, and the line is kept as unplaced text.
        notes.warn(
          index + 1,
          "import.row_shape",
          `Line ${index + 1}: the closing line of recommendation ${excerpt(open.reference)} is ${text.length} characters, too long to be its people, timescale and status; it was not split.`,
        );
        notes.unplace(index + 1, text);
        open.trailer = { line: index + 1, status: null, target: null, people: {} };
        continue;
      }
      open.trailer = readTrailer(line, index + 1, header.columns);
      continue;
    }
    // A wrapped line continues whatever came before it: the position if it has started, else the text.
    const continued = open.items.length > 0 ? open.items : open.text;
    continued[continued.length - 1] = `${continued.at(-1) ?? ""} ${line}`;
  }
  const recommendations = records.map((record, i) => toRecommendation(record, i + 1, header.columns, notes));
  // Every record starts with its printed number; repeats are made unique by PlanNotes.finish.
  return notes.finish(
    { layout: "FLATTENED_TABLE", title: title?.text ?? null, recommendations },
    new Set(recommendations),
  );
}

/** True when the next non-blank line starts another record or there is none. */
function isLastOfRecord(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] ?? "";
    if (isBlank(line)) continue;
    return matchRecordStart(line) !== null;
  }
  return true;
}

function toRecommendation(record: OpenRecord, order: number, columns: ColumnMap, notes: PlanNotes): PlanRecommendation {
  const has = (role: ColumnRole): boolean => columnIndex(columns, role) !== null;
  const text = cleanText(record.text.join(" "));
  const items = record.items
    .map(cleanText)
    .filter((item) => item !== "")
    .join("\n");
  const trailer = record.trailer;
  if (text === "")
    notes.warn(
      record.line,
      "import.missing_text",
      `Line ${record.line}: recommendation ${excerpt(record.reference)} has no text.`,
    );
  if (trailer === null) {
    notes.warn(
      record.line,
      "import.row_shape",
      `Line ${record.line}: recommendation ${excerpt(record.reference)} has no closing line with its people, timescale and status.`,
    );
  }
  const people = trailer?.people ?? {};
  const accountable = has("accountable") ? (people.accountable ?? null) : null;
  const responsible = has("responsible") ? (people.responsible ?? null) : null;
  const line = trailer?.line ?? record.line;
  const target: ParsedTarget =
    has("target") || has("targetAndStatus") ? notes.target(trailer?.target ?? "", line) : noTarget();
  const status: ParsedStatus | null =
    has("status") || has("targetAndStatus") ? notes.status(trailer?.status ?? "", line) : null;
  return {
    reference: record.reference,
    order,
    kind: "RECOMMENDATION",
    title: null,
    text,
    position: has("position") || !has("action") ? items || null : null,
    accountable,
    responsible,
    themeLabel: null,
    actions: [
      {
        order: 1,
        text: items,
        lead: people.lead ?? responsible ?? accountable,
        target,
        status,
        update: null,
        line: record.line,
      },
    ],
    line: record.line,
  };
}
