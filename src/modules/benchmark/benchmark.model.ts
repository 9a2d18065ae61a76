import type { ActionQuery } from "../action/action.repository.js";
import type { ActionStatusValue } from "../action/action.values.js";
import type { BenchmarkMeasureValue, MeasureValues } from "./benchmark.measures.js";

/**
 * The benchmark vocabulary shared by the repository, the service (validation), the GraphQL types
 * (enums) and the CSV export, so the four never drift apart; the measures themselves are defined in
 * benchmark.measures.ts.
 */

export const benchmarkDimensions = [
  "COUNCIL",
  "LGA_COMPONENT",
  "THEME",
  "STATUS",
  "COUNCIL_TYPE",
  "REGION",
  "PEER_CHALLENGE",
  "DEADLINE_QUARTER",
  "DEADLINE_YEAR",
] as const;
export type BenchmarkDimensionValue = (typeof benchmarkDimensions)[number];

/** A validated benchmark request in database terms (ids, not client keys). */
export interface BenchmarkQuery {
  /** The `filter` argument, resolved by ActionService.toQuery. */
  action: ActionQuery;
  /** The benchmark's own `peerGroup` argument; ANDed with any peer group in the filter. */
  peerGroupId?: number;
  groupBy: BenchmarkDimensionValue[];
  having: HavingCondition[];
  orderBy: OrderTerm[];
  /** Rows kept per benchmark (per series point); null keeps all. */
  limit: number | null;
}

/** The rows one benchmark returns when `first` is not given. */
export const defaultBenchmarkRows = 1000;
/**
 * The most rows one benchmark returns (`first`): room for the national council × sub-theme matrix
 * (332 × 23 = 7,636 rows) in one request; the cost model charges each row.
 */
export const maxBenchmarkRows = 10_000;
/** The most periods one series spans: ten years of months. */
export const maxSeriesPeriods = 120;

export const benchmarkIntervals = ["MONTH", "QUARTER"] as const;
export type BenchmarkIntervalValue = (typeof benchmarkIntervals)[number];

export const sortDirections = ["ASC", "DESC"] as const;
export type SortDirectionValue = (typeof sortDirections)[number];

export type ComparisonOperator = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

/** One validated `having` condition: a measure compared with a number (or a date for LAST_UPDATED_ON), or tested for null. */
export type HavingCondition =
  | { measure: BenchmarkMeasureValue; operator: ComparisonOperator; value: number | string }
  | { measure: BenchmarkMeasureValue; operator: "isNull"; value: boolean };

export type OrderTerm =
  | { kind: "measure"; measure: BenchmarkMeasureValue; direction: SortDirectionValue }
  | { kind: "dimension"; dimension: BenchmarkDimensionValue; direction: SortDirectionValue };

/** One group's dimension values as the database returns them: ids and keys, resolved to objects by loaders. */
export interface BenchmarkRowKeys {
  councilId: number | null;
  lgaComponentId: number | null;
  themeId: number | null;
  status: ActionStatusValue | null;
  councilTypeCode: string | null;
  councilTypeName: string | null;
  region: string | null;
  peerChallengeId: number | null;
  /** First day of the deadline's quarter. */
  deadlineQuarterStart: string | null;
  /** First day (1 April) of the deadline's financial year. */
  deadlineYearStart: string | null;
}

export interface BenchmarkRowValues extends BenchmarkRowKeys {
  measures: MeasureValues;
}

/** One benchmark (or one series point) as the statement returns it. */
export interface BenchmarkPartition {
  rows: BenchmarkRowValues[];
  totals: MeasureValues;
  /** Rows that met `having`, before `first` cut them. */
  rowCount: number;
}

/** The figures compared across a peer group: the measures whose median and mean make sense. */
export interface PeerFigureValues {
  actions: number | null;
  withDeadline: number | null;
  complete: number | null;
  overdue: number | null;
  overdueRate: number | null;
  completionRate: number | null;
  medianDaysOverdue: number | null;
  maxDaysOverdue: number | null;
  dueInNext90Days: number | null;
}

export const peerFigureFields = [
  "actions",
  "withDeadline",
  "complete",
  "overdue",
  "overdueRate",
  "completionRate",
  "medianDaysOverdue",
  "maxDaysOverdue",
  "dueInNext90Days",
] as const satisfies readonly (keyof PeerFigureValues & keyof MeasureValues)[];

/** One council's standing within a peer group under one theme (or over its whole plan). */
export interface ComparisonRowValues {
  councilId: number;
  councilIsMember: boolean;
  /** 0: the whole plan; 1: an LGA component; 2: a sub-theme. */
  level: 0 | 1 | 2;
  themeId: number | null;
  measures: MeasureValues;
  membersWithData: number;
  groupMedian: PeerFigureValues;
  groupMean: PeerFigureValues;
  rank: number | null;
  percentile: number | null;
}

export interface CouncilFreshness {
  councilId: number;
  /** Latest progress update on or before the asked day, over all of the council's actions. */
  latestUpdateOn: string | null;
  actions: number;
}
