import type { ActionStatusValue } from "../action/action.values.js";

/**
 * The benchmark vocabulary shared by the repository (SQL column names), the service (validation),
 * the GraphQL types (enums) and the CSV export (column names), so the four never drift apart.
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

/** Every measure a benchmark row, its totals and a series point carry. */
export interface MeasureValues {
  actions: number;
  withDeadline: number;
  noDeadline: number;
  complete: number;
  inProgress: number;
  notStarted: number;
  ongoing: number;
  unknown: number;
  overdue: number;
  overdueRate: number | null;
  completionRate: number | null;
  medianDaysOverdue: number | null;
  p90DaysOverdue: number | null;
  maxDaysOverdue: number | null;
  dueInNext90Days: number;
  lastUpdatedOn: string | null;
}

/** count: Int ≥ 0; rate: Float in [0, 1] or null; days: a number of days or null; date: YYYY-MM-DD or null. */
export type MeasureKind = "count" | "rate" | "days" | "date";

export interface MeasureDefinition {
  measure: string;
  field: keyof MeasureValues;
  /** snake_case: the SQL column (prefixed m_) and the CSV column. */
  column: string;
  kind: MeasureKind;
}

export const measureDefinitions = [
  { measure: "ACTIONS", field: "actions", column: "actions", kind: "count" },
  { measure: "WITH_DEADLINE", field: "withDeadline", column: "with_deadline", kind: "count" },
  { measure: "NO_DEADLINE", field: "noDeadline", column: "no_deadline", kind: "count" },
  { measure: "COMPLETE", field: "complete", column: "complete", kind: "count" },
  { measure: "IN_PROGRESS", field: "inProgress", column: "in_progress", kind: "count" },
  { measure: "NOT_STARTED", field: "notStarted", column: "not_started", kind: "count" },
  { measure: "ONGOING", field: "ongoing", column: "ongoing", kind: "count" },
  { measure: "UNKNOWN", field: "unknown", column: "unknown", kind: "count" },
  { measure: "OVERDUE", field: "overdue", column: "overdue", kind: "count" },
  { measure: "OVERDUE_RATE", field: "overdueRate", column: "overdue_rate", kind: "rate" },
  { measure: "COMPLETION_RATE", field: "completionRate", column: "completion_rate", kind: "rate" },
  { measure: "MEDIAN_DAYS_OVERDUE", field: "medianDaysOverdue", column: "median_days_overdue", kind: "days" },
  { measure: "P90_DAYS_OVERDUE", field: "p90DaysOverdue", column: "p90_days_overdue", kind: "days" },
  { measure: "MAX_DAYS_OVERDUE", field: "maxDaysOverdue", column: "max_days_overdue", kind: "days" },
  { measure: "DUE_IN_NEXT_90_DAYS", field: "dueInNext90Days", column: "due_in_next_90_days", kind: "count" },
  { measure: "LAST_UPDATED_ON", field: "lastUpdatedOn", column: "last_updated_on", kind: "date" },
] as const satisfies readonly MeasureDefinition[];

export type BenchmarkMeasureValue = (typeof measureDefinitions)[number]["measure"];
export const benchmarkMeasures = measureDefinitions.map((m) => m.measure);

export function measureDefinition(measure: BenchmarkMeasureValue): MeasureDefinition {
  const found = measureDefinitions.find((m) => m.measure === measure);
  if (!found) throw new Error(`unknown benchmark measure ${measure}`);
  return found;
}

/** What an empty set of actions measures: the totals of a benchmark that matched nothing. */
export function emptyMeasures(): MeasureValues {
  return {
    actions: 0,
    withDeadline: 0,
    noDeadline: 0,
    complete: 0,
    inProgress: 0,
    notStarted: 0,
    ongoing: 0,
    unknown: 0,
    overdue: 0,
    overdueRate: null,
    completionRate: null,
    medianDaysOverdue: null,
    p90DaysOverdue: null,
    maxDaysOverdue: null,
    dueInNext90Days: 0,
    lastUpdatedOn: null,
  };
}

/** The default and the most rows one benchmark returns (`first`). */
export const maxBenchmarkRows = 1000;
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
