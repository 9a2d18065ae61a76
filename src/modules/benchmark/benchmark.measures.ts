import { sql, type SQL } from "drizzle-orm";

/*
 * Every benchmark measure, named once: its field (the GraphQL field of BenchmarkMeasures, the SQL
 * column alias and the key of MeasureValues, all one spelling), its enum value (for having and
 * orderBy), its CSV column, and the SQL aggregate that computes it, side by side. A search for
 * `overdueRate` lands here, on the SQL that computes it.
 *
 * Aggregates read the per-action rows of `measured as m` (benchmark.facts.ts): `status` as of the
 * row's day, `deadline`, `overdue`, `days_overdue`, `due_soon` and `last_update`. Percentiles
 * interpolate (percentile_cont) over the days overdue of the overdue actions only: days_overdue
 * is null for the others, and ordered-set aggregates skip nulls.
 */

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

/** count: Int ≥ 0; rate: Float in [0, 1] or null; days: a number of days or null; date: YYYY-MM-DD or null. */
export type MeasureKind = "count" | "rate" | "days" | "date";

export interface MeasureDefinition {
  /** The GraphQL field, the SQL column alias and the MeasureValues key. */
  field: keyof MeasureValues;
  /** The BenchmarkMeasure enum value. */
  measure: string;
  /** The column of the CSV export. */
  csvColumn: string;
  kind: MeasureKind;
  /** The aggregate over the rows `m` of one group. */
  aggregate: SQL;
}

const countWhere = (condition: string) => sql.raw(`(count(*) filter (where ${condition}))`);

export const measureDefinitions = [
  { field: "actions", measure: "ACTIONS", csvColumn: "actions", kind: "count", aggregate: sql`count(*)::int` },
  {
    field: "withDeadline",
    measure: "WITH_DEADLINE",
    csvColumn: "with_deadline",
    kind: "count",
    aggregate: sql`${countWhere("m.deadline is not null")}::int`,
  },
  {
    field: "noDeadline",
    measure: "NO_DEADLINE",
    csvColumn: "no_deadline",
    kind: "count",
    aggregate: sql`${countWhere("m.deadline is null")}::int`,
  },
  {
    field: "complete",
    measure: "COMPLETE",
    csvColumn: "complete",
    kind: "count",
    aggregate: sql`${countWhere("m.status = 'COMPLETE'")}::int`,
  },
  {
    field: "inProgress",
    measure: "IN_PROGRESS",
    csvColumn: "in_progress",
    kind: "count",
    aggregate: sql`${countWhere("m.status = 'IN_PROGRESS'")}::int`,
  },
  {
    field: "notStarted",
    measure: "NOT_STARTED",
    csvColumn: "not_started",
    kind: "count",
    aggregate: sql`${countWhere("m.status = 'NOT_STARTED'")}::int`,
  },
  {
    field: "ongoing",
    measure: "ONGOING",
    csvColumn: "ongoing",
    kind: "count",
    aggregate: sql`${countWhere("m.status = 'ONGOING'")}::int`,
  },
  {
    field: "unknown",
    measure: "UNKNOWN",
    csvColumn: "unknown",
    kind: "count",
    aggregate: sql`${countWhere("m.status = 'UNKNOWN'")}::int`,
  },
  {
    field: "overdue",
    measure: "OVERDUE",
    csvColumn: "overdue",
    kind: "count",
    aggregate: sql`${countWhere("m.overdue")}::int`,
  },
  {
    field: "overdueRate",
    measure: "OVERDUE_RATE",
    csvColumn: "overdue_rate",
    kind: "rate",
    aggregate: sql`${countWhere("m.overdue")}::float8 / nullif(${countWhere("m.deadline is not null")}, 0)`,
  },
  {
    field: "completionRate",
    measure: "COMPLETION_RATE",
    csvColumn: "completion_rate",
    kind: "rate",
    aggregate: sql`${countWhere("m.status = 'COMPLETE'")}::float8 / nullif(count(*), 0)`,
  },
  {
    field: "medianDaysOverdue",
    measure: "MEDIAN_DAYS_OVERDUE",
    csvColumn: "median_days_overdue",
    kind: "days",
    aggregate: sql`percentile_cont(0.5) within group (order by m.days_overdue)`,
  },
  {
    field: "p90DaysOverdue",
    measure: "P90_DAYS_OVERDUE",
    csvColumn: "p90_days_overdue",
    kind: "days",
    aggregate: sql`percentile_cont(0.9) within group (order by m.days_overdue)`,
  },
  {
    field: "maxDaysOverdue",
    measure: "MAX_DAYS_OVERDUE",
    csvColumn: "max_days_overdue",
    kind: "days",
    aggregate: sql`max(m.days_overdue)::int`,
  },
  {
    field: "dueInNext90Days",
    measure: "DUE_IN_NEXT_90_DAYS",
    csvColumn: "due_in_next_90_days",
    kind: "count",
    aggregate: sql`${countWhere("m.due_soon")}::int`,
  },
  {
    field: "lastUpdatedOn",
    measure: "LAST_UPDATED_ON",
    csvColumn: "last_updated_on",
    kind: "date",
    aggregate: sql`max(m.last_update)`,
  },
] as const satisfies readonly MeasureDefinition[];

export type BenchmarkMeasureValue = (typeof measureDefinitions)[number]["measure"];
export const benchmarkMeasures = measureDefinitions.map((m) => m.measure);

export function measureDefinition(measure: BenchmarkMeasureValue): MeasureDefinition {
  const found = measureDefinitions.find((m) => m.measure === measure);
  if (!found) throw new Error(`unknown benchmark measure ${measure}`);
  return found;
}

/** A measure's column in a relation holding the aggregates (`g."overdueRate"`). */
export function measureColumn(relation: string, field: keyof MeasureValues): SQL {
  return sql`${sql.identifier(relation)}.${sql.identifier(field)}`;
}

/** Every measure over the rows `m` of one group, each aliased by its field name. */
export const measureAggregates: SQL = sql.join(
  measureDefinitions.map((d) => sql`${d.aggregate} as ${sql.identifier(d.field)}`),
  sql`, `,
);
