import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Greater Essex by council as of 2026-11-22 (hand-worked in benchmark.figures.test.ts):
 *   Braintree  31 actions,  0 with a deadline,  0 overdue, overdue rate null, no update
 *   Brentwood   9 actions,  9 with a deadline,  7 overdue, 7/9  = .778, updated 2024-06-30
 *   Chelmsford  9 actions,  5 with a deadline,  4 overdue, 4/5  = .8,   updated 2025-05-02
 *   Harlow     66 actions, 59 with a deadline, 52 overdue, 52/59 = .881, updated 2023-06-30
 *   Southend-on-Sea and the other ten members: no actions, so no rows.
 */

interface Result {
  benchmark: {
    rowCount: number;
    rows: { council: { name: string } | null; measures: { actions: number; overdue: number } }[];
    totals: { actions: number };
  };
}
const query = `query B($groupBy: [BenchmarkDimension!], $having: [BenchmarkHaving!], $orderBy: [BenchmarkOrder!], $first: Int, $peerGroup: String, $filter: ActionFilter) {
  benchmark(asOf: "2026-11-22", groupBy: $groupBy, peerGroup: $peerGroup, filter: $filter, having: $having, orderBy: $orderBy, first: $first) {
    rowCount rows { council { name } measures { actions overdue } } totals { actions } } }`;

