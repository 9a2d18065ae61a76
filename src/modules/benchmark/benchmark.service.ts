import type { ActionFilter } from "../action/action.input.js";
import type { ActionService } from "../action/action.service.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import type { Identity } from "../identity/identity.js";
import type { PeerGroupService } from "../peer-group/peer-group.service.js";
import { addMonths, countPeriods, dueAfter, onTime, seriesPeriods, type SeriesPeriod } from "./benchmark.calendar.js";
import { benchmarkError, benchmarkErrorCodes } from "./benchmark.errors.js";
import type { BenchmarkHaving, BenchmarkOrder } from "./benchmark.input.js";
import {
  defaultBenchmarkRows,
  maxBenchmarkRows,
  maxSeriesPeriods,
  type BenchmarkDimensionValue,
  type BenchmarkIntervalValue,
  type BenchmarkPartition,
  type BenchmarkRowValues,
  type ComparisonOperator,
  type ComparisonRowValues,
  type CouncilFreshness,
  type HavingCondition,
  type OrderTerm,
} from "./benchmark.model.js";
import { emptyMeasures, measureDefinition, type MeasureValues } from "./benchmark.measures.js";
import type { BenchmarkRepository } from "./benchmark.repository.js";
import type { BenchmarkQuery } from "./benchmark.model.js";

/** A benchmark request as clients spell it (GraphQL arguments or the CSV query string). */
export interface BenchmarkRequest {
  asOf?: string | null;
  groupBy?: readonly BenchmarkDimensionValue[] | null;
  filter?: ActionFilter | null;
  peerGroup?: string | null;
  having?: readonly BenchmarkHaving[] | null;
  orderBy?: readonly BenchmarkOrder[] | null;
  first?: number | null;
}

export interface BenchmarkSeriesRequest {
  from: string;
  to: string;
  interval: BenchmarkIntervalValue;
  groupBy?: readonly BenchmarkDimensionValue[] | null;
  filter?: ActionFilter | null;
  peerGroup?: string | null;
}

export interface BenchmarkResultValues {
  asOf: string;
  groupBy: BenchmarkDimensionValue[];
  rows: BenchmarkRowValues[];
  rowCount: number;
  totals: MeasureValues;
}

export interface BenchmarkSeriesValues {
  from: string;
  to: string;
  interval: BenchmarkIntervalValue;
  groupBy: BenchmarkDimensionValue[];
  points: { period: SeriesPeriod; rows: BenchmarkRowValues[]; totals: MeasureValues }[];
}

export interface ComparisonValues {
  councilId: number;
  peerGroupId: number;
  asOf: string;
  councilIsMember: boolean;
  overall: ComparisonRowValues;
  components: ComparisonRowValues[];
  themes: ComparisonRowValues[];
}

export interface TimetableValues {
  actionPlanDueBy: string | null;
  actionPlanOnTime: boolean | null;
  progressReviewDueBy: string | null;
  progressReviewOnTime: boolean | null;
}

/** DOMAIN.md: the action plan at the latest five months after the CPC, the progress review's report within twelve. */
export const actionPlanMonths = 5;
export const progressReviewMonths = 12;

const numericOperators = ["eq", "ne", "gt", "gte", "lt", "lte"] as const satisfies readonly ComparisonOperator[];
const dateOperators = [
  ["onOrAfter", "gte"],
  ["before", "lt"],
] as const satisfies readonly (readonly [keyof BenchmarkHaving, ComparisonOperator])[];

/**
 * Validates benchmark requests and hands them to the repository, which computes each in one SQL
 * statement. Knows nothing of GraphQL: the CSV export calls the same methods.
 */
export class BenchmarkService {
  constructor(
    private readonly benchmarks: BenchmarkRepository,
    private readonly actions: ActionService,
    private readonly peerGroups: PeerGroupService,
    private readonly staleAfterMonths: number,
  ) {}

