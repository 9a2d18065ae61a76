/**
 * Status cells to the five statuses of DOMAIN.md ("Dates, statuses and overdue"), keeping the
 * printed text and any RAG colour. Cells are often a "Timescale and status" mix ("Complete January
 * 2025. Ongoing"), so statuses are read from status words wherever they appear in the cell.
 */
import type { ActionStatusValue, RagColourValue } from "../../action/action.values.js";
import type { ParsedStatus } from "../import.plan.js";
import { cleanText, textBefore } from "./text.normaliser.js";

// Negated and future forms are read (and blanked) first, so that "Not started" is not read as
// "started" and "to be completed by September" is not read as complete.
const NOT_STARTED =
  /\b(?:not\s+(?:yet\s+)?(?:started|commenced|begun|underway|under\s+way|in\s+progress|due)|yet\s+to\s+(?:be\s+)?(?:start(?:ed)?|commence[d]?|begin|begun)|planned|future|pending|scheduled|deferred|postponed)\b/i;
const PARTLY_COMPLETE =
  /\b(?:partially|partly|nearly|almost|mostly|substantially)\s+(?:complete[d]?|delivered|implemented|achieved)\b/i;
const COMPLETE = /\b(?:complete[d]?|delivered|done|achieved|closed|finished|implemented|concluded)\b/gi;
// Words that may stand between a negation, modal or condition and the completion word it governs,
// any few of them in a row ("has not yet been fully delivered", "will have been completed").
const COMPLETION_FILLER = String.raw`(?:(?:be|been|being|have|has|had|yet|fully|all|then|finally|successfully|largely|entirely|completely|formally|properly|actually|quite)\s+){0,4}`;
// A denied completion ("not complete", "has not yet been delivered", "hasn't been done", "cannot be
// closed", "yet to be completed") says the work is not finished. It is blanked before completions
// are read, and its presence stops the cell being COMPLETE: a completion word negated anywhere in
// the cell must not be outvoted by another one.
const DENIED_COMPLETION = new RegExp(
  String.raw`(?:\b(?:not|cannot|never|yet\s+to)|n['’]t)\s+${COMPLETION_FILLER}(?:complete[d]?|delivered|done|achieved|closed|finished|implemented|concluded)\b`,
  "i",
);
// A completion word after one of these ("to be completed", "will be fully delivered", "once done")
// is a plan or a condition, not a report that the work is finished.
const NOT_YET_COMPLETE_BEFORE = new RegExp(
  String.raw`\b(?:to|be|will|shall|should|would|must|could|not|yet|never|being|once|when|until|till|before|after|upon|if|due|expected|aim|aims|aiming|planned|scheduled|target|awaiting)\s+${COMPLETION_FILLER}$`,
  "i",
);
/**
 * How far before a completion word NOT_YET_COMPLETE_BEFORE looks. The longest phrase it can match
 * in a cleaned cell (a nine-letter trigger and four fillers) is under 80 characters, and scanning
 * the whole prefix for every completion word is quadratic in the cell's length.
 */
const CONDITION_WINDOW = 80;
/** Longer cells are not status cells but prose or a broken row; they are not read (and so warned about). */
export const maxStatusChars = 1000;
const ONGOING_WORD = /\b(?:on-?\s?going|bau|business\s+as\s+usual|continuous)\b/gi;
// "Ongoing" as an adjective ("ongoing work on …") describes work in progress; as a predicate
// ("Ongoing", "… and ongoing", "Ongoing - briefings continue") it describes work with no end.
const PREDICATE_AFTER_ONGOING =
  /^(?:\s*$|\s*[.,;:!?)\]\-–—/]|\s+(?:and|or|but|with|from|since|until|till|to|at|in|by|as|on|basis|through|throughout|beyond|thereafter|after|for|while|whilst)\b)/i;
const IN_PROGRESS =
  /\b(?:in[\s-]+progress|work\s+in\s+progress|wip|under\s*way|on\s+(?:track|target|schedule)|off\s+track|commenced|started|begun|progressing|in\s+hand|(?:some|minor|slight)\s+delays?|slippage|delayed|behind\s+schedule|at\s+risk|overdue|slipped|on\s+hold|paused|being\s+\w+(?:ed|en))\b/i;
