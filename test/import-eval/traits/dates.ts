/**
 * Ways a target date is printed, per the period it names, with the deadline each one means (the
 * last day of that period, DOMAIN "Dates, statuses and overdue"). Financial years start on
 * 1 April, so Q1 is April–June and "2024/25" ends on 31 March 2025.
 */

import type { DeadlinePrecisionValue } from "../../../src/modules/action/action.values.js";

export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
export const monthAbbreviations = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
] as const;

/**
 * Placeholders: {d} day, {dd} two-digit day, {mm} two-digit month, {Month}, {Mon}, {yyyy}, {yy},
 * {q} financial quarter, {fy} "2025/26", {fy-} "2025-26".
 */
export const deadlineTemplates: Record<"DAY" | "MONTH" | "QUARTER" | "FINANCIAL_YEAR" | "YEAR", readonly string[]> = {
  DAY: ["{dd}/{mm}/{yyyy}", "{d} {Month} {yyyy}", "{dd}.{mm}.{yyyy}", "{d} {Mon} {yyyy}", "{dd}/{mm}/{yy}"],
  MONTH: [
    "{Month} {yyyy}",
    "{Mon} {yyyy}",
    "{Mon} {yy}",
    "End of {Month} {yyyy}",
    "end {Mon} {yyyy}",
    "{Month} {yyyy} and ongoing",
  ],
  QUARTER: ["Q{q} {fy}", "Quarter {q} {fy}", "Q{q} {fy-}"],
  FINANCIAL_YEAR: ["{fy}", "Financial year {fy}", "By end of {fy}"],
  YEAR: ["End of {yyyy}", "{yyyy}", "By the end of {yyyy}"],
};

/** Printed where a plan gives no deadline: work with no end, or one not yet fixed. */
export const noDeadlinePhrases = {
  ongoing: ["Ongoing", "BAU", "Ongoing from {Month} {yyyy}", "{Month} {yyyy} onwards", "Continuous"],
  unknown: ["TBC", "To be confirmed", ""],
} as const;

export type DatedPrecision = keyof typeof deadlineTemplates;
export const datedPrecisions = Object.keys(deadlineTemplates) as DatedPrecision[];

/** The ISO day a template means, and its fields, for a period ending on `end` (UTC). */
export function fillDate(template: string, end: Date, precision: DeadlinePrecisionValue): string {
  const month = end.getUTCMonth();
  const year = end.getUTCFullYear();
  // A financial year is named by the calendar year it starts in: March 2026 is in 2025/26.
  const fyStart = month >= 3 ? year : year - 1;
  const quarter = precision === "QUARTER" ? Math.floor(((month + 12 - 3) % 12) / 3) + 1 : 0;
  const two = (n: number) => String(n).padStart(2, "0");
  const fields: Record<string, string> = {
    d: String(end.getUTCDate()),
    dd: two(end.getUTCDate()),
    mm: two(month + 1),
    Month: monthNames[month] ?? "",
    Mon: monthAbbreviations[month] ?? "",
    yyyy: String(year),
    yy: two(year % 100),
    q: String(quarter),
    fy: `${fyStart}/${two((fyStart + 1) % 100)}`,
    "fy-": `${fyStart}-${two((fyStart + 1) % 100)}`,
  };
  return template.replace(/\{([a-zA-Z-]+)\}/g, (_m, key: string) => fields[key] ?? "");
}
