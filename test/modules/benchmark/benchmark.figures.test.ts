import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";
import type { MeasureValues } from "../../../src/modules/benchmark/benchmark.measures.js";

/** The service's measure names: only the type is shared; every figure here is computed independently. */
type Measures = MeasureValues;

/*
 * Every expected figure here was worked out by hand from seeds/plans/*.txt, their reviewed
 * golden files (*.expected.json, REVIEW.md) and seeds/plans/manifest.json. Statuses hold from each
 * plan's recordedOn: Harlow 2023-06-30, Brentwood 2024-06-30, Chelmsford 2025-05-02; Braintree
 * prints no statuses (no progress updates: UNKNOWN throughout); Southend-on-Sea has commitments
 * and no actions.
 *
 * Harlow's 66 actions, by recommendation (R), with their deadlines (2023 unless a year is given)
 * and the statuses printed on 2023-06-30 (C complete, N not started, U unknown/empty, "-" no deadline):
 *   R1  06-30 C, 08-31 N, 07-31 U, 08-31 U, 09-30 N, 10-31 N, 11-30 N, 12-31 N ×3
 *   R2  06-30 C, 07-31 U, 09-30 U, 10-31 U, 2024-01-31 U
 *   R3  07-31 U, - N, - U, - U, 12-31 N
 *   R4  09-30 U, 12-31 U
 *   R5  06-30 C, - U, 07-31 U ×3, 10-31 N
 *   R6  07-31 N ×2, 10-31 U, 11-30 N
 *   R7  07-31 U, 08-31 N, 09-30 N, 10-31 N ×2
 *   R8  06-30 U, 08-31 N, 07-31 N, 09-30 N, 10-31 N
 *   R9  06-30 C ×2, 07-31 N, 09-30 N, - N, 2024-06-30 N
 *   R10 06-30 C, 10-31 U, 08-31 U
 *   R11 - U ×2, 07-31 U
 *   R12 05-31 U, 09-30 N ×2, 10-31 N, 11-30 N
 *   R13 05-31 C, 07-31 U ×2, 09-30 N, 2025-03-31 (Budget 2024/25) N, 2024-03-31 N, 2024-05-31 N
 * So: 59 with a deadline, 7 without; COMPLETE 7, NOT_STARTED 33, UNKNOWN 26.
 */

const measureFields =
  "actions withDeadline noDeadline complete inProgress notStarted ongoing unknown overdue overdueRate completionRate medianDaysOverdue p90DaysOverdue maxDaysOverdue dueInNext90Days lastUpdatedOn";

interface Row {
  council: { name: string; gssCode: string } | null;
  lgaComponent: { code: string } | null;
  theme: { code: string } | null;
  status: string | null;
  deadlineQuarter: { label: string } | null;
  deadlineYear: { label: string } | null;
  peerChallenge: { title: string } | null;
  measures: Measures;
}
interface BenchmarkData {
  benchmark: { asOf: string; rowCount: number; rows: Row[]; totals: Measures };
}

const benchmarkQuery = `query B($asOf: LocalDate, $groupBy: [BenchmarkDimension!], $filter: ActionFilter, $peerGroup: String,
    $having: [BenchmarkHaving!], $orderBy: [BenchmarkOrder!], $first: Int) {
  benchmark(asOf: $asOf, groupBy: $groupBy, filter: $filter, peerGroup: $peerGroup, having: $having, orderBy: $orderBy, first: $first) {
    asOf rowCount
    rows {
      council { name gssCode } lgaComponent { code } theme { code } status
      deadlineQuarter { label } deadlineYear { label } peerChallenge { title }
      measures { ${measureFields} }
    }
    totals { ${measureFields} }
  }
}`;

const harlow = "E07000073";
const brentwood = "E07000068";
const chelmsford = "E07000070";

