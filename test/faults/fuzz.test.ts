import { readFileSync } from "node:fs";
import fc from "fast-check";
import { report } from "./support/load.js";
import { describe, expect, it } from "vitest";
import { runningService } from "../support/entry-point.js";

const runs = 20_000;
const seed = Number(process.env["FAULTS_SEED"] ?? 20261204);

/** The README's GraphQL examples: real operations, the starting points the fuzzer mutates. */
const examples = [...readFileSync("README.md", "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const mutations = [
  `mutation { recordProgress(input: { action: "QWN0aW9uOjE=", status: COMPLETE, note: "x", recordedOn: "2026-01-01", expectedVersion: 1 }) { id } }`,
  `mutation { importPlan(input: { council: "E07000073", text: "1. Do a thing\\n- Lead: CEO" }) { outcome } }`,
  `mutation { createPeerGroup(input: { name: "x", members: ["E07000073"] }) { id } }`,
  `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`,
];

// Values a hostile client sends where the schema expects something else.
const hostileScalar = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "E07000073\u0000",
    "'; drop table councils; --",
    "%",
    "_",
    "\\",
    "\uFFFF",
    "\uD800",
    "9999-99-99",
    "2026-02-30",
    "0000-01-01",
    "-1",
    "1e309",
    "NaN",
  ),
  fc.integer(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e300, -0.5, 0),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 5000 }).map((s) => s.repeat(3)),
);
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileScalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;
const literal = fc.oneof(
  hostileScalar.map((v) => JSON.stringify(v) ?? "null"),
  fc.constantFrom(
    "COUNCIL",
    "LGA_COMPONENT",
    "OVERDUE",
    "true",
    "null",
    "[]",
    "{}",
    "$v",
    "[1, 2]",
    "{ a: 1 }",
    "-",
    "0x10",
  ),
);

/** A text edit of a valid operation: the kinds of damage a hand-written or generated query has. */
const editedSource = fc
  .tuple(
    fc.constantFrom(...examples, ...mutations),
    fc.nat(),
    fc.nat(),
    literal,
    // Most edits keep the operation valid or nearly so: a fuzzer whose every request fails to parse tests little.
    fc.constantFrom(
      "delete",
      "insert",
      "replaceValue",
      "replaceValue",
      "replaceValue",
      "duplicate",
      "truncate",
      "alias",
      "alias",
      "none",
      "none",
      "none",
      "none",
    ),
  )
  .map(([source, a, b, value, edit]) => {
    const i = a % Math.max(1, source.length);
    const j = b % Math.max(1, source.length);
    switch (edit) {
      case "delete":
        return source.slice(0, Math.min(i, j)) + source.slice(Math.max(i, j));
      case "insert":
        return source.slice(0, i) + value + source.slice(i);
      case "replaceValue":
        // The first literal after position i: a string, number or enum value.
        return source.slice(0, i) + source.slice(i).replace(/"[^"]*"|\b-?\d+(\.\d+)?\b|\b[A-Z][A-Z_]+\b/, value);
      case "duplicate":
        return source.slice(0, j) + source.slice(Math.min(i, j), Math.max(i, j)) + source.slice(j);
      case "truncate":
        return source.slice(0, i);
      case "alias":
        return source.replace(
          /\{\s*([a-z]\w*)/,
          (_m, field: string) =>
            `{ ${Array.from({ length: 1 + (j % 60) }, (_, k) => `x${k}: ${field}`).join(" ")} ${field}`,
        );
      default:
        return source;
    }
  });

interface FuzzRequest {
  method: "GET" | "POST";
  contentType: string;
  body: string | undefined;
  search: string;
  authorization: string | undefined;
}

const request: fc.Arbitrary<FuzzRequest> = fc
  .record({
    query: editedSource,
    variables: fc.option(
      fc.dictionary(fc.constantFrom("v", "i", "n", "first", "after", "asOf", "council"), hostileJson, { maxKeys: 3 }),
    ),
    operationName: fc.oneof(
      { arbitrary: fc.constant(null), weight: 9 },
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
    ),
    shape: fc.constantFrom("json", "json", "json", "batch", "get", "badJson", "form", "extensions"),
    // Mostly anonymous, as most readers are: a refused credential ends a request before GraphQL runs.
    authorization: fc.oneof(
      { arbitrary: fc.constant(null), weight: 9 },
      fc.constantFrom(
        "Bearer x",
        "Bearer cpcg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Basic Zm9vOmJhcg==",
        "Bearer  cpcg_",
      ),
    ),
  })
  .map(({ query, variables, operationName, shape, authorization }): FuzzRequest => {
    const payload = {
      query,
      ...(variables ? { variables } : {}),
      ...(operationName !== null ? { operationName } : {}),
    };
    const base = { authorization: authorization ?? undefined, search: "" };
    switch (shape) {
      case "batch":
        return { ...base, method: "POST", contentType: "application/json", body: JSON.stringify([payload, payload]) };
      case "get":
        return {
          ...base,
          method: "GET",
          contentType: "application/json",
          body: undefined,
          search: `?${String(new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) }))}`,
        };
      case "badJson":
        return {
          ...base,
          method: "POST",
          contentType: "application/json",
          body: JSON.stringify(payload).slice(0, -1 - (query.length % 5)),
        };
      case "form":
        return {
          ...base,
          method: "POST",
          contentType: "application/x-www-form-urlencoded",
          body: `query=${encodeURIComponent(query)}`,
        };
      case "extensions":
        return {
          ...base,
          method: "POST",
          contentType: "application/json",
          body: JSON.stringify({
            ...payload,
            extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
          }),
        };
      default:
        return { ...base, method: "POST", contentType: "application/json", body: JSON.stringify(payload) };
    }
  });

/** 20,000 generated requests, mutated from valid operations with hostile variables: none may be answered `internal` or 5xx but 503. */
describe("fuzzed requests", () => {
  const { entry } = runningService({
    RATE_LIMIT_COST_PER_MINUTE: "0",
    RATE_LIMIT_MUTATIONS_PER_MINUTE: "0",
    RATE_LIMIT_IMPORTS_PER_HOUR: "0",
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: "0",
  });

  it(`answers ${runs} of them (seed ${seed}) with no internal error and no 5xx`, async () => {
    expect(examples.length).toBeGreaterThan(10);
    const requests = fc.sample(request, { numRuns: runs, seed });
    const bad: { status: number; body: string; request: FuzzRequest }[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < requests.length) {
          const sent = requests[next++];
          if (!sent) break;
          const response = await fetch(`${entry().base}/graphql${sent.search}`, {
            method: sent.method,
            headers: {
              "content-type": sent.contentType,
              "apollo-require-preflight": "true",
              ...(sent.authorization ? { authorization: sent.authorization } : {}),
            },
            body: sent.body,
            signal: AbortSignal.timeout(30_000),
          });
          const body = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const failed = (response.status >= 500 && response.status !== 503) || /"reason":"internal"/.test(body);
          if (failed && bad.length < 20) bad.push({ status: response.status, body: body.slice(0, 500), request: sent });
        }
      }),
    );
    report(`fuzz: ${runs} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(bad).toEqual([]);
    // The service logged no unexpected error either.
    expect(
      entry()
        .lines()
        .filter((line) => line.level === "error"),
    ).toEqual([]);
    // Not all refused: a fuzzer whose every request fails to parse tests little.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(runs / 10);
  }, 900_000);
});