const OPEN_ONLY = /^open\.?$/i;
// BRAG schemes print blue for a finished action; blue is not a RAG colour, so it sets no RAG.
const BLUE_ONLY = /^(?:blue|\(blue\))\.?$/i;

const RAG_WORD: Readonly<Record<string, RagColourValue>> = {
  red: "RED",
  amber: "AMBER",
  green: "GREEN",
  r: "RED",
  a: "AMBER",
  g: "GREEN",
};
const RAG_WHOLE_CELL = /^(?:rag\s*(?:status|rating)?\s*[:\-–]?\s*)?[([]?\s*(red|amber|green|r|a|g)\s*[)\]]?\.?$/i;
// Colour words count only where a status column prints them: set off by punctuation at either end
// of the cell ("Green - complete", "In progress: Amber"), in brackets, or after a RAG label.
// "Green spaces strategy drafted" and "going green" are not RAG ratings.
const RAG_IN_CELL = new RegExp(
  [
    String.raw`^(red|amber|green)\s*(?:[\-–—:,;/.]|$)`,
    String.raw`[(\[]\s*(red|amber|green)\s*[)\]]`,
    String.raw`\brag\s*(?:status|rating)?\s*[:\-–]?\s*(red|amber|green)\b`,
    String.raw`[\-–—:,;/]\s*(red|amber|green)\s*\.?$`,
  ].join("|"),
  "i",
);

// Global twins of the patterns statusOf blanks, compiled once: blanking runs for every status cell.
const NOT_STARTED_ALL = new RegExp(NOT_STARTED.source, `${NOT_STARTED.flags}g`);
const PARTLY_COMPLETE_ALL = new RegExp(PARTLY_COMPLETE.source, `${PARTLY_COMPLETE.flags}g`);
const DENIED_COMPLETION_ALL = new RegExp(DENIED_COMPLETION.source, `${DENIED_COMPLETION.flags}g`);
const spaces = (match: string): string => " ".repeat(match.length);

/**
 * `text` with every match of `all` (a global pattern) turned into spaces of the same length, so
 * later matches keep their offsets. `found` is whether its non-global twin matched `text`: a cell
 * where it did not has nothing to blank, which is most cells.
 */
function blank(text: string, all: RegExp, found: boolean): string {
  return found ? text.replace(all, spaces) : text;
}

// COMPLETE and ONGOING_WORD are run with exec from lastIndex 0 rather than with matchAll, which
// copies the regex on every call; neither matches an empty string, so each exec moves on.
function hasCompletion(text: string): boolean {
  COMPLETE.lastIndex = 0;
  for (let match = COMPLETE.exec(text); match !== null; match = COMPLETE.exec(text)) {
    if (!NOT_YET_COMPLETE_BEFORE.test(textBefore(text, match.index, CONDITION_WINDOW))) return true;
  }
  return false;
}

function ongoingReading(text: string): "ONGOING" | "IN_PROGRESS" | null {
  let reading: "ONGOING" | "IN_PROGRESS" | null = null;
  ONGOING_WORD.lastIndex = 0;
  for (let match = ONGOING_WORD.exec(text); match !== null; match = ONGOING_WORD.exec(text)) {
    const after = text.slice(match.index + match[0].length);
    const isAdjective = /^on/i.test(match[0]) && !PREDICATE_AFTER_ONGOING.test(after);
    if (!isAdjective) return "ONGOING";
    reading = "IN_PROGRESS";
  }
  return reading;
}