describe(`benchmark figures on the seed plans (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function benchmark(variables: Record<string, unknown>): Promise<BenchmarkData["benchmark"]> {
    const { data, errors } = await t.execute<BenchmarkData>(benchmarkQuery, variables);
    expect(errors).toBeUndefined();
    if (!data) throw new Error("no data");
    return data.benchmark;
  }

  it("gives Harlow 66 actions and 52 overdue as of 2026-11-22, with every measure worked by hand", async () => {
    const result = await benchmark({ asOf: "2026-11-22", groupBy: ["COUNCIL"], filter: { councils: [harlow] } });
    /*
     * Overdue: every one of the 59 deadlines is before 2026-11-22; 7 of them are COMPLETE: 52.
     * Days overdue of the 52, from their deadlines (count × deadline → days to 2026-11-22):
     *   1 × 2025-03-31 → 601, 1 × 2024-06-30 → 875, 1 × 2024-05-31 → 905, 1 × 2024-03-31 → 966,
     *   1 × 2024-01-31 → 1026, 5 × 2023-12-31 → 1057, 3 × 2023-11-30 → 1088, 9 × 2023-10-31 → 1118,
     *   9 × 2023-09-30 → 1149, 5 × 2023-08-31 → 1179, 14 × 2023-07-31 → 1210, 1 × 2023-06-30 → 1241,
     *   1 × 2023-05-31 → 1271   (1 + 1 + 1 + 1 + 1 + 5 + 3 + 9 + 9 + 5 + 14 + 1 + 1 = 52).
     *   e.g. 2023-09-30 → 2026-09-30 is 1096 days (29 Feb 2024 included), + 31 (Oct) + 22 = 1149.
     * Median (percentile_cont 0.5 over 52 sorted values): position 25.5, between the 26th and 27th
     *   smallest; the cumulative counts 1,2,3,4,5,10,13,22,31 put both at 2023-09-30: 1149.
     * p90: position 0.9 × 51 = 45.9, between the 46th and 47th smallest: both 2023-07-31 (ranks 37-50): 1210.
     * Max: 2023-05-31 (line 64, empty status): 1096 + 175 = 1271.
     * Due in the next 90 days: no deadline falls on or after 2026-11-22: 0.
     */
    const expected: Measures = {
      actions: 66,
      withDeadline: 59,
      noDeadline: 7,
      complete: 7,
      inProgress: 0,
      notStarted: 33,
      ongoing: 0,
      unknown: 26,
      overdue: 52,
      overdueRate: 52 / 59,
      completionRate: 7 / 66,
      medianDaysOverdue: 1149,
      p90DaysOverdue: 1210,
      maxDaysOverdue: 1271,
      dueInNext90Days: 0,
      lastUpdatedOn: "2023-06-30",
    };
    expect(result.rowCount).toBe(1);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.council).toEqual({ name: "Harlow", gssCode: harlow });
    expect(result.rows[0]?.measures).toEqual(expected);
    expect(result.totals).toEqual(expected);
  });

  it("gives Harlow 50 overdue and one action due within 90 days as of 2024-06-30", async () => {
    const { totals } = await benchmark({ asOf: "2024-06-30", filter: { councils: [harlow] } });
    /*
     * Not before 2024-06-30: R9's "June 2024" (2024-06-30 = T) and R13's 2025-03-31: 57 past, 7 of them
     * COMPLETE: 50 overdue. Due in [2024-06-30, 2024-09-28): only 2024-06-30 (NOT_STARTED): 1.
     * Days overdue of the 50 sorted by deadline, latest first: 2024-05-31, 2024-03-31, 2024-01-31,
     * 5 × 2023-12-31, 3 × 11-30, 9 × 10-31, 9 × 09-30 (ranks 21-29), 5 × 08-31, 14 × 07-31 (ranks 35-48),
     * 06-30, 05-31. Median: position 24.5 → ranks 25 and 26, both 2023-09-30 → 274 days
     * (31+30+31+31+29+31+30+31+30). p90: 0.9 × 49 = 44.1 → ranks 45 and 46, both 2023-07-31 → 274 + 61 = 335.
     * Max: 2023-05-31 → 2024-06-30 = 366 + 30 = 396.
     */
    expect(totals).toMatchObject({
      actions: 66,
      overdue: 50,
      dueInNext90Days: 1,
      medianDaysOverdue: 274,
      p90DaysOverdue: 335,
      maxDaysOverdue: 396,
    });
  });

  it("gives a row per council and LGA component with data over Greater Essex", async () => {
    const result = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["COUNCIL", "LGA_COMPONENT"],
      peerGroup: "greater-essex",
    });
    /*
     * The seeded rule classification links each recommendation to these sub-themes' components
     * (1 priorities-outcomes, 2 leadership, 3 governance-culture, 4 finance, 5 capacity; checked by
     * the next test). An action counts once per component, even under two sub-themes of it.
     * Harlow: R1→1,2,4 R2→2 R3→2 R4→5 R5→3 R6→3 R7→3 R8→4 R9→1 R10→1 R11→5 R12→5 R13→5.
     *   Per R (actions/with deadline/overdue): R1 10/10/9 R2 5/5/4 R3 5/2/2 R4 2/2/2 R5 6/5/4 R6 4/4/4
     *   R7 5/5/5 R8 5/5/5 R9 6/5/3 R10 3/3/2 R11 3/1/1 R12 5/5/5 R13 7/7/6.
     *   1: R1+R9+R10 = 19/18/14; 2: R1+R2+R3 = 20/17/15; 3: R5+R6+R7 = 15/14/13; 4: R1+R8 = 15/15/14;
     *   5: R4+R11+R12+R13 = 17/15/14.
     * Brentwood (one action per R; all with deadlines; R3 and R7 COMPLETE, the rest overdue):
     *   R1→1 R2→1 R3→2,3 R4→2 R5→5 R6→5 R7→4 R8→2 R9→4.
     *   1: 2/2/2; 2: R3,R4,R8 3/3/2; 3: R3 1/1/0; 4: R7,R9 2/2/1; 5: R5,R6 2/2/2.
     * Chelmsford (one action per R): R1 (2025-09-30, U, overdue)→3; R2 (ongoing)→3; R3 (ongoing)→3
     *   (two sub-themes of 3: once); R4 (2025-01-31, COMPLETE)→3; R5 (2025-05-31, overdue)→1;
     *   R6 (2025-04-30, overdue)→2,3; R7 (2025-11-30, overdue)→3; R8 (ongoing)→5; R9 (ongoing)→2.
     *   1: 1/1/1; 2: R6,R9 2/1/1; 3: R1,R2,R3,R4,R6,R7 6/4/3; 4: none; 5: R8 1/0/0.
     * Braintree (no deadlines, no statuses): R1 (2)→1,2 R2 (7)→2 R3 (3)→1,4 R4 (3)→3,5 R5 (6)→5
     *   R6 (7)→5 R7 (3)→4. 1: 5; 2: 9; 3: 3; 4: 6; 5: 16.
     * Southend-on-Sea: no actions, no rows. 5 + 5 + 4 + 5 = 19 rows, councils by name, components in LGA order.
     * Totals count each action once: 31 + 9 + 9 + 66 = 115 actions, 0 + 9 + 5 + 59 = 73 with a
     * deadline, 0 + 7 + 4 + 52 = 63 overdue.
     */
    const c = ["priorities-outcomes", "leadership", "governance-culture", "finance", "capacity"];
    const expected: [string, string | undefined, number, number, number][] = [
      ["Braintree", c[0], 5, 0, 0],
      ["Braintree", c[1], 9, 0, 0],
      ["Braintree", c[2], 3, 0, 0],
      ["Braintree", c[3], 6, 0, 0],
      ["Braintree", c[4], 16, 0, 0],
      ["Brentwood", c[0], 2, 2, 2],
      ["Brentwood", c[1], 3, 3, 2],
      ["Brentwood", c[2], 1, 1, 0],
      ["Brentwood", c[3], 2, 2, 1],
      ["Brentwood", c[4], 2, 2, 2],
      ["Chelmsford", c[0], 1, 1, 1],
      ["Chelmsford", c[1], 2, 1, 1],
      ["Chelmsford", c[2], 6, 4, 3],
      ["Chelmsford", c[4], 1, 0, 0],
      ["Harlow", c[0], 19, 18, 14],
      ["Harlow", c[1], 20, 17, 15],
      ["Harlow", c[2], 15, 14, 13],
      ["Harlow", c[3], 15, 15, 14],
      ["Harlow", c[4], 17, 15, 14],
    ];
    expect(result.rowCount).toBe(19);
    expect(
      result.rows.map((r) => [
        r.council?.name,
        r.lgaComponent?.code,
        r.measures.actions,
        r.measures.withDeadline,
        r.measures.overdue,
      ]),
    ).toEqual(expected);
    expect(result.totals).toMatchObject({ actions: 115, withDeadline: 73, noDeadline: 42, overdue: 63 });
  });

  it("rests the component working on the seeded theme links it assumes", async () => {
    const { data } = await t.execute<{
      recommendations: {
        nodes: {
          reference: string;
          themes: { parent: { code: string } | null }[];
          peerChallenge: { council: { name: string } };
        }[];
      };
    }>(
      `{ recommendations(filter: { peerGroup: "greater-essex" }, first: 100) { nodes { reference peerChallenge { council { name } } themes { parent { code } } } } }`,
    );
    const components = (name: string) =>
      Object.fromEntries(
        (data?.recommendations.nodes ?? [])
          .filter((r) => r.peerChallenge.council.name === name)
          .map((r) => [
            r.reference,
            [...new Set(r.themes.map((th) => th.parent?.code.split("-")[0]))].sort().join(","),
          ]),
      );
    expect(components("Harlow")).toEqual({
      "1": "finance,leadership,priorities",
      "2": "leadership",
      "3": "leadership",
      "4": "capacity",
      "5": "governance",
      "6": "governance",
      "7": "governance",
      "8": "finance",
      "9": "priorities",
      "10": "priorities",
      "11": "capacity",
      "12": "capacity",
      "13": "capacity",
    });
    expect(components("Brentwood")).toEqual({
      "1": "priorities",
      "2": "priorities",
      "3": "governance,leadership",
      "4": "leadership",
      "5": "capacity",
      "6": "capacity",
      "7": "finance",
      "8": "leadership",
      "9": "finance",
    });
    expect(components("Chelmsford")).toEqual({
      "1": "governance",
      "2": "governance",
      "3": "governance",
      "4": "governance",
      "5": "priorities",
      "6": "governance,leadership",
      "7": "governance",
      "8": "capacity",
      "9": "leadership",
    });
    expect(components("Braintree")).toEqual({
      "1": "leadership,priorities",
      "2": "leadership",
      "3": "finance,priorities",
      "4": "capacity,governance",
      "5": "capacity",
      "6": "capacity",
      "7": "finance",
    });
  });

  it("counts an action under each of its sub-themes in rows and once in totals", async () => {
    const result = await benchmark({ asOf: "2026-11-22", groupBy: ["THEME"], filter: { councils: [harlow] } });
    /*
     * Harlow R1 (10 actions) sits under three sub-themes and R2 (5) under two: the rows hold
     * 66 + 2 × 10 + 1 × 5 = 91 action counts, the totals 66. Partnerships: R2 + R3 = 10 actions,
     * 4 + 2 = 6 overdue. Budget and MTFS: R1 + R8 = 15 actions, 9 + 5 = 14 overdue.
     */
    expect(result.rows.reduce((sum, r) => sum + r.measures.actions, 0)).toBe(91);
    expect(result.totals.actions).toBe(66);
    const byTheme = new Map(result.rows.map((r) => [r.theme?.code, r.measures]));
    expect(byTheme.get("leadership.partnerships")).toMatchObject({ actions: 10, overdue: 6 });
    expect(byTheme.get("finance.budget-mtfs")).toMatchObject({ actions: 15, overdue: 14 });
  });

  it("counts an action once for a component even under two of its sub-themes", async () => {
    /*
     * Chelmsford: by sub-theme, governance holds scrutiny R1, decision-making R2 R3 R7, member-officer
     * relations R3 R4 R6, member development R7, risk R6: 9 counts; by component, six distinct actions.
     */
    const byTheme = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["THEME"],
      filter: { councils: [chelmsford], themes: ["governance-culture"] },
    });
    const governance = byTheme.rows.filter((r) => r.theme?.code.startsWith("governance-culture."));
    expect(governance.reduce((sum, r) => sum + r.measures.actions, 0)).toBe(9);
    const byComponent = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["LGA_COMPONENT"],
      filter: { councils: [chelmsford] },
    });
    expect(byComponent.rows.find((r) => r.lgaComponent?.code === "governance-culture")?.measures.actions).toBe(6);
  });

  it("groups Greater Essex by status as of 2026-11-22, in the enum's order", async () => {
    const result = await benchmark({ asOf: "2026-11-22", groupBy: ["STATUS"], peerGroup: "greater-essex" });
    /*
     * COMPLETE: Harlow 7 + Brentwood 2 + Chelmsford 1 = 10, none overdue. IN_PROGRESS: Brentwood 7, all
     * overdue. NOT_STARTED: Harlow 33, of which 2 ("Ongoing" lines 23, 55) have no deadline: 31
     * overdue. ONGOING: Chelmsford 7, three with passed deadlines (lines 22, 23, 26): 3 overdue.
     * UNKNOWN: Harlow 26 (5 without deadline → 21 overdue) + Chelmsford 1 (overdue) + Braintree 31
     * (no deadlines) = 58, 22 overdue. 10 + 7 + 33 + 7 + 58 = 115; 0 + 7 + 31 + 3 + 22 = 63.
     */
    expect(result.rows.map((r) => [r.status, r.measures.actions, r.measures.overdue])).toEqual([
      ["COMPLETE", 10, 0],
      ["IN_PROGRESS", 7, 7],
      ["NOT_STARTED", 33, 31],
      ["ONGOING", 7, 3],
      ["UNKNOWN", 58, 22],
    ]);
  });

  it("groups deadlines by financial quarter and year, with undated actions in a null group last", async () => {
    const result = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["DEADLINE_QUARTER", "DEADLINE_YEAR"],
      filter: { councils: [chelmsford] },
    });
    // 2025-01-31 → 2024/25 Q4; 2025-04-30 and 2025-05-31 → 2025/26 Q1; 2025-09-30 → Q2; 2025-11-30 → Q3; 4 ongoing.
    expect(
      result.rows.map((r) => [r.deadlineQuarter?.label ?? null, r.deadlineYear?.label ?? null, r.measures.actions]),
    ).toEqual([
      ["2024/25 Q4", "2024/25", 1],
      ["2025/26 Q1", "2025/26", 2],
      ["2025/26 Q2", "2025/26", 1],
      ["2025/26 Q3", "2025/26", 1],
      [null, null, 4],
    ]);
    const brentwoodQuarters = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["DEADLINE_QUARTER"],
      filter: { councils: [brentwood] },
    });
    // May and Jun 24 → Q1 (both COMPLETE); Sep 24 → Q2; Oct ×2, Nov ×2, Dec 24 → Q3; Jan 25 → Q4.
    expect(
      brentwoodQuarters.rows.map((r) => [r.deadlineQuarter?.label, r.measures.actions, r.measures.complete]),
    ).toEqual([
      ["2024/25 Q1", 2, 2],
      ["2024/25 Q2", 1, 0],
      ["2024/25 Q3", 5, 0],
      ["2024/25 Q4", 1, 0],
    ]);
  });

  it("orders peer challenges by the day they were held", async () => {
    const result = await benchmark({ asOf: "2026-11-22", groupBy: ["PEER_CHALLENGE"], peerGroup: "greater-essex" });
    // Harlow 2023 (stored 2023-01-01), Braintree October 2023, Brentwood March 2024, Chelmsford December 2024.
    expect(result.rows.map((r) => [r.peerChallenge?.title.split(" ")[0], r.measures.actions])).toEqual([
      ["Harlow", 66],
      ["Braintree", 31],
      ["Brentwood", 9],
      ["Chelmsford", 9],
    ]);
  });

  it("answers a day before any data with unknown statuses and no update, not an error", async () => {
    const result = await benchmark({ asOf: "2000-01-01", groupBy: ["COUNCIL"], peerGroup: "greater-essex" });
    // Actions exist but no update is on or before 2000-01-01 and every deadline is later.
    expect(
      result.rows.map((r) => [
        r.council?.name,
        r.measures.actions,
        r.measures.unknown,
        r.measures.overdue,
        r.measures.lastUpdatedOn,
      ]),
    ).toEqual([
      ["Braintree", 31, 31, 0, null],
      ["Brentwood", 9, 9, 0, null],
      ["Chelmsford", 9, 9, 0, null],
      ["Harlow", 66, 66, 0, null],
    ]);
    expect(result.totals).toMatchObject({
      actions: 115,
      unknown: 115,
      overdue: 0,
      overdueRate: 0,
      lastUpdatedOn: null,
      medianDaysOverdue: null,
    });
  });

  it("answers a filter that matches nothing with no rows and zero totals", async () => {
    const result = await benchmark({
      asOf: "2026-11-22",
      groupBy: ["COUNCIL"],
      filter: { search: "no action says this" },
    });
    expect(result.rows).toEqual([]);
    expect(result.rowCount).toBe(0);
    expect(result.totals).toMatchObject({
      actions: 0,
      overdue: 0,
      overdueRate: null,
      completionRate: null,
      lastUpdatedOn: null,
    });
  });
});
