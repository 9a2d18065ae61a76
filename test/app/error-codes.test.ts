import { readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";
import { errorClasses, registeredErrorCodes } from "../../src/shared/errors/error-code.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

const sourceFiles = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));

/** `| \`reason\` | \`CLASS\` | argument | cause |` rows of the README's Errors section. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(
    readme.indexOf("\n## Errors\n"),
    readme.indexOf("\n## ", readme.indexOf("\n## Errors\n") + 1),
  );
  const rows = [...section.matchAll(/^\| `([a-z_.]+)` \| `([A-Z_]+)` \|/gm)].map(
    (m) => [m[1] ?? "", m[2] ?? ""] as const,
  );
  const table = new Map(rows);
  expect(table.size, "a reason is listed twice in the README").toBe(rows.length);
  return table;
}

describe("the error codes", () => {
  beforeAll(async () => {
    // Every declaration, whether or not the server itself loads it (the CLI's import.file_not_found).
    for (const file of sourceFiles.filter((f) => f.endsWith(".errors.ts"))) await import(path.resolve("src", file));
  });

  it("are declared only in *.errors.ts files, each with its class", () => {
    const declaring = sourceFiles.filter((f) =>
      readFileSync(path.join("src", f), "utf8").includes("defineErrorCodes({"),
    );
    expect(declaring.length).toBeGreaterThan(5);
    for (const file of declaring) expect(file).toMatch(/\.errors\.ts$/);
  });

  it("are exactly the codes the README's table lists, with the same classes", () => {
    const registered = new Map(registeredErrorCodes().map((c) => [c.reason, c.errorClass]));
    expect(Object.fromEntries(readmeTable())).toEqual(Object.fromEntries(registered));
  });

  it("use the standard classes", () => {
    for (const code of registeredErrorCodes()) expect(errorClasses).toContain(code.errorClass);
    expect(registeredErrorCodes().find((c) => c.reason === "council.not_found")?.errorClass).toBe("NOT_FOUND");
    expect(registeredErrorCodes().find((c) => c.reason === "auth.admin_required")?.errorClass).toBe("UNAUTHENTICATED");
  });
});

describe(`errors in practice carry a class and a reason the README lists (${databaseKind})`, () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  const listed = readmeTable();

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    server = createHttpServer(t.app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  interface ErrorBody {
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }

  async function firstError(response: Response) {
    const body = (await response.json()) as ErrorBody;
    expect(body.errors).toHaveLength(1);
    const extensions = body.errors?.[0]?.extensions ?? {};
    // Whatever the case, the pair is one the README documents.
    expect(listed.get(String(extensions["reason"]))).toBe(extensions["code"]);
    return { status: response.status, extensions };
  }

  const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${base}/graphql`, { method: "POST", headers, body });
  const postQuery = (query: string, extra: Record<string, unknown> = {}) => post(JSON.stringify({ query, ...extra }));

  it.each([
    ["a resolver's miss", `{ council(gssCode: "E07999999") { name } }`, {}, "NOT_FOUND", "council.not_found"],
    [
      "a page too large",
      `{ councils(first: 101) { totalCount } }`,
      {},
      "BAD_USER_INPUT",
      "pagination.first_out_of_range",
    ],
    ["a syntax error", `{ councils { totalCount }`, {}, "GRAPHQL_PARSE_FAILED", "request.parse_failed"],
    ["an unknown field", `{ nope }`, {}, "GRAPHQL_VALIDATION_FAILED", "request.validation_failed"],
    [
      "a missing variable",
      `query($n: Int!) { councils(first: $n) { totalCount } }`,
      {},
      "BAD_USER_INPUT",
      "request.bad_variables",
    ],
    [
      "an operation name that names nothing",
      `query A { councils { totalCount } }`,
      { operationName: "B" },
      "OPERATION_RESOLUTION_FAILURE",
      "request.unknown_operation",
    ],
    [
      "a date literal, which the registry classes as input whatever graphql-js calls it",
      `{ actions(asOf: "2024-02-30") { totalCount } }`,
      {},
      "BAD_USER_INPUT",
      "input.invalid_date",
    ],
    [
      "a persisted-query hash never seen",
      undefined,
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      "PERSISTED_QUERY_NOT_FOUND",
      "request.persisted_query_not_found",
    ],
    [
      "a persisted-query hash that is not the query's (Apollo's own bare error, found by the fault suite's fuzzer)",
      "{ councils { totalCount } }",
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      "BAD_REQUEST",
      "request.bad_request",
    ],
    [
      "a persisted-query version Apollo does not know",
      "{ councils { totalCount } }",
      { extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } } },
      "BAD_REQUEST",
      "request.bad_request",
    ],
  ])("%s", async (_case, query, extra, code, reason) => {
    const { extensions } = await firstError(await postQuery(query as string, extra));
    expect(extensions).toMatchObject({ code, reason });
  });

  it("gives Apollo's CSRF refusal a reason", async () => {
    const { status, extensions } = await firstError(
      await post(JSON.stringify({ query: "{ councils { totalCount } }" }), { "content-type": "text/plain" }),
    );
    expect(status).toBe(400);
    expect(extensions).toEqual({ code: "BAD_REQUEST", reason: "request.bad_request" });
  });

  it("answers an unknown path with 404 and the same shape", async () => {
    const { status, extensions } = await firstError(await fetch(`${base}/nope`));
    expect(status).toBe(404);
    expect(extensions).toEqual({ code: "NOT_FOUND", reason: "request.not_found" });
  });

  it("answers a malformed JSON body with 400 and the same shape", async () => {
    const { status, extensions } = await firstError(await post("{ not json"));
    expect(status).toBe(400);
    expect(extensions).toEqual({ code: "BAD_REQUEST", reason: "request.bad_json" });
  });

  it("answers a bad CSV parameter with 400 and the same shape", async () => {
    const { status, extensions } = await firstError(await fetch(`${base}/export/benchmark.csv?first=x`));
    expect(status).toBe(400);
    expect(extensions).toEqual({ code: "BAD_USER_INPUT", reason: "benchmark.bad_parameter", argument: "first" });
  });

  it("refuses importPlan without the token as UNAUTHENTICATED", async () => {
    const { extensions } = await firstError(
      await postQuery(`mutation { importPlan(input: { text: "x", council: "E07000073" }) { outcome } }`),
    );
    expect(extensions).toEqual({ code: "UNAUTHENTICATED", reason: "auth.required", argument: "Authorization" });
  });
});
