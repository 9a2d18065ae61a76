/**
 * Target-date phrases ("Oct 24", "Q3 2025/26", "July 2023 and ongoing") to deadlines, following
 * DOMAIN.md "Dates, statuses and overdue": every period is read as its last day, a phrase naming
 * several dates takes the last deadline named and keeps the others (start dates included) as
 * milestones, and start dates ("commenced …", "from …", "… onwards") are never the deadline: a
 * phrase with only start dates describes ongoing work.
 */
import type { DeadlinePrecisionValue } from "../../action/action.values.js";
import type { ParsedTarget } from "../import.plan.js";
import { cleanText, textBefore } from "./text.normaliser.js";

interface DateMention {
  start: number;
  end: number;
  /** Null for a period the importer recognises but cannot date exactly (a half-year). */
  iso: string | null;
  precision: Exclude<DeadlinePrecisionValue, "ONGOING" | "UNKNOWN">;
}

type DatedMention = DateMention & { iso: string };

interface MentionPattern {
  regex: RegExp;
  precision: DateMention["precision"];
  /** Null when the match only looks like a date (31 February, "2023/25"). */
  toIso: (groups: Record<string, string | undefined>) => string | null;
  /** A period the importer recognises but will not date, having no precision to carry it (see HALF_YEAR). */
  undated?: true;
}