  async benchmark(identity: Identity, request: BenchmarkRequest, today: string): Promise<BenchmarkResultValues> {
    const asOf = request.asOf ?? today;
    const groupBy = checkGroupBy(request.groupBy);
    const first = request.first ?? defaultBenchmarkRows;
    if (!Number.isInteger(first) || first < 0 || first > maxBenchmarkRows) {
      throw benchmarkError(
        benchmarkErrorCodes.firstOutOfRange,
        "first",
        `first must be between 0 and ${maxBenchmarkRows}, got ${first}`,
      );
    }
    const query = await this.toQuery(identity, request, groupBy, {
      having: checkHaving(request.having),
      orderBy: checkOrderBy(request.orderBy, groupBy),
      limit: first,
    });
    const result = await this.benchmarks.benchmark(query, asOf);
    return { asOf, groupBy, ...result };
  }

  async series(identity: Identity, request: BenchmarkSeriesRequest): Promise<BenchmarkSeriesValues> {
    const { from, to, interval } = request;
    if (from > to) throw benchmarkError(benchmarkErrorCodes.badPeriod, "from", `from (${from}) is after to (${to})`);
    const count = countPeriods(from, to, interval);
    if (count > maxSeriesPeriods) {
      throw benchmarkError(
        benchmarkErrorCodes.tooManyPeriods,
        "to",
        `from ${from} to ${to} spans ${count} ${interval === "MONTH" ? "months" : "quarters"}; at most ${maxSeriesPeriods}`,
      );
    }
    const groupBy = checkGroupBy(request.groupBy);
    const query = await this.toQuery(identity, request, groupBy, { having: [], orderBy: [], limit: null });
    const periods = seriesPeriods(from, to, interval);
    const parts: BenchmarkPartition[] = await this.benchmarks.series(
      query,
      periods.map((p) => p.asOf),
    );
    return {
      from,
      to,
      interval,
      groupBy,
      points: periods.map((period, i) => ({
        period,
        rows: parts[i]?.rows ?? [],
        totals: parts[i]?.totals ?? emptyMeasures(),
      })),
    };
  }

  /** Arranges one council's comparison rows (whole plan, components, sub-themes) as the API shows them. */
  comparison(councilId: number, peerGroupId: number, asOf: string, rows: ComparisonRowValues[]): ComparisonValues {
    const overall = rows.find((r) => r.level === 0);
    if (!overall) throw new Error(`comparison of council ${councilId} came back without its whole-plan row`);
    return {
      councilId,
      peerGroupId,
      asOf,
      councilIsMember: overall.councilIsMember,
      overall,
      components: rows.filter((r) => r.level === 1),
      themes: rows.filter((r) => r.level === 2),
    };
  }

  /**
   * Stale when the latest update is more than `afterMonths` months old on `asOf` (latest + months
   * < asOf), or when a council with actions has no update at all by then. Null for a council with
   * no actions in the graph: there is nothing to be stale.
   */
  isStale(freshness: CouncilFreshness | null, asOf: string, afterMonths?: number | null): boolean | null {
    const months = afterMonths ?? this.staleAfterMonths;
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      throw benchmarkError(
        benchmarkErrorCodes.badStaleAge,
        "afterMonths",
        `afterMonths must be between 1 and 120, got ${months}`,
      );
    }
    if (freshness === null || freshness.actions === 0) return null;
    if (freshness.latestUpdateOn === null) return true;
    return addMonths(freshness.latestUpdateOn, months) < asOf;
  }

  /** A CPC's timetable (DOMAIN.md) judged against its recorded dates; null where a date is unknown. */
  timetable(
    challenge: Pick<
      PeerChallengeRow,
      "kind" | "heldOn" | "heldOnPrecision" | "actionPlanPublishedOn" | "progressReviewOn"
    >,
  ): TimetableValues {
    if (challenge.kind !== "CPC")
      return { actionPlanDueBy: null, actionPlanOnTime: null, progressReviewDueBy: null, progressReviewOnTime: null };
    const actionPlanDueBy = dueAfter(challenge.heldOn, challenge.heldOnPrecision, actionPlanMonths);
    const progressReviewDueBy = dueAfter(challenge.heldOn, challenge.heldOnPrecision, progressReviewMonths);
    return {
      actionPlanDueBy,
      actionPlanOnTime: onTime(challenge.actionPlanPublishedOn, actionPlanDueBy),
      progressReviewDueBy,
      progressReviewOnTime: onTime(challenge.progressReviewOn, progressReviewDueBy),
    };
  }

  private async toQuery(
    identity: Identity,
    request: { filter?: ActionFilter | null; peerGroup?: string | null },
    groupBy: BenchmarkDimensionValue[],
    shape: Pick<BenchmarkQuery, "having" | "orderBy" | "limit">,
  ): Promise<BenchmarkQuery> {
    const action = await this.actions.toQuery(identity, request.filter, "filter");
    const peerGroupId =
      request.peerGroup != null
        ? (await this.peerGroups.requireBySlug(identity, request.peerGroup, "peerGroup")).id
        : undefined;
    return { action, ...(peerGroupId !== undefined ? { peerGroupId } : {}), groupBy, ...shape };
  }
}

