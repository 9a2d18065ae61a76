import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Hand-worked from the seed plans (see benchmark.figures.test.ts for each plan's actions, deadlines,
 * statuses and theme links). As of 2026-11-22, per LGA component, overdue / with deadline:
 *               1 priorities  2 leadership  3 governance  4 finance  5 capacity  whole plan
 *   Harlow        14/18         15/17         13/14         14/15      14/15       52/59
 *   Brentwood      2/2           2/3           0/1           1/2        2/2         7/9
 *   Chelmsford     1/1           1/1           3/4           -          0 dated     4/5
 *   Braintree      no deadlines anywhere: no data under any theme
 *   Southend-on-Sea: no actions
 */

interface ComparisonRow {
  level: number;
  theme: { code: string } | null;
  rank: number | null;
  percentile: number | null;
  membersWithData: number;
  measures: { actions: number; overdue: number; withDeadline: number; overdueRate: number | null };
  groupMedian: { overdueRate: number | null; actions: number | null };
  groupMean: { overdueRate: number | null };
}
interface ComparisonData {
  council: {
    comparison: {
      asOf: string;
      councilIsMember: boolean;
      peerGroup: { slug: string };
      overall: ComparisonRow;
      components: ComparisonRow[];
      themes: ComparisonRow[];
    };
  };
}
const rowFields =
  "level theme { code } rank percentile membersWithData measures { actions overdue withDeadline overdueRate } groupMedian { overdueRate actions } groupMean { overdueRate }";
const comparisonQuery = `query C($gss: String!, $group: String!, $asOf: LocalDate) {
  council(gssCode: $gss) { comparison(peerGroup: $group, asOf: $asOf) {
    asOf councilIsMember peerGroup { slug } overall { ${rowFields} } components { ${rowFields} } themes { ${rowFields} } } }
}`;

const harlow = "E07000073";

