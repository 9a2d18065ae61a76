import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

interface Answer {
  data: Record<string, unknown> | null | undefined;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
  cost: Record<string, unknown> | undefined;
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join("\n");

describe(`the cost of an operation, bounded before it runs (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** Runs one operation and returns its data, errors and `extensions.cost`, counting its SQL statements from zero. */
  async function run(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    t.database.counter.reset();
    const response = await t.app.server.executeOperation(
      { query, ...(variables ? { variables } : {}) },
      { contextValue: await t.app.createContext({ authorization: undefined }) },
    );
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors, cost: extensions?.["cost"] as Record<string, unknown> | undefined };
  }

  /** One coded refusal, no data, and not one SQL statement issued. */
  function expectRefusedBeforeSql(answer: Answer, reason: string, figures: Record<string, number>) {
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", reason, ...figures });
    expect(t.database.counter.count).toBe(0);
  }

  it("lets the national council × sub-theme matrix through at the default limits, and says what it cost", async () => {
    const answer = await run(`{
      benchmark(asOf: "2026-11-22", groupBy: [COUNCIL, THEME]) {
        rowCount
        rows { council { name } theme { code } measures { actions overdue overdueRate } }
        totals { actions overdue }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.["benchmark"] as { rowCount: number }).rowCount).toBeGreaterThan(0);
    // benchmark 1 + 100 × (2 dimensions + 1) = 301; rows 1 + min(1000, 332 × 23) × (1 + council 1
    // + theme 1 + measures 1) = 4001; totals 1; rowCount, a leaf, 0.
    expect(answer.cost).toEqual({
      requested: 4303,
      limit: 50_000,
      rootFields: 1,
      rootFieldLimit: 50,
      benchmarks: 1,
      benchmarkLimit: 20,
    });
  });

  it.each([
    ["a cheap lookup", `council(gssCode: "E07000073") { name }`],
    ["actions(first: 100)", `actions(first: 100) { totalCount nodes { id text } }`],
    ["the smallest root selection", `themes { id }`],
  ])("refuses 1,000 aliases of %s in the parser, before validation and any SQL", async (_name, field) => {
    const answer = await run(`{ ${aliases(1000, field)} }`);
    expect(answer.data).toBeUndefined();
    // 1,000 × at least 6 tokens (`a0 : themes { id }`) against MAX_QUERY_TOKENS, 5,000.
    expect(answer.errors?.map((e) => e.extensions)).toEqual([
      { code: "GRAPHQL_PARSE_FAILED", reason: "request.too_many_tokens", maxTokens: 5000 },
    ]);
    expect(answer.errors?.[0]?.message).toBe(
      "The document holds more than 5000 tokens, the most allowed (MAX_QUERY_TOKENS): ask for fewer fields or aliases",
    );
    expect(t.database.counter.count).toBe(0);
    // Never measured: the cost model sees only documents that parse.
    expect(answer.cost).toMatchObject({ requested: 0, rootFields: 0 });
  });

  it("refuses 51 aliases of a cheap lookup before any SQL runs (the root-field cap)", async () => {
    const answer = await run(`{ ${aliases(51, `council(gssCode: "E07000073") { name }`)} }`);
    expectRefusedBeforeSql(answer, "request.too_many_root_fields", { rootFields: 51, maxRootFields: 50 });
    expect(answer.cost).toMatchObject({ requested: 51, rootFields: 51 });
  });

  it("refuses 21 benchmarks in one operation, though 21 root fields are allowed", async () => {
    const answer = await run(`{ ${aliases(21, `benchmark(groupBy: [COUNCIL, LGA_COMPONENT]) { rowCount }`)} }`);
    expectRefusedBeforeSql(answer, "request.too_many_benchmarks", { benchmarks: 21, maxBenchmarks: 20 });
    // Each: 1 + 100 × 3; rowCount is a leaf.
    expect(answer.cost).toMatchObject({ requested: 21 * 301, rootFields: 21, benchmarks: 21 });
  });

  it("answers 20 benchmarks, the most one operation may ask for", async () => {
    const answer = await run(`{ ${aliases(20, `benchmark(groupBy: [COUNCIL, LGA_COMPONENT]) { rowCount }`)} }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.cost).toMatchObject({ requested: 20 * 301, benchmarks: 20 });
  });

  it("counts a comparison once per peer group and day, however many councils ask for it", async () => {
    const answer = await run(`{
      councils(first: 100) { nodes { comparison(peerGroup: "greater-essex", asOf: "2026-11-22") { overall { rank } } } }
      essex: councils(first: 10) { nodes { comparison(peerGroup: "greater-essex", asOf: "2026-11-22") { overall { rank } } } }
      other: council(gssCode: "E07000073") { comparison(peerGroup: "greater-essex", asOf: "2025-11-22") { overall { rank } } }
    }`);
    expect(answer.errors).toBeUndefined();
    // A council's comparison: 1 + 50 + overall 1 = 52. councils: 1 + nodes (1 + 100 × (1 + 52)) = 5302;
    // essex: 1 + (1 + 10 × 53) = 532; other: council 1 + 52 = 53.
    expect(answer.cost).toMatchObject({ requested: 5302 + 532 + 53, rootFields: 3, benchmarks: 2 });
  });

  it("charges a series per period and per grouped dimension", async () => {
    const answer = await run(`{
      benchmarkSeries(from: "2025-01-01", to: "2025-12-31", interval: QUARTER, groupBy: [LGA_COMPONENT]) {
        points { rows { measures { overdue } } totals { overdue } }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.["benchmarkSeries"] as { points: unknown[] }).points).toHaveLength(4);
    // Four quarters: 1 + 100 × 2 × 4 = 801; points 1 + 4 × (1 + rows (1 + 6 × (1 + 1)) + totals 1) = 61.
    expect(answer.cost).toMatchObject({ requested: 862, benchmarks: 1 });
  });

  it("reads page sizes from the variables", async () => {
    const query = `query ($n: Int) { actions(first: $n) { nodes { id } } }`;
    // actions 1 + nodes (1 + n × 1).
    expect((await run(query, { n: 5 })).cost).toMatchObject({ requested: 7 });
    expect((await run(query, { n: 100 })).cost).toMatchObject({ requested: 102 });
    // Without first, the default page of 20.
    expect((await run(query, {})).cost).toMatchObject({ requested: 22 });
  });

  it("reads a variable's default when the request leaves it out, and the variable when it is sent", async () => {
    const query = `query ($n: Int = 5) { actions(first: $n) { nodes { id } } }`;
    expect((await run(query)).cost).toMatchObject({ requested: 7 });
    expect((await run(query, { n: 100 })).cost).toMatchObject({ requested: 102 });
    // A series whose days are defaults is charged for its four quarters, not for the longest series.
    const series = `query ($from: LocalDate! = "2025-01-01", $to: LocalDate! = "2025-12-31") {
      benchmarkSeries(from: $from, to: $to, interval: QUARTER, groupBy: [LGA_COMPONENT]) {
        points { rows { measures { overdue } } totals { overdue } }
      }
    }`;
    expect((await run(series)).cost).toMatchObject({ requested: 862, benchmarks: 1 });
  });

  it("refuses nested lists that multiply past the limit, saying the estimate, before any SQL runs", async () => {
    const answer = await run(`{ councils(first: 100) { nodes { peerGroups { members { peerGroups { name } } } } } }`);
    // peerGroups {name} 1 + 6 = 7; members 1 + 50 × 8 = 401; peerGroups 1 + 6 × 402 = 2413;
    // nodes 1 + 100 × 2414 = 241401; councils 1 more.
    expectRefusedBeforeSql(answer, "request.cost_exceeded", { cost: 241_402, maxCost: 50_000 });
  });

  it("puts extensions.cost on an answer that failed to parse, at nothing", async () => {
    const answer = await run(`{ councils( }`);
    expect(answer.errors?.[0]?.extensions?.["reason"]).toBe("request.parse_failed");
    expect(answer.cost).toMatchObject({ requested: 0, rootFields: 0, benchmarks: 0 });
  });
});
