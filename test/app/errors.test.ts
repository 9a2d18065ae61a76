import "reflect-metadata";
import { sql } from "drizzle-orm";
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureOperation } from "../../src/app/query-cost.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

describe(`bad input gets a clear, coded error (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const firstError = async (query: string, variables?: Record<string, unknown>) => {
    const { data, errors } = await t.execute(query, variables);
    expect(errors).toHaveLength(1);
    return { data, error: errors?.[0] };
  };

  it("names the unknown GSS code and where it was given", async () => {
    const { error } = await firstError(`{ actions(filter: { councils: ["E07000073", "E07999999"] }) { totalCount } }`);
    expect(error?.extensions).toEqual({
      code: "NOT_FOUND",
      reason: "council.not_found",
      argument: "filter.councils[1]",
    });
    expect(error?.message).toContain("E07999999");
  });

  it("answers the other aliased council lookups when one GSS code is unknown, with an error at its path", async () => {
    const { data, errors } = await t.execute(
      `{ a: council(gssCode: "E07000073") { name } b: council(gssCode: "E07999999") { name } c: council(slug: "southend-on-sea") { name } }`,
    );
    expect(data).toEqual({ a: { name: "Harlow" }, b: null, c: { name: "Southend-on-Sea" } });
    expect(errors).toEqual([
      {
        message: expect.stringContaining("E07999999") as string,
        locations: [{ line: 1, column: 45 }],
        path: ["b"],
        extensions: { code: "NOT_FOUND", reason: "council.not_found", argument: "gssCode" },
      },
    ]);
  });

  it("answers the other aliased node lookups when one global ID names nothing", async () => {
    const lookup = await t.execute<{ council: { id: string } }>(`{ council(gssCode: "E07000073") { id } }`);
    const harlowId = lookup.data?.council.id ?? "";
    const missingId = Buffer.from("Council:999999").toString("base64url");
    const { data, errors } = await t.execute(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Council { gssCode } } b: node(id: $b) { id } }`,
      { a: harlowId, b: missingId },
    );
    expect(data).toEqual({ a: { gssCode: "E07000073" }, b: null });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject({
      path: ["b"],
      extensions: { code: "NOT_FOUND", reason: "node.not_found", argument: "id" },
    });
  });

  it("answers the other aliased peer group and theme lookups when one of each is unknown", async () => {
    const { data, errors } = await t.execute(
      `{ g: peerGroup(slug: "greater-essex") { name } h: peerGroup(slug: "nowhere") { name }
         s: theme(code: "governance-culture") { name } u: theme(code: "no-such-theme") { name } }`,
    );
    expect(data).toEqual({
      g: { name: "Greater Essex" },
      h: null,
      s: { name: "Governance and culture" },
      u: null,
    });
    expect(errors?.map((e) => [e.path, e.extensions?.["code"], e.extensions?.["reason"]])).toEqual([
      [["h"], "NOT_FOUND", "peer_group.not_found"],
      [["u"], "NOT_FOUND", "theme.not_found"],
    ]);
  });

  it("rejects a malformed GSS code for a single council lookup", async () => {
    const { error } = await firstError(`{ council(gssCode: "harlow") { name } }`);
    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "council.bad_gss_code", argument: "gssCode" });
  });

  it("rejects a malformed date literal with its line and column", async () => {
    const { error } = await firstError(`{\n  actions(asOf: "2024-02-30") { totalCount }\n}`);
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "input.invalid_date" });
    expect(error?.locations).toEqual([{ line: 2, column: 17 }]);
  });

  it("rejects a malformed date variable", async () => {
    const { error } = await firstError(`query($d: LocalDate) { actions(asOf: $d) { totalCount } }`, {
      d: "30/06/2024",
    });
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "input.invalid_date" });
  });

  it("rejects first above 100", async () => {
    const { error } = await firstError(`{ councils(first: 1000) { totalCount } }`);
    expect(error?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "pagination.first_out_of_range",
      argument: "first",
    });
  });

  it("rejects a cursor it did not issue", async () => {
    const { error } = await firstError(`{ councils(after: "bm9wZQ") { totalCount } }`);
    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "pagination.bad_cursor", argument: "after" });
  });

  it("rejects unknown peer groups and theme codes by name", async () => {
    const group = await firstError(`{ actions(filter: { peerGroup: "atlantis" }) { totalCount } }`);
    expect(group.error?.extensions).toEqual({
      code: "NOT_FOUND",
      reason: "peer_group.not_found",
      argument: "filter.peerGroup",
    });
    const theme = await firstError(`{ recommendations(filter: { themes: ["finance", "nope"] }) { totalCount } }`);
    expect(theme.error?.extensions).toEqual({
      code: "NOT_FOUND",
      reason: "theme.not_found",
      argument: "filter.themes[1]",
    });
  });

  it("rejects a global ID it did not issue, and a well-formed one that names nothing", async () => {
    const bad = await firstError(`{ node(id: "not-an-id") { id } }`);
    expect(bad.error?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "node.bad_id", argument: "id" });
    const missing = await firstError(`{ node(id: "${Buffer.from("Council:999999").toString("base64url")}") { id } }`);
    expect(missing.error?.extensions).toEqual({ code: "NOT_FOUND", reason: "node.not_found", argument: "id" });
  });

  it("refuses queries nested deeper than the limit before running them", async () => {
    t.database.counter.reset();
    // 13 fields deep (the limit is 12): councils nodes peerChallenges … county county county county name.
    const deep = `{ councils(first: 1) { nodes { peerChallenges { recommendations { actions { recommendation { peerChallenge { council { county { county { county { county { name } } } } } } } } } } } } }`;
    const { error } = await firstError(deep);
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reason: "request.depth_exceeded" });
    expect(t.database.counter.count).toBe(0);
  });

  it("lets the explorer's introspection query through, as ofType wrappers do not count as depth", async () => {
    const { data, errors } = await t.execute(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect((data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe("Query");
  });

  it("still counts introspection fields that fan out: fields of types of fields … 13 deep is refused", async () => {
    const fan = "fields { type { ".repeat(6) + "name" + " } }".repeat(6);
    const { errors } = await t.execute(`{ __schema { types { ${fan} } } }`);
    expect(errors?.map((error) => error.extensions?.["reason"])).toContain("request.depth_exceeded");
  });

  it("refuses queries whose nested lists would explode in breadth, before running them", async () => {
    t.database.counter.reset();
    // Only 11 deep, but council → peer groups → members → peer groups … multiplies to millions of fields.
    const wide = `{ councils(first: 1) { nodes { peerGroups { members { peerGroups { members { peerGroups { members { county { county { name } } } } } } } } } } }`;
    const { error } = await firstError(wide);
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", reason: "request.cost_exceeded" });
    expect(t.database.counter.count).toBe(0);
  });

  it("refuses NUL characters in text arguments by name instead of failing in SQL", async () => {
    const search = await firstError(`query($s: String) { actions(filter: { search: $s }) { totalCount } }`, {
      s: "a\u0000b",
    });
    expect(search.error?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "input.invalid",
      argument: "filter.search",
    });
    const slug = await firstError(`query($s: String!) { peerGroup(slug: $s) { name } }`, { s: "greater\u0000essex" });
    expect(slug.error?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "input.invalid", argument: "slug" });
  });

  it("refuses list filters longer than 500 entries", async () => {
    const { error } = await firstError(`query($t: [String!]) { councils(filter: { types: $t }) { totalCount } }`, {
      t: Array.from({ length: 70_000 }, () => "NMD"),
    });
    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "input.invalid", argument: "filter.types" });
  });

  it("refuses a date window that ends before it starts", async () => {
    const challenges = await firstError(
      `{ peerChallenges(filter: { heldFrom: "2025-01-01", heldTo: "2024-01-01" }) { totalCount } }`,
    );
    expect(challenges.error?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "input.invalid",
      argument: "filter.heldFrom",
    });
    const actions = await firstError(
      `{ actions(filter: { deadlineFrom: "2025-01-01", deadlineTo: "2024-01-01" }) { totalCount } }`,
    );
    expect(actions.error?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "input.invalid",
      argument: "filter.deadlineFrom",
    });
  });

  it("refuses judging statuses on more than 31 different days in one request", async () => {
    const days = Array.from({ length: 32 }, (_, i) => `d${i}: status(asOf: "${2000 + i}-01-01")`).join(" ");
    const { errors } = await t.execute(`{ actions(first: 1) { nodes { ${days} } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "request.too_many_dates" });
  });

  it("masks an unexpected failure as a generic internal error with no detail", async () => {
    // A real failure the service cannot anticipate: the table behind peer groups is gone.
    await t.database.db.execute(sql`alter table peer_groups rename to peer_groups_gone`);
    try {
      const { error } = await firstError(`{ peerGroups { totalCount } }`);
      expect(error?.message).toBe("Internal server error");
      expect(error?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", reason: "internal" });
      expect(JSON.stringify(error)).not.toMatch(/peer_groups|relation|select/i);
    } finally {
      await t.database.db.execute(sql`alter table peer_groups_gone rename to peer_groups`);
    }
  });
});

describe("operation guards on hostile queries", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  /** `F24 { ...F23 ...F23 }` … `F1 { name }`: 2^24 spreads if each is walked anew. */
  function fragmentBomb(levels: number): string {
    const fragments = ["fragment F0 on Council { name }"];
    for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Council { ...F${i - 1} ...F${i - 1} }`);
    return `{ council(gssCode: "E07000073") { ...F${levels} } }\n${fragments.join("\n")}`;
  }

  it("measures a nested-fragment bomb as graphql-js executes it, each fragment once, and answers it", async () => {
    // 2^40 spreads walked one by one would never finish; merged by response key, they are one field.
    const response = await t.app.server.executeOperation(
      { query: fragmentBomb(40) },
      { contextValue: await t.app.createContext({ authorization: undefined }) },
    );
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    // It ran (this database holds no councils), as the same lookup without fragments does.
    expect(response.body.singleResult.data).toEqual({ council: null });
    expect(response.body.singleResult.errors?.[0]?.extensions).toMatchObject({ reason: "council.not_found" });
    expect(response.body.singleResult.extensions?.["cost"]).toMatchObject({ requested: 1, rootFields: 1 });
  });

  it("reads each fragment of a nested-fragment bomb a bounded number of times, not once per spread", () => {
    // Counts work instead of waiting for a timeout: 20 levels are 2^20 spreads if each is walked
    // anew, yet the estimate follows each of the 21 fragments once (a fragment spread twice in one
    // selection is one set of fields, as graphql-js executes it).
    const document = parse(fragmentBomb(20));
    let reads = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const selectionSet = definition.selectionSet;
      Object.defineProperty(definition, "selectionSet", {
        get() {
          reads += 1;
          return selectionSet;
        },
      });
    }
    const operation = document.definitions[0] as OperationDefinitionNode;
    const measured = measureOperation({ schema: t.app.schema, document, operation, variables: undefined });
    // council (1) with only its name below: the 2^20 spreads of F0's one leaf merge into that leaf.
    expect(measured).toEqual({ cost: 1, rootFields: 1, benchmarks: 0 });
    expect(reads).toBeLessThanOrEqual(21);
  });

  it("does not let a negative first lower the estimate of the whole operation", async () => {
    const wide = `a: councils(first: 1) { nodes { peerGroups { members { peerGroups { members { peerGroups { name } } } } } } }`;
    const { errors } = await t.execute(`{ ${wide} b: councils(first: -1000000000) { nodes { name } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      reason: "request.cost_exceeded",
    });
  });
});