function statusOf(text: string): ActionStatusValue {
  if (text === "") return "UNKNOWN";
  if (BLUE_ONLY.test(text)) return "COMPLETE";
  const notStarted = NOT_STARTED.test(text);
  const remaining = blank(text, NOT_STARTED_ALL, notStarted);
  const partly = PARTLY_COMPLETE.test(remaining);
  const withoutPartly = blank(remaining, PARTLY_COMPLETE_ALL, partly);
  const denied = DENIED_COMPLETION.test(withoutPartly);
  const affirmative = blank(withoutPartly, DENIED_COMPLETION_ALL, denied);
  const completed = hasCompletion(affirmative);
  // Precedence: a cell that says it is complete is complete even if work continues ("Complete
  // January 2025. Ongoing"), unless it also denies a completion ("Consultation closed; strategy
  // not yet complete"): then part of the work is done and the rest is not, which is in progress.
  if (completed && !denied) return "COMPLETE";
  // Otherwise an open-ended commitment outranks "commenced".
  const ongoing = ongoingReading(affirmative);
  if (ongoing === "ONGOING") return "ONGOING";
  if (ongoing === "IN_PROGRESS" || partly || completed || IN_PROGRESS.test(affirmative) || OPEN_ONLY.test(text))
    return "IN_PROGRESS";
  // A bare denial ("Not complete", "Has not been delivered") names no work under way: as far as the
  // cell says, the action has not started. Reading it as IN_PROGRESS would claim progress it does not report.
  if (notStarted || denied) return "NOT_STARTED";
  return "UNKNOWN";
}

function ragOf(text: string): RagColourValue | null {
  const match = RAG_WHOLE_CELL.exec(text) ?? RAG_IN_CELL.exec(text);
  // Only the alternative that matched captures; the other groups are undefined and join as "".
  const colour = match === null ? "" : match.slice(1).join("");
  return RAG_WORD[colour.toLowerCase()] ?? null;
}

/**
 * Normalises a status cell; never throws. An empty or absent cell is UNKNOWN with text "". A cell
 * longer than {@link maxStatusChars} is kept as printed but not read: UNKNOWN with no RAG colour,
 * which {@link isUnknownStatusText} reports for the caller to warn about.
 */
export function parseStatus(raw: string | null | undefined): ParsedStatus {
  const text = cleanText(typeof raw === "string" ? raw : "");
  if (text.length > maxStatusChars) return { text, status: "UNKNOWN", rag: null };
  return { text, status: statusOf(text), rag: ragOf(text) };
}

/**
 * True when a non-empty cell could not be read, for the caller to warn about. A cell holding only a
 * RAG colour was read (its colour is kept), so it does not count, even though its status is UNKNOWN.
 */
export function isUnknownStatusText(s: ParsedStatus): boolean {
  return s.text !== "" && s.status === "UNKNOWN" && s.rag === null;
}

const TRAILING_STATUS_PHRASES = [
  "not yet started",
  "not started",
  "yet to start",
  "not yet due",
  "work in progress",
  "in progress",
  "in-progress",
  "completed",
  "complete",
  "on track",
  "off track",
  "on target",
  "on hold",
  "behind schedule",
  "at risk",
  "delayed",
  "overdue",
  "ongoing",
  "on-going",
  "underway",
  "under way",
  "started",
  "commenced",
  "delivered",
  "achieved",
  "done",
  "closed",
  "planned",
  "deferred",
  "business as usual",
  "bau",
  "red",
  "amber",
  "green",
];
const escapeForRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PHRASE = TRAILING_STATUS_PHRASES.map((p) => escapeForRegExp(p).replace(/ /g, "\\s+")).join("|");
const TRAILING_STATUS = new RegExp(
  String.raw`(?:^|\s)(?<status>(?:${PHRASE})(?:\s*[(\[]\s*(?:red|amber|green)\s*[)\]])?\.?)$`,
  "i",
);
// In "March 2025 and ongoing" the "ongoing" belongs to the timescale, not to a status column.
const TIMESCALE_JOINER_BEFORE = /(?:^|\s)(?:and|&)\s*$/i;

/**
 * Finds a status phrase at the end of a flattened table row ("… Dec 24 In progress") and splits it
 * off, keeping the phrase as printed. Null when the line does not end in one.
 */
export function matchTrailingStatus(line: string): { status: string; rest: string } | null {
  const text = cleanText(typeof line === "string" ? line : "");
  const phrase = TRAILING_STATUS.exec(text)?.groups?.["status"];
  if (phrase === undefined) return null;
  const rest = text.slice(0, text.length - phrase.length);
  if (/^on-?\s*going|^bau|^business/i.test(phrase) && TIMESCALE_JOINER_BEFORE.test(rest)) return null;
  return { status: phrase, rest: cleanText(rest) };
}
