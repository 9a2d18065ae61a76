import type { BenchmarkIntervalValue } from "./benchmark.model.js";

/**
 * Calendar arithmetic for benchmarks, on YYYY-MM-DD strings in UTC: financial quarters and years
 * (DOMAIN.md: a financial year starts on 1 April), series periods and the CPC timetable. Pure:
 * the grouping itself happens in SQL; this names the periods and lists the series' days.
 */

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(day: string): Ymd {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function shiftMonth(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** `day` plus whole months; a day past the end of the target month falls back to its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parse(day);
  const target = shiftMonth(y, m, months);
  return format({ ...target, d: Math.min(d, daysInMonth(target.y, target.m)) });
}

export function endOfMonth(day: string): string {
  const { y, m } = parse(day);
  return format({ y, m, d: daysInMonth(y, m) });
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "2025/26" for the financial year starting 1 April 2025. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** A named span of days: a month, a financial quarter or a financial year. */
export interface CalendarPeriod {
  label: string;
  startsOn: string;
  endsOn: string;
}

export interface FinancialPeriod extends CalendarPeriod {
  /** "2025/26". */
  financialYear: string;
  /** 1-4 within the financial year (Q1 = April-June); null for a whole year. */
  quarter: number | null;
}

/**
 * The financial quarter starting on `startsOn` (a calendar quarter's first day: financial quarters
 * start in April, July, October and January, so they coincide with calendar quarters).
 */
export function financialQuarter(startsOn: string): FinancialPeriod {
  const { y, m } = parse(startsOn);
  const startYear = m >= 4 ? y : y - 1;
  const quarter = m >= 4 ? (m - 4) / 3 + 1 : 4;
  const end = shiftMonth(y, m, 2);
  const financialYear = financialYearLabel(startYear);
  return {
    label: `${financialYear} Q${quarter}`,
    startsOn,
    endsOn: format({ ...end, d: daysInMonth(end.y, end.m) }),
    financialYear,
    quarter,
  };
}

/** The financial year starting on `startsOn` (a 1 April). */
export function financialYear(startsOn: string): FinancialPeriod {
  const { y } = parse(startsOn);
  const label = financialYearLabel(y);
  return { label, startsOn, endsOn: format({ y: y + 1, m: 3, d: 31 }), financialYear: label, quarter: null };
}

/** One point of a series: a period and the day it is measured on. */
export interface SeriesPeriod extends CalendarPeriod {
  /** The period's last day, or `to` when the period runs past it. */
  asOf: string;
}

const monthsPerPeriod: Record<BenchmarkIntervalValue, number> = { MONTH: 1, QUARTER: 3 };

function periodStart(day: string, interval: BenchmarkIntervalValue): { y: number; m: number } {
  const { y, m } = parse(day);
  return interval === "MONTH" ? { y, m } : { y, m: m - ((m - 1) % 3) };
}

/** How many periods from the one holding `from` to the one holding `to`, both included. */
export function countPeriods(from: string, to: string, interval: BenchmarkIntervalValue): number {
  const a = periodStart(from, interval);
  const b = periodStart(to, interval);
  return Math.floor((b.y * 12 + b.m - (a.y * 12 + a.m)) / monthsPerPeriod[interval]) + 1;
}

/**
 * The months or financial quarters from the one holding `from` to the one holding `to`. Each is
 * measured on its last day, except that the last is measured on `to` when it has not ended by then,
 * so a series never looks past the day it was asked to stop at.
 */
export function seriesPeriods(from: string, to: string, interval: BenchmarkIntervalValue): SeriesPeriod[] {
  const step = monthsPerPeriod[interval];
  const first = periodStart(from, interval);
  const periods: SeriesPeriod[] = [];
  for (let i = 0; i < countPeriods(from, to, interval); i += 1) {
    const start = shiftMonth(first.y, first.m, i * step);
    const startsOn = format({ ...start, d: 1 });
    const named: CalendarPeriod =
      interval === "MONTH"
        ? { label: startsOn.slice(0, 7), startsOn, endsOn: endOfMonth(startsOn) }
        : financialQuarter(startsOn);
    periods.push({ label: named.label, startsOn, endsOn: named.endsOn, asOf: named.endsOn > to ? to : named.endsOn });
  }
  return periods;
}

export type HeldOnPrecision = "DAY" | "MONTH" | "YEAR" | "UNKNOWN";

/**
 * The last day something is due `months` after a CPC held on `heldOn`. Like a fuzzy target
 * (DOMAIN.md), a CPC known only by its month or year is taken at the last day of that period: a
 * CPC in "October 2023" has its plan due by 31 March 2024; one in "2023" by 31 May 2024. Null when
 * the date is unknown.
 */
export function dueAfter(heldOn: string | null, precision: HeldOnPrecision, months: number): string | null {
  if (heldOn === null || precision === "UNKNOWN") return null;
  if (precision === "DAY") return addMonths(heldOn, months);
  const lastMonthOfPeriod = precision === "MONTH" ? heldOn : `${heldOn.slice(0, 4)}-12-01`;
  return endOfMonth(addMonths(lastMonthOfPeriod, months));
}

/** Whether `happenedOn` met `dueBy`: null when either is unknown. */
export function onTime(happenedOn: string | null, dueBy: string | null): boolean | null {
  if (happenedOn === null || dueBy === null) return null;
  return happenedOn <= dueBy;
}