describe(`benchmark ordering, having, first, errors and statement counts (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function names(
    variables: Record<string, unknown>,
  ): Promise<{ names: (string | undefined)[]; rowCount: number; totalActions: number }> {
    const { data, errors } = await t.execute<Result>(query, {
      groupBy: ["COUNCIL"],
      peerGroup: "greater-essex",
      ...variables,
    });
    expect(errors).toBeUndefined();
    return {
      names: data?.benchmark.rows.map((r) => r.council?.name) ?? [],
      rowCount: data?.benchmark.rowCount ?? -1,
      totalActions: data?.benchmark.totals.actions ?? -1,
    };
  }

  it("sorts by council name by default and leaves councils without actions out", async () => {
    expect(await names({})).toEqual({
      names: ["Braintree", "Brentwood", "Chelmsford", "Harlow"],
      rowCount: 4,
      totalActions: 115,
    });
  });

  it("takes the top N by a measure", async () => {
    expect(await names({ orderBy: [{ measure: "OVERDUE", direction: "DESC" }], first: 2 })).toEqual({
      names: ["Harlow", "Brentwood"],
      rowCount: 4,
      totalActions: 115,
    });
  });

  it("sorts a null rate last in either direction", async () => {
    expect((await names({ orderBy: [{ measure: "OVERDUE_RATE", direction: "DESC" }] })).names).toEqual([
      "Harlow",
      "Chelmsford",
      "Brentwood",
      "Braintree",
    ]);
    expect((await names({ orderBy: [{ measure: "OVERDUE_RATE" }] })).names).toEqual([
      "Brentwood",
      "Chelmsford",
      "Harlow",
      "Braintree",
    ]);
  });

  it("breaks ties by the grouped dimensions' natural order, also where first cuts", async () => {
    // Brentwood and Chelmsford both have 9 actions: name order decides, whatever the direction.
    expect((await names({ orderBy: [{ measure: "ACTIONS", direction: "DESC" }] })).names).toEqual([
      "Harlow",
      "Braintree",
      "Brentwood",
      "Chelmsford",
    ]);
    expect((await names({ orderBy: [{ measure: "ACTIONS", direction: "DESC" }], first: 3 })).names).toEqual([
      "Harlow",
      "Braintree",
      "Brentwood",
    ]);
    expect((await names({ orderBy: [{ measure: "ACTIONS" }], first: 1 })).names).toEqual(["Brentwood"]);
  });

  it("sorts by a grouped dimension in either direction", async () => {
    expect((await names({ orderBy: [{ dimension: "COUNCIL", direction: "DESC" }] })).names).toEqual([
      "Harlow",
      "Chelmsford",
      "Brentwood",
      "Braintree",
    ]);
  });

  it("keeps only rows that meet every having condition, leaving totals alone", async () => {
    expect(await names({ having: [{ measure: "OVERDUE", gte: 5 }] })).toEqual({
      names: ["Brentwood", "Harlow"],
      rowCount: 2,
      totalActions: 115,
    });
    expect((await names({ having: [{ measure: "OVERDUE", gte: 5, lt: 10 }] })).names).toEqual(["Brentwood"]);
    expect(
      (
        await names({
          having: [
            { measure: "OVERDUE", gte: 5 },
            { measure: "ACTIONS", gt: 9 },
          ],
        })
      ).names,
    ).toEqual(["Harlow"]);
    expect((await names({ having: [{ measure: "OVERDUE_RATE", isNull: true }] })).names).toEqual(["Braintree"]);
    // A null rate meets no comparison: Braintree is not "below 0.8".
    expect((await names({ having: [{ measure: "OVERDUE_RATE", lt: 0.8 }] })).names).toEqual(["Brentwood"]);
    expect((await names({ having: [{ measure: "LAST_UPDATED_ON", before: "2024-07-01" }] })).names).toEqual([
      "Brentwood",
      "Harlow",
    ]);
    expect((await names({ having: [{ measure: "LAST_UPDATED_ON", onOrAfter: "2024-06-30" }] })).names).toEqual([
      "Brentwood",
      "Chelmsford",
    ]);
  });

  it("returns no rows but full totals when having matches nothing or first is 0", async () => {
    expect(await names({ having: [{ measure: "OVERDUE", gt: 1000 }] })).toEqual({
      names: [],
      rowCount: 0,
      totalActions: 115,
    });
    expect(await names({ first: 0 })).toEqual({ names: [], rowCount: 4, totalActions: 115 });
  });

  it("takes first up to 10,000, room for the national council × sub-theme matrix (7,636 rows) in one request", async () => {
    const all = await names({ first: 10_000 });
    expect(all.rowCount).toBe(4);
    expect(all.names).toHaveLength(4);
  });

  it("combines the peerGroup argument with the filter's own peer group and councils", async () => {
    expect((await names({ filter: { councils: ["E07000073", "E08000025"] } })).names).toEqual(["Harlow"]);
    expect((await names({ filter: { peerGroup: "type-md" } })).names).toEqual([]);
  });

  it.each([
    [{ first: 10_001 }, "BAD_USER_INPUT", "benchmark.first_out_of_range", "first"],
    [{ first: -1 }, "BAD_USER_INPUT", "benchmark.first_out_of_range", "first"],
    [{ groupBy: ["COUNCIL", "THEME", "COUNCIL"] }, "BAD_USER_INPUT", "benchmark.bad_group_by", "groupBy[2]"],
    [{ having: [{ measure: "OVERDUE" }] }, "BAD_USER_INPUT", "benchmark.bad_having", "having[0]"],
    [
      {
        having: [
          { measure: "ACTIONS", gt: 1 },
          { measure: "LAST_UPDATED_ON", gt: 3 },
        ],
      },
      "BAD_USER_INPUT",
      "benchmark.bad_having",
      "having[1].gt",
    ],
    [
      { having: [{ measure: "OVERDUE", before: "2025-01-01" }] },
      "BAD_USER_INPUT",
      "benchmark.bad_having",
      "having[0].before",
    ],
    [
      { orderBy: [{ measure: "OVERDUE", dimension: "COUNCIL" }] },
      "BAD_USER_INPUT",
      "benchmark.bad_order",
      "orderBy[0]",
    ],
    [{ orderBy: [{ direction: "DESC" }] }, "BAD_USER_INPUT", "benchmark.bad_order", "orderBy[0]"],
    [{ orderBy: [{ dimension: "THEME" }] }, "BAD_USER_INPUT", "benchmark.bad_order", "orderBy[0].dimension"],
    [{ peerGroup: "nowhere" }, "NOT_FOUND", "peer_group.not_found", "peerGroup"],
    [{ filter: { peerGroup: "nowhere" } }, "NOT_FOUND", "peer_group.not_found", "filter.peerGroup"],
    [{ filter: { councils: ["E07999999"] } }, "NOT_FOUND", "council.not_found", "filter.councils[0]"],
  ])("refuses %j with %s (%s) naming %s", async (variables, code, reason, argument) => {
    const { data, errors } = await t.execute<Result>(query, { groupBy: ["COUNCIL"], ...variables });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toMatchObject({ code, reason, argument });
  });

  describe("statement counts", () => {
    const aggregates = () => t.database.counter.statements.filter((s) => s.includes("with facts as materialized"));

    it("costs one benchmark statement, one filter lookup and one council read for Harlow's row and name", async () => {
      t.database.counter.reset();
      const { errors } =
        await t.execute(`{ benchmark(asOf: "2026-11-22", groupBy: [COUNCIL], filter: { councils: ["E07000073"] }) {
          rows { council { name gssCode } measures { actions overdue } } totals { actions overdue } } }`);
      expect(errors).toBeUndefined();
      expect(aggregates()).toHaveLength(1);
      // 1: the GSS code lookup that validates the filter; 2: the benchmark; 3: the council loader.
      expect(t.database.counter.count).toBe(3);
    });

    it("costs a constant number of statements for 19 rows with their councils and components", async () => {
      t.database.counter.reset();
      const { data, errors } = await t.execute<{
        benchmark: { rows: unknown[] };
      }>(`{ benchmark(asOf: "2026-11-22", groupBy: [COUNCIL, LGA_COMPONENT], peerGroup: "greater-essex") {
          rows { council { name gssCode county { name } } lgaComponent { name children { code } } measures { overdue } } totals { overdue } } }`);
      expect(errors).toBeUndefined();
      expect(data?.benchmark.rows).toHaveLength(19);
      expect(aggregates()).toHaveLength(1);
      // Peer group lookup, benchmark, councils (one batch), counties (one batch), themes (one read of the taxonomy).
      expect(t.database.counter.count).toBe(5);
    });

    it("costs one statement per benchmark field, however many groups", async () => {
      t.database.counter.reset();
      const { errors } = await t.execute(`{
          a: benchmark(asOf: "2026-11-22", groupBy: [COUNCIL, THEME, STATUS]) { rows { measures { actions } } }
          b: benchmark(asOf: "2024-06-30", groupBy: [REGION, COUNCIL_TYPE, DEADLINE_YEAR]) { rows { region measures { actions } } }
          c: benchmark(asOf: "2026-11-22") { totals { actions } } }`);
      expect(errors).toBeUndefined();
      expect(aggregates()).toHaveLength(3);
      expect(t.database.counter.count).toBe(3);
    });
  });
});