const MONTH =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// A year must not run on into more digits or into another date part ("2024/25", "02/05/2025").
const YEAR_END = String.raw`(?!\d)(?![./\-–]\d)`;
const NOT_AFTER_NUMBER = String.raw`(?<![\d./\-–])`;
const SEP = String.raw`\s?[/\-–]\s?`;
const QUARTER_WORD = String.raw`(?:q|qtr\.?\s?|quarter\s)`;
const FY_PREFIX = String.raw`(?:fy\s?)?`;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function endOfMonth(year: number, month: number): string | null {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Two-digit years are 20xx: the CPC programme and every plan in it postdate 2000. */
function fullYear(digits: string | undefined): number {
  if (digits === undefined) return Number.NaN;
  const n = Number.parseInt(digits, 10);
  return digits.length === 2 ? 2000 + n : n;
}

function monthNumber(name: string | undefined): number {
  return MONTH_INDEX[(name ?? "").slice(0, 3).toLowerCase()] ?? Number.NaN;
}

/** The first calendar year of a financial year written "2024/25", "24/25", "2024-2025"; NaN unless consecutive. */
function financialYearStart(first: string | undefined, second: string | undefined): number {
  const start = fullYear(first);
  if (second === undefined || Number.isNaN(start)) return Number.NaN;
  const next = Number.parseInt(second, 10);
  const consecutive = second.length === 2 ? next === (start + 1) % 100 : next === start + 1;
  return consecutive ? start : Number.NaN;
}

// UK financial years start on 1 April, so Q1 ends in June and Q4 in March of the following year.
function financialQuarterEnd(fyStart: number, quarter: number): string | null {
  const month = quarter * 3 + 3;
  return month > 12 ? endOfMonth(fyStart + 1, month - 12) : endOfMonth(fyStart, month);
}

const SEASON_END_MONTH: Readonly<Record<string, number>> = { spring: 5, summer: 8, autumn: 11 };

/** Winter runs into the next year (Dec-Feb), so "Winter 2025" ends in February 2026. */
function seasonEnd(season: string | undefined, year: number, fromFinancialYear: boolean): string | null {
  const name = (season ?? "").toLowerCase();
  if (name === "winter") return endOfMonth(year + 1, 2);
  const month = SEASON_END_MONTH[name];
  if (month === undefined) return null;
  // A season of a financial or academic year: spring falls in its second calendar year.
  return endOfMonth(name === "spring" && fromFinancialYear ? year + 1 : year, month);
}

const FY_SPEC = String.raw`(?<fy1>\d{4}|\d{2})${SEP}(?<fy2>\d{4}|\d{2})`;

/**
 * "H1 2025", "H2 2025/26", "2025/26 H1", "first half of 2025". Their last days are known, but no
 * precision fits a half-year (the enum is shared with the database), and read as a bare year
 * "H1 2025" would become 2025-12-31, six months late. A wrong deadline is worse than none, so a
 * phrase naming a half-year is matched, to keep its year from being read alone, and left unread.
 */
// Named groups may appear only once in a regex, so the half-year alternatives use an unnamed span.
const YEAR_SPAN = String.raw`(?:\d{4}|\d{2})${SEP}(?:\d{4}|\d{2})`;
const HALF_YEAR: MentionPattern = {
  regex: new RegExp(
    [
      String.raw`\b(?:h|half\s?)[12]\b\s*(?:(?:of|in)\s+)?(?:the\s+)?${FY_PREFIX}(?:${YEAR_SPAN}|\d{4})${YEAR_END}`,
      String.raw`${NOT_AFTER_NUMBER}${FY_PREFIX}${YEAR_SPAN}\s*[,:\-–]?\s*(?:h|half\s?)[12]\b`,
      String.raw`\b(?:first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:the\s+)?(?:(?:financial|calendar)\s+year\s+)?${FY_PREFIX}(?:${YEAR_SPAN}|\d{4})${YEAR_END}`,
    ].join("|"),
    "gi",
  ),
  // The precision and date are never used: the mention is undated.
  precision: "YEAR",
  toIso: () => null,
  undated: true,
};

// Order matters only for ties (same start, same length): earlier patterns win.
const PATTERNS: readonly MentionPattern[] = [
  HALF_YEAR,
  {
    // 2025-05-02
    regex: new RegExp(String.raw`(?<![\d\-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)`, "gi"),
    precision: "DAY",
    toIso: (g) => isoDate(fullYear(g.y), Number(g.m), Number(g.d)),
  },
  {
    // 02/05/2025, 2.5.25: always day first, as printed in English councils' documents.
    regex: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}(?<d>\d{1,2})(?<sep>[/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})${YEAR_END}`,
      "gi",
    ),
    precision: "DAY",
    toIso: (g) => isoDate(fullYear(g.y), Number(g.m), Number(g.d)),
  },
  {
    // 2 May 2025, 2nd of May '25, 31-Mar-2025
    regex: new RegExp(
      String.raw`\b(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/]*(?:of\s+)?(?<mon>${MONTH})(?![a-z])\.?[\s,\-/]*['’]?(?<y>\d{4}|\d{2})${YEAR_END}`,
      "gi",
    ),
    precision: "DAY",
    toIso: (g) => isoDate(fullYear(g.y), monthNumber(g.mon), Number(g.d)),
  },
  {
    // May 2, 2025: only with a four-digit year, since "May 25" means May 2025 in a UK plan.
    regex: new RegExp(
      String.raw`\b(?<mon>${MONTH})(?![a-z])\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})${YEAR_END}`,
      "gi",
    ),
    precision: "DAY",
    toIso: (g) => isoDate(fullYear(g.y), monthNumber(g.mon), Number(g.d)),
  },
  {
    // Q3 2025/26, Quarter 3 of 2025-26, Q1 2025 (a single year is a calendar quarter)
    regex: new RegExp(
      String.raw`\b${QUARTER_WORD}(?<q>[1-4])\b\s*(?:(?:of|in)\s+)?(?:the\s+)?${FY_PREFIX}(?:${FY_SPEC}|(?<y>\d{4}))${YEAR_END}`,
      "gi",
    ),
    precision: "QUARTER",
    toIso: (g) => {
      const quarter = Number(g.q);
      if (g.y !== undefined) return endOfMonth(fullYear(g.y), quarter * 3);
      return financialQuarterEnd(financialYearStart(g.fy1, g.fy2), quarter);
    },
  },
  {
    // 2025/26 Q3
    regex: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}${FY_PREFIX}${FY_SPEC}\s*[,:\-–]?\s*${QUARTER_WORD}(?<q>[1-4])\b`,
      "gi",
    ),
    precision: "QUARTER",
    toIso: (g) => financialQuarterEnd(financialYearStart(g.fy1, g.fy2), Number(g.q)),
  },
  {
    // Autumn 2025, early Spring '26, Winter 2025/26
    regex: new RegExp(
      String.raw`\b(?:(?:early|mid|late)[\s\-]+)?(?<season>spring|summer|autumn|winter)\s*(?:of\s+)?(?:${FY_SPEC}|['’]?(?<y>\d{4}|\d{2}))${YEAR_END}`,
      "gi",
    ),
    precision: "SEASON",
    toIso: (g) => {
      if (g.y !== undefined) return seasonEnd(g.season, fullYear(g.y), false);
      const start = financialYearStart(g.fy1, g.fy2);
      return Number.isNaN(start) ? null : seasonEnd(g.season, start, true);
    },
  },
  {
    // Oct 24, Sept. 2023, end of September 2025, Mar-25, 10/2024
    regex: new RegExp(
      String.raw`\b(?<mon>${MONTH})(?![a-z])\.?[\s,\-/]*(?:of\s+)?['’]?(?<y>\d{4}|\d{2})${YEAR_END}`,
      "gi",
    ),
    precision: "MONTH",
    toIso: (g) => endOfMonth(fullYear(g.y), monthNumber(g.mon)),
  },
  {
    regex: new RegExp(String.raw`${NOT_AFTER_NUMBER}(?<m>0?[1-9]|1[0-2])/(?<y>\d{4})${YEAR_END}`, "gi"),
    precision: "MONTH",
    toIso: (g) => endOfMonth(fullYear(g.y), Number(g.m)),
  },
  {
    // 2024/25, 24/25, 2024-25, 2024-2025, FY 2024/25. A two-digit pair followed by a month
    // ("10-11 March 2025") is a range of days, not a financial year.
    regex: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}${FY_PREFIX}(?:(?<fy1>\d{4})${SEP}(?<fy2>\d{4}|\d{2})|(?<fy3>\d{2})[/\-–](?<fy4>\d{2})(?!\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:${MONTH})\b))${YEAR_END}`,
      "gi",
    ),
    precision: "FINANCIAL_YEAR",
    toIso: (g) => {
      const start = financialYearStart(g.fy1 ?? g.fy3, g.fy2 ?? g.fy4);
      return endOfMonth(start + 1, 3);
    },
  },
  {
    // 2024-2028: a span of calendar years ends with its last year.
    regex: new RegExp(String.raw`${NOT_AFTER_NUMBER}(?<y1>20\d\d)\s?[\-–]\s?(?<y2>20\d\d)${YEAR_END}`, "gi"),
    precision: "YEAR",
    toIso: (g) => {
      const first = fullYear(g.y1);
      const last = fullYear(g.y2);
      return last > first + 1 ? endOfMonth(last, 12) : null;
    },
  },
  {
    // Bare years are only read in the 2000s: four-digit counts ("1500 homes") are common in plans.
    regex: new RegExp(String.raw`(?<![\d./\-–£$€,])(?<y>20\d\d)${YEAR_END}(?!,\d)`, "gi"),
    precision: "YEAR",
    toIso: (g) => endOfMonth(fullYear(g.y), 12),
  },
];

// Every pattern needs a digit: a phrase without one ("Ongoing", "TBC") names no date.
const ANY_DIGIT = /\d/;

function findDateMentions(text: string): DateMention[] {
  if (!ANY_DIGIT.test(text)) return [];
  const candidates: (DateMention & { rank: number })[] = [];
  PATTERNS.forEach((pattern, rank) => {
    // exec over the shared global regex rather than matchAll, which copies the regex for every
    // call; no pattern matches an empty string, so each exec moves lastIndex on.
    const regex = pattern.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const iso = pattern.undated === true ? null : pattern.toIso(match.groups ?? {});
      if (iso === null && pattern.undated !== true) continue;
      candidates.push({
        start: match.index,
        end: match.index + match[0].length,
        iso,
        precision: pattern.precision,
        rank,
      });
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const mentions: DateMention[] = [];
  let covered = 0;
  for (const { start, end, iso, precision } of candidates) {
    if (start < covered) continue;
    mentions.push({ start, end, iso, precision });
    covered = end;
  }
  return mentions;
}

const START_BEFORE =
  /\b(?:commenc\w{0,6}|start\w{0,6}|began|begin\w{0,6}|from|since|w\.?e\.?f\.?|with effect from)\s*(?:[:\-–]\s*)?(?:(?:in|on|at|the|of|early|mid|late|end|beginning|start)\s+){0,4}$/i;
const START_AFTER = /^\s*(?:(?:and|&)\s*)?onwards?\b/i;
/**
 * How much text around a date the start-date checks look at. START_BEFORE's longest match in a
 * cleaned cell ("with effect from - beginning of the start in ") is under 60 characters; testing
 * it against the whole prefix for every date is quadratic in the cell's length.
 */
const START_WINDOW = 80;

/** "Commenced December 2024", "from April 2025", "June 2020 onwards": when work starts, not a deadline. */
function isStartDate(text: string, mention: DateMention): boolean {
  return (
    START_BEFORE.test(textBefore(text, mention.start, START_WINDOW)) ||
    START_AFTER.test(text.slice(mention.end, mention.end + START_WINDOW))
  );
}

const ONGOING_WORDS =
  /\b(?:on-?\s?going|onwards?|bau|business as usual|continu\w*|rolling|annual(?:ly)?|monthly|quarterly|regular(?:ly)?|as required|as and when)\b/i;
const EXPLICITLY_UNKNOWN =
  /\b(?:tbc|tba|tbd|to be (?:confirmed|agreed|arranged|determined|decided|set|scheduled))\b|^\s*(?:n\/?a|none|[-–—]+)\s*\.?\s*$/i;

function target(
  raw: string | null,
  deadline: string | null,
  precision: DeadlinePrecisionValue,
  milestones: string[] = [],
): ParsedTarget {
  return { raw, deadline, precision, milestones };
}

/** Longer cells are not timescales but prose or a broken row; they are kept as printed but not read. */
export const maxTargetChars = 1000;

/**
 * Parses a target cell as printed. Never throws: unrecognisable text comes back UNKNOWN with its
 * raw text, for the caller to warn about (see {@link isUnparsedTarget}). So does a phrase naming a
 * half-year (see HALF_YEAR) and a cell longer than {@link maxTargetChars}.
 */
export function parseTarget(raw: string | null | undefined): ParsedTarget {
  const text = typeof raw === "string" ? cleanText(raw) : "";
  if (text === "") return target(null, null, "UNKNOWN");
  if (text.length > maxTargetChars) return target(text, null, "UNKNOWN");
  const mentions = findDateMentions(text);
  const dated = mentions.filter((mention): mention is DatedMention => mention.iso !== null);
  if (dated.length < mentions.length) return target(text, null, "UNKNOWN");
  const last = dated.filter((mention) => !isStartDate(text, mention)).at(-1);
  if (last !== undefined) {
    // Every other date named is a milestone, start dates included ("From Oct 24 to Mar 25").
    const milestones = dated.filter((mention) => mention !== last).map((mention) => mention.iso);
    return target(text, last.iso, last.precision, milestones);
  }
  // Only start dates, or none: ongoing work has no deadline, and with no deadline there is nothing
  // for a start date to be a milestone towards.
  if (mentions.length > 0 || ONGOING_WORDS.test(text)) return target(text, null, "ONGOING");
  return target(text, null, "UNKNOWN");
}

/**
 * True when the cell said something but no date could be read and it was not an explicit "TBC".
 * An over-long cell always counts: it was not read at all, whatever words it holds.
 */
export function isUnparsedTarget(t: ParsedTarget): boolean {
  if (t.raw === null || t.raw === "" || t.precision !== "UNKNOWN") return false;
  return t.raw.length > maxTargetChars || !EXPLICITLY_UNKNOWN.test(t.raw);
}

const TRAILING_TIMESCALE_WORD =
  /(?:^|\s)(?<phrase>(?:on-?\s?going|bau|business as usual|tbc|tba|tbd|to be confirmed)\.?)$/i;
const AFTER_DATE = /^\s*(?:(?:and|&)\s*)?(?:on-?\s?going|onwards?)?\s*\.?$/i;
const DEADLINE_PREFIX = /(?:^|\s)(?<prefix>(?:by\s+)?(?:the\s+)?end\s+of\s+|by\s+|due\s+|from\s+|w\/c\s+)$/i;

/**
 * Finds a timescale at the end of a flattened table row ("… Director of Policy & Transformation Dec 24")
 * and splits it off. The phrase runs from the earliest point that still reads as one timescale, so
 * "end of March 2025 and ongoing" is returned whole. Null when the line does not end in one.
 */
export function matchTrailingTarget(line: string): { target: string; rest: string } | null {
  const text = cleanText(typeof line === "string" ? line : "");
  if (text === "") return null;
  const lastDate = findDateMentions(text).at(-1);
  let start: number | null = null;
  if (lastDate !== undefined && AFTER_DATE.test(text.slice(lastDate.end))) {
    const before = text.slice(0, lastDate.start);
    const prefix = DEADLINE_PREFIX.exec(before)?.groups?.["prefix"];
    start = lastDate.start - (prefix?.length ?? 0);
  } else {
    const word = TRAILING_TIMESCALE_WORD.exec(text);
    const phrase = word?.groups?.["phrase"];
    if (phrase !== undefined) start = text.length - phrase.length;
  }
  if (start === null) return null;
  // The phrase must start a word: "Q3" inside "FAQ3 2025" is not a timescale.
  if (start > 0 && text[start - 1] !== " ") return null;
  return { target: cleanText(text.slice(start)), rest: cleanText(text.slice(0, start)) };
}