function checkGroupBy(groupBy: readonly BenchmarkDimensionValue[] | null | undefined): BenchmarkDimensionValue[] {
  const seen = new Set<BenchmarkDimensionValue>();
  (groupBy ?? []).forEach((dimension, i) => {
    if (seen.has(dimension))
      throw benchmarkError(benchmarkErrorCodes.badGroupBy, `groupBy[${i}]`, `groupBy names ${dimension} twice`);
    seen.add(dimension);
  });
  return [...seen];
}

function checkHaving(having: readonly BenchmarkHaving[] | null | undefined): HavingCondition[] {
  return (having ?? []).flatMap((h, i) => {
    const argument = `having[${i}]`;
    const kind = measureDefinition(h.measure).kind;
    const conditions: HavingCondition[] = [];
    for (const operator of numericOperators) {
      const value = h[operator];
      if (value == null) continue;
      if (kind === "date") {
        throw benchmarkError(
          benchmarkErrorCodes.badHaving,
          `${argument}.${operator}`,
          `${h.measure} is a date: compare it with onOrAfter or before`,
        );
      }
      conditions.push({ measure: h.measure, operator, value });
    }
    for (const [field, operator] of dateOperators) {
      const value = h[field];
      if (value == null) continue;
      if (kind !== "date") {
        throw benchmarkError(
          benchmarkErrorCodes.badHaving,
          `${argument}.${field}`,
          `${h.measure} is a number: compare it with eq, ne, gt, gte, lt or lte`,
        );
      }
      conditions.push({ measure: h.measure, operator, value: String(value) });
    }
    if (h.isNull != null) conditions.push({ measure: h.measure, operator: "isNull", value: h.isNull });
    if (conditions.length === 0) {
      throw benchmarkError(
        benchmarkErrorCodes.badHaving,
        argument,
        `${argument} names ${h.measure} but no operator (eq, ne, gt, gte, lt, lte, onOrAfter, before or isNull)`,
      );
    }
    return conditions;
  });
}

function checkOrderBy(
  orderBy: readonly BenchmarkOrder[] | null | undefined,
  groupBy: readonly BenchmarkDimensionValue[],
): OrderTerm[] {
  return (orderBy ?? []).map((o, i) => {
    const argument = `orderBy[${i}]`;
    const direction = o.direction ?? "ASC";
    if ((o.measure == null) === (o.dimension == null)) {
      throw benchmarkError(
        benchmarkErrorCodes.badOrder,
        argument,
        `${argument} must name exactly one of measure and dimension`,
      );
    }
    if (o.measure != null) return { kind: "measure", measure: o.measure, direction };
    const dimension = o.dimension;
    if (dimension == null || !groupBy.includes(dimension)) {
      throw benchmarkError(
        benchmarkErrorCodes.badOrder,
        `${argument}.dimension`,
        `${argument} sorts by ${String(dimension)}, which is not in groupBy`,
      );
    }
    return { kind: "dimension", dimension, direction };
  });
}