describe(`a council against a peer group, over time, and its freshness (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("ranks Harlow among the Greater Essex members with data, per component", async () => {
    t.database.counter.reset();
    const { data, errors } = await t.execute<ComparisonData>(comparisonQuery, {
      gss: harlow,
      group: "greater-essex",
      asOf: "2026-11-22",
    });
    expect(errors).toBeUndefined();
    const comparison = data?.council.comparison;
    /*
     * Rank = 1 + other members with data and a lower overdue rate; percentile = share of the other
     * members with data whose rate is higher.
     * 1: Harlow 14/18 = .778, Brentwood 1, Chelmsford 1 (Braintree no data): 3 with data; rank 1;
     *    percentile 2/2 = 1; median of {.778, 1, 1} = 1; mean (14/18 + 2) / 3.
     * 2: Brentwood 2/3, Harlow 15/17, Chelmsford 1: rank 2; percentile 1/2; median 15/17; mean (15/17 + 2/3 + 1) / 3.
     * 3: Brentwood 0, Chelmsford 3/4, Harlow 13/14: rank 3; percentile 0; median 3/4; mean (13/14 + 0 + 3/4) / 3.
     * 4: Brentwood 1/2, Harlow 14/15 (Chelmsford none): 2 with data; rank 2; percentile 0/1 = 0; median = mean = (14/15 + 1/2) / 2.
     * 5: Harlow 14/15, Brentwood 1 (Chelmsford's one capacity action has no deadline): rank 1;
     *    percentile 1/1 = 1; median = mean = (14/15 + 1) / 2.
     * Whole plan: Brentwood 7/9, Chelmsford 4/5, Harlow 52/59: rank 3, percentile 0; median 4/5; mean (52/59 + 7/9 + 4/5) / 3.
     */
    const expected: [string, number, number, number, number, number, number][] = [
      ["priorities-outcomes", 14 / 18, 3, 1, 1, 1, (14 / 18 + 2) / 3],
      ["leadership", 15 / 17, 3, 2, 1 / 2, 15 / 17, (15 / 17 + 2 / 3 + 1) / 3],
      ["governance-culture", 13 / 14, 3, 3, 0, 3 / 4, (13 / 14 + 3 / 4) / 3],
      ["finance", 14 / 15, 2, 2, 0, (14 / 15 + 1 / 2) / 2, (14 / 15 + 1 / 2) / 2],
      ["capacity", 14 / 15, 2, 1, 1, (14 / 15 + 1) / 2, (14 / 15 + 1) / 2],
    ];
    expect(comparison?.components).toHaveLength(5);
    comparison?.components.forEach((row, i) => {
      const [code, rate, withData, rank, percentile, median, mean] = expected[i] ?? [];
      expect(row.theme?.code).toBe(code);
      expect(row.level).toBe(1);
      expect(row.measures.overdueRate).toBeCloseTo(rate ?? NaN, 12);
      expect(row.membersWithData).toBe(withData);
      expect(row.rank).toBe(rank);
      expect(row.percentile).toBeCloseTo(percentile ?? NaN, 12);
      expect(row.groupMedian.overdueRate).toBeCloseTo(median ?? NaN, 12);
      expect(row.groupMean.overdueRate).toBeCloseTo(mean ?? NaN, 12);
    });
    expect(comparison?.overall).toMatchObject({ level: 0, theme: null, rank: 3, percentile: 0, membersWithData: 3 });
    expect(comparison?.overall.measures).toMatchObject({ actions: 66, overdue: 52, withDeadline: 59 });
    expect(comparison?.overall.groupMedian.overdueRate).toBeCloseTo(4 / 5, 12);
    expect(comparison?.overall.groupMean.overdueRate).toBeCloseTo((52 / 59 + 7 / 9 + 4 / 5) / 3, 12);
    // Median actions of the three members with data (9, 9, 66): 9.
    expect(comparison?.overall.groupMedian.actions).toBe(9);
    expect(comparison).toMatchObject({
      asOf: "2026-11-22",
      councilIsMember: true,
      peerGroup: { slug: "greater-essex" },
    });

    /*
     * Member-officer relations: Harlow R5 (5 dated, 4 overdue) + R6 (4/4) = 8/9; Brentwood R3 0/1;
     * Chelmsford R3 (undated), R4 (complete), R6 (overdue) = 1/2. Harlow ranks 3rd of 3; median 1/2.
     */
    const memberOfficer = comparison?.themes.find(
      (r) => r.theme?.code === "governance-culture.member-officer-relations",
    );
    expect(memberOfficer).toMatchObject({
      level: 2,
      rank: 3,
      percentile: 0,
      membersWithData: 3,
      measures: { actions: 10, overdue: 8, withDeadline: 9 },
    });
    expect(memberOfficer?.groupMedian.overdueRate).toBeCloseTo(1 / 2, 12);
    // Every sub-theme of the taxonomy has a row, in order; ones with no Harlow action carry zero counts.
    expect(comparison?.themes).toHaveLength(22);
    expect(comparison?.themes.find((r) => r.theme?.code === "leadership.reorganisation")).toMatchObject({
      rank: null,
      percentile: null,
      measures: { actions: 0, overdueRate: null },
    });

    // council lookup, peer group lookup, the comparison statement, one theme loader read.
    expect(t.database.counter.count).toBe(4);
    expect(t.database.counter.statements.filter((s) => s.includes("with facts as materialized"))).toHaveLength(1);
  });

  it("ranks a council outside the group as if it were a member", async () => {
    // No metropolitan district has a plan in the seeds: no member has data; Harlow ranks 1st of itself.
    const { data, errors } = await t.execute<ComparisonData>(comparisonQuery, {
      gss: harlow,
      group: "type-md",
      asOf: "2026-11-22",
    });
    expect(errors).toBeUndefined();
    expect(data?.council.comparison.councilIsMember).toBe(false);
    expect(data?.council.comparison.overall).toMatchObject({
      rank: 1,
      percentile: null,
      membersWithData: 0,
      groupMedian: { overdueRate: null },
    });
  });

  it("compares every council of a list in one statement", async () => {
    t.database.counter.reset();
    const { data, errors } = await t.execute<{
      councils: { nodes: { name: string; comparison: { overall: { rank: number | null } } }[] };
    }>(
      `{ councils(filter: { peerGroup: "greater-essex" }, first: 20) { nodes { name comparison(peerGroup: "greater-essex", asOf: "2026-11-22") { overall { rank } } } } }`,
    );
    expect(errors).toBeUndefined();
    // Whole plan, ascending overdue rate: Brentwood .778, Chelmsford .8, Harlow .881; Braintree and the rest have no data.
    const ranks = Object.fromEntries((data?.councils.nodes ?? []).map((n) => [n.name, n.comparison.overall.rank]));
    expect(ranks).toMatchObject({ Brentwood: 1, Chelmsford: 2, Harlow: 3, Braintree: null, Basildon: null });
    expect(t.database.counter.statements.filter((s) => s.includes("with facts as materialized"))).toHaveLength(1);
  });

  it("refuses an unknown peer group with peer_group.not_found", async () => {
    const { data, errors } = await t.execute<ComparisonData>(comparisonQuery, {
      gss: harlow,
      group: "nowhere",
      asOf: "2026-11-22",
    });
    // The failure empties the nearest nullable field: the council lookup.
    expect(data).toEqual({ council: null });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      reason: "peer_group.not_found",
      argument: "peerGroup",
    });
  });

  it("reproduces the single benchmark at every quarter end from 2023-01 to 2026-11", async () => {
    t.database.counter.reset();
    const series = await t.execute<{
      benchmarkSeries: {
        points: {
          period: { label: string; asOf: string };
          rows: { council: { name: string }; measures: Record<string, unknown> }[];
          totals: Record<string, unknown>;
        }[];
      };
    }>(
      `{ benchmarkSeries(from: "2023-01-01", to: "2026-11-22", interval: QUARTER, groupBy: [COUNCIL], peerGroup: "greater-essex") {
          points { period { label asOf } rows { council { name } measures { actions overdue complete unknown overdueRate medianDaysOverdue p90DaysOverdue maxDaysOverdue dueInNext90Days lastUpdatedOn } }
            totals { actions overdue complete unknown overdueRate medianDaysOverdue p90DaysOverdue maxDaysOverdue dueInNext90Days lastUpdatedOn } } } }`,
    );
    expect(series.errors).toBeUndefined();
    // The peer group lookup and one statement for all sixteen points, then one council loader read.
    expect(t.database.counter.statements.filter((s) => s.includes("with facts as materialized"))).toHaveLength(1);
    expect(t.database.counter.count).toBe(3);
    const points = series.data?.benchmarkSeries.points ?? [];
    expect(points.map((p) => p.period.asOf)).toEqual([
      "2023-03-31",
      "2023-06-30",
      "2023-09-30",
      "2023-12-31",
      "2024-03-31",
      "2024-06-30",
      "2024-09-30",
      "2024-12-31",
      "2025-03-31",
      "2025-06-30",
      "2025-09-30",
      "2025-12-31",
      "2026-03-31",
      "2026-06-30",
      "2026-09-30",
      "2026-11-22",
    ]);
    expect(points[0]?.period.label).toBe("2022/23 Q4");
    expect(points.at(-1)?.period.label).toBe("2026/27 Q3");
    for (const point of points) {
      const single = await t.execute<{ benchmark: { rows: unknown[]; totals: unknown } }>(
        `query($asOf: LocalDate) { benchmark(asOf: $asOf, groupBy: [COUNCIL], peerGroup: "greater-essex") {
            rows { council { name } measures { actions overdue complete unknown overdueRate medianDaysOverdue p90DaysOverdue maxDaysOverdue dueInNext90Days lastUpdatedOn } }
            totals { actions overdue complete unknown overdueRate medianDaysOverdue p90DaysOverdue maxDaysOverdue dueInNext90Days lastUpdatedOn } } }`,
        { asOf: point.period.asOf },
      );
      expect({ asOf: point.period.asOf, rows: point.rows, totals: point.totals }).toEqual({
        asOf: point.period.asOf,
        ...single.data?.benchmark,
      });
    }
  });

  it("traces Harlow's overdue count quarter by quarter as worked by hand", async () => {
    const { data } = await t.execute<{
      benchmarkSeries: { points: { totals: { overdue: number; complete: number } }[] };
    }>(
      `{ benchmarkSeries(from: "2023-01-01", to: "2026-11-22", interval: QUARTER, filter: { councils: ["E07000073"] }) { points { totals { overdue complete } } } }`,
    );
    /*
     * Deadlines strictly before each quarter end, less the COMPLETE ones (statuses known from 2023-06-30):
     * 2023-03-31: none. 2023-06-30: 2023-05-31 ×2, one COMPLETE: 1. 2023-09-30: + 06-30 (7, 6 COMPLETE),
     * 07-31 (14), 08-31 (5): 21. 2023-12-31: + 09-30 (9), 10-31 (9), 11-30 (3): 42. 2024-03-31:
     * + 12-31 (5), 2024-01-31: 48. 2024-06-30: + 2024-03-31, 2024-05-31: 50. 2024-09-30: + 2024-06-30: 51,
     * until 2025-03-31 (not before itself); from 2025-06-30: 52.
     */
    expect(data?.benchmarkSeries.points.map((p) => p.totals.overdue)).toEqual([
      0, 1, 21, 42, 48, 50, 51, 51, 51, 52, 52, 52, 52, 52, 52, 52,
    ]);
    expect(data?.benchmarkSeries.points.map((p) => p.totals.complete)).toEqual([
      0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    ]);
  });

  it("labels months and measures a month that runs past `to` on `to`", async () => {
    const { data } = await t.execute<{
      benchmarkSeries: {
        points: {
          period: { label: string; startsOn: string; endsOn: string; asOf: string };
          totals: { overdue: number };
        }[];
      };
    }>(
      `{ benchmarkSeries(from: "2023-05-15", to: "2023-07-10", interval: MONTH, filter: { councils: ["E07000073"] }) { points { period { label startsOn endsOn asOf } totals { overdue } } } }`,
    );
    // 2023-05-31: nothing before it; 2023-06-30: line 64 (2023-05-31, empty status); 2023-07-10: + line 46 (2023-06-30, empty).
    expect(data?.benchmarkSeries.points).toEqual([
      {
        period: { label: "2023-05", startsOn: "2023-05-01", endsOn: "2023-05-31", asOf: "2023-05-31" },
        totals: { overdue: 0 },
      },
      {
        period: { label: "2023-06", startsOn: "2023-06-01", endsOn: "2023-06-30", asOf: "2023-06-30" },
        totals: { overdue: 1 },
      },
      {
        period: { label: "2023-07", startsOn: "2023-07-01", endsOn: "2023-07-31", asOf: "2023-07-10" },
        totals: { overdue: 2 },
      },
    ]);
  });

  it("refuses a series that runs backwards or spans more than 120 periods", async () => {
    const backwards = await t.execute(
      `{ benchmarkSeries(from: "2025-01-01", to: "2024-01-01", interval: MONTH) { points { totals { actions } } } }`,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "benchmark.bad_period",
      argument: "from",
    });
    const long = await t.execute(
      `{ benchmarkSeries(from: "2000-01-01", to: "2026-11-22", interval: MONTH) { points { totals { actions } } } }`,
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "benchmark.too_many_periods",
      argument: "to",
    });
    const unknownGroup = await t.execute(
      `{ benchmarkSeries(from: "2024-01-01", to: "2024-12-31", interval: QUARTER, peerGroup: "nowhere") { points { totals { actions } } } }`,
    );
    expect(unknownGroup.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      reason: "peer_group.not_found",
      argument: "peerGroup",
    });
  });

  it("reports each council's latest update and whether it is stale, in one statement for the list", async () => {
    t.database.counter.reset();
    const { data, errors } = await t.execute<{
      councils: {
        nodes: {
          name: string;
          latestUpdateOn: string | null;
          isStale: boolean | null;
          staleSoon: boolean | null;
          patient: boolean | null;
        }[];
      };
    }>(
      `{ councils(filter: { peerGroup: "greater-essex", hasPeerChallenge: true }) { nodes {
          name latestUpdateOn(asOf: "2026-11-22") isStale(asOf: "2025-11-02") staleSoon: isStale(asOf: "2025-11-03") patient: isStale(asOf: "2026-06-30", afterMonths: 36) } } }`,
    );
    expect(errors).toBeUndefined();
    /*
     * Latest updates: Harlow 2023-06-30, Brentwood 2024-06-30, Chelmsford 2025-05-02; Braintree none.
     * Stale when latest + 6 months < asOf: Chelmsford 2025-05-02 + 6 = 2025-11-02, fresh on that day and
     * stale the next; Harlow (+6 = 2023-12-30) and Brentwood (2024-12-30) long stale. Braintree has
     * actions but no update: stale. Southend-on-Sea has no actions: null. With 36 months, Harlow
     * (2026-06-30) is not stale on 2026-06-30; Brentwood and Chelmsford neither.
     */
    expect(data?.councils.nodes).toEqual([
      { name: "Braintree", latestUpdateOn: null, isStale: true, staleSoon: true, patient: true },
      { name: "Brentwood", latestUpdateOn: "2024-06-30", isStale: true, staleSoon: true, patient: false },
      { name: "Chelmsford", latestUpdateOn: "2025-05-02", isStale: false, staleSoon: true, patient: false },
      { name: "Harlow", latestUpdateOn: "2023-06-30", isStale: true, staleSoon: true, patient: false },
      { name: "Southend-on-Sea", latestUpdateOn: null, isStale: null, staleSoon: null, patient: null },
    ]);
    // One freshness statement per asOf asked (2026-11-22, 2025-11-02, 2025-11-03, 2026-06-30), not per council.
    expect(t.database.counter.statements.filter((s) => s.includes("latest_update_on"))).toHaveLength(4);
  });

  it("counts an update on asOf itself as fresh and ignores updates after it", async () => {
    const { data } = await t.execute<{
      council: { before: string | null; on: string | null; stale: boolean; fresh: boolean };
    }>(
      `{ council(gssCode: "E07000073") { before: latestUpdateOn(asOf: "2023-06-29") on: latestUpdateOn(asOf: "2023-06-30")
          stale: isStale(asOf: "2023-12-31") fresh: isStale(asOf: "2023-12-30") } }`,
    );
    expect(data?.council).toEqual({ before: null, on: "2023-06-30", stale: true, fresh: false });
    const bad = await t.execute(`{ council(gssCode: "E07000073") { isStale(asOf: "2026-11-22", afterMonths: 0) } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "benchmark.bad_stale_age",
      argument: "afterMonths",
    });
  });

  it("judges each CPC against the five- and twelve-month timetable", async () => {
    const { data } = await t.execute<{
      peerChallenges: {
        nodes: {
          council: { name: string };
          actionPlanDueBy: string | null;
          actionPlanOnTime: boolean | null;
          progressReviewDueBy: string | null;
          progressReviewOnTime: boolean | null;
        }[];
      };
    }>(
      `{ peerChallenges { nodes { council { name } actionPlanDueBy actionPlanOnTime progressReviewDueBy progressReviewOnTime } } }`,
    );
    /*
     * Month-precise CPCs count from the month's last day, like fuzzy targets: Braintree October 2023 →
     * plan by 2024-03-31 (published March 2024, stored 2024-03-01: on time), review by 2024-10-31
     * (unknown). Brentwood March 2024 → plan by 2024-08-31 (unknown), review by 2025-03-31 (held
     * November 2024: on time). Chelmsford December 2024 → 2025-05-31, 2025-12-31. Harlow "2023"
     * (year only) counts from 31 December 2023 → 2024-05-31, 2024-12-31. Southend: date unknown.
     */
    expect(data?.peerChallenges.nodes).toEqual([
      {
        council: { name: "Braintree" },
        actionPlanDueBy: "2024-03-31",
        actionPlanOnTime: true,
        progressReviewDueBy: "2024-10-31",
        progressReviewOnTime: null,
      },
      {
        council: { name: "Brentwood" },
        actionPlanDueBy: "2024-08-31",
        actionPlanOnTime: null,
        progressReviewDueBy: "2025-03-31",
        progressReviewOnTime: true,
      },
      {
        council: { name: "Chelmsford" },
        actionPlanDueBy: "2025-05-31",
        actionPlanOnTime: null,
        progressReviewDueBy: "2025-12-31",
        progressReviewOnTime: null,
      },
      {
        council: { name: "Harlow" },
        actionPlanDueBy: "2024-05-31",
        actionPlanOnTime: null,
        progressReviewDueBy: "2024-12-31",
        progressReviewOnTime: null,
      },
      {
        council: { name: "Southend-on-Sea" },
        actionPlanDueBy: null,
        actionPlanOnTime: null,
        progressReviewDueBy: null,
        progressReviewOnTime: null,
      },
    ]);
  });
});
