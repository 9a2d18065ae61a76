import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/app.js";
import { createHttpServer } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";
import { seedDatabase } from "../../src/app/seed.js";
import { apiKeysTable } from "../../src/modules/identity/api-key.table.js";
import { bootstrapAdmin } from "../../src/modules/identity/identity.js";
import { createLogger } from "../../src/shared/logger.js";
import { adminToken, testConfig } from "../support/test-app.js";
import { createTestDatabase, databaseKind, hasSeededTemplate, type TestDatabase } from "../support/test-database.js";

const harlowText = readFileSync("seeds/plans/harlow.txt", "utf8");

interface Reply {
  status: number;
  retryAfter: string | undefined;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/**
 * Small limits, so that a test reaches them in a few requests: 3 mutation fields a minute (one
 * back every 20 s), 2 imports an hour (one back every 30 min), 3 refused credentials a minute, and
 * a query cost of 10,000 a minute (one unit back every 6 ms).
 */
const limits = {
  rateLimitMutationsPerMinute: 3,
  rateLimitImportsPerHour: 2,
  rateLimitAuthFailuresPerMinute: 3,
  rateLimitCostPerMinute: 10_000,
};

describe(`rate limits over HTTP (${databaseKind})`, () => {
  let database: TestDatabase;
  let app: App;
  let server: Server;
  let port: number;
  let now = Date.UTC(2026, 11, 1, 12);
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    const logger = createLogger("warn", (line) => void logLines.push(JSON.parse(line) as Record<string, unknown>));
    app = await createApp({ db: database.db, config: testConfig(limits), logger, clock: () => now });
    if (!hasSeededTemplate())
      await seedDatabase({ repos: app.repositories, services: app.services, projectRoot: process.cwd(), logger });
    server = createHttpServer(app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.stop();
    await database.dispose();
  });

  /**
   * One request from the given loopback address (Linux answers on all of 127/8), so that each test
   * is its own client and the tests stay independent of each other's budgets.
   */
  function send(
    from: string,
    options: { path?: string; method?: string; authorization?: string; body?: unknown } = {},
  ): Promise<Reply> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          localAddress: from,
          path: options.path ?? "/graphql",
          method: options.method ?? "POST",
          headers: {
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => {
            const retryAfter = res.headers["retry-after"];
            const json = res.headers["content-type"]?.includes("json") ? (JSON.parse(text) as Reply["body"]) : {};
            resolve({ status: res.statusCode ?? 0, retryAfter, body: json });
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  const adminKey = async (name: string) =>
    (await app.services.apiKey.create({ role: "admin", name, councils: [], expiresOn: null }, bootstrapAdmin)).token;
  const keyCount = async () => (await database.db.select({ n: count() }).from(apiKeysTable))[0]?.n;
  const createKey = (name: string) => ({
    query: `mutation($name: String!) { createApiKey(input: { role: ANALYST, name: $name }) { apiKey { name } } }`,
    variables: { name },
  });
  const importDryRun = {
    query: `mutation($input: ImportPlanInput!) { importPlan(input: $input) { outcome actions } }`,
    variables: { input: { text: harlowText, council: "E07000073", challenge: "2023-01-01", dryRun: true } },
  };

  it("answers a key's mutation past its limit with 429, Retry-After and the policy, while another key is unaffected", async () => {
    const first = await adminKey("first");
    const second = await adminKey("second");
    for (let i = 0; i < 3; i++) {
      const reply = await send("127.0.0.11", { authorization: `Bearer ${first}`, body: createKey(`one ${i}`) });
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    }
    const keysBefore = await keyCount();
    const refused = await send("127.0.0.11", { authorization: `Bearer ${first}`, body: createKey("one more") });
    expect(refused.status).toBe(429);
    // 3 a minute: one comes back every 20 s.
    expect(refused.retryAfter).toBe("20");
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: "TOO_MANY_REQUESTS",
      reason: "request.rate_limited",
      policy: "mutations",
      retryAfterSeconds: 20,
    });
    expect(refused.body.errors?.[0]?.message).toMatch(/"mutations".*3 per minute/);
    expect(await keyCount()).toBe(keysBefore);
    // The same address with another key: the budget is the key's, not the address's.
    const other = await send("127.0.0.11", { authorization: `Bearer ${second}`, body: createKey("two") });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    // Reads are not charged to the mutations budget.
    const read = await send("127.0.0.11", {
      authorization: `Bearer ${first}`,
      body: { query: "{ apiKeys(first: 1) { totalCount } }" },
    });
    expect(read.status).toBe(200);

    // Found by the key's clear prefix: the other tests' refusals are in the same log.
    const line = logLines.find((l) => l["event"] === "rate_limit.refused" && l["keyPrefix"] === first.slice(0, 13));
    expect(line).toMatchObject({ level: "warn", policy: "mutations" });
    expect(String(line?.["subject"])).toMatch(/^key:\d+$/);
    expect(typeof line?.["requestId"]).toBe("string");
    expect(JSON.stringify(logLines)).not.toContain(first);

    now += 20_000;
    const again = await send("127.0.0.11", { authorization: `Bearer ${first}`, body: createKey("after the wait") });
    expect(again.status).toBe(200);
  });

  it("charges every aliased mutation field: four in one operation are over a limit of three", async () => {
    const key = await adminKey("aliases");
    const fields = [0, 1, 2, 3].map((i) => `k${i}: createApiKey(input: { role: ANALYST, name: "alias ${i}" }) { key }`);
    const keysBefore = await keyCount();
    const reply = await send("127.0.0.12", {
      authorization: `Bearer ${key}`,
      body: { query: `mutation { ${fields.join(" ")} }` },
    });
    expect(reply.status).toBe(429);
    expect(reply.body.errors?.[0]?.extensions["policy"]).toBe("mutations");
    expect(await keyCount()).toBe(keysBefore);
    // Refused, it spent nothing: three still fit.
    const three = await send("127.0.0.12", {
      authorization: `Bearer ${key}`,
      body: { query: `mutation { ${fields.slice(0, 3).join(" ")} }` },
    });
    expect(three.status).toBe(200);
    expect(three.body.errors).toBeUndefined();
  });

  it("limits imports per key to their own, smaller budget, JSON and multipart alike", async () => {
    const key = await adminKey("importer");
    for (let i = 0; i < 2; i++) {
      const reply = await send("127.0.0.13", { authorization: `Bearer ${key}`, body: importDryRun });
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    }
    now += 20_000; // the mutations budget is back; the imports one (one every 30 min) is not
    const refused = await send("127.0.0.13", { authorization: `Bearer ${key}`, body: importDryRun });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(30 * 60 - 20));
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ reason: "request.rate_limited", policy: "imports" });

    const form = new FormData();
    form.append(
      "operations",
      JSON.stringify({
        ...importDryRun,
        variables: { input: { ...importDryRun.variables.input, text: null, file: null } },
      }),
    );
    form.append("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.append("0", new Blob([harlowText], { type: "text/plain" }), "harlow.txt");
    const multipart = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "apollo-require-preflight": "true" },
      body: form,
    });
    expect(multipart.status).toBe(429);
    expect(multipart.headers.get("retry-after")).toBe(String(30 * 60 - 20));

    // Other mutations of the same key go on: the refused imports spent nothing of that budget.
    const edit = await send("127.0.0.13", { authorization: `Bearer ${key}`, body: createKey("not an import") });
    expect(edit.status).toBe(200);
    expect(edit.body.errors).toBeUndefined();
  });

  it("blocks an address after a few refused keys, sparing requests without a key and other addresses", async () => {
    const good = await adminKey("good");
    const wrong = `${good.slice(0, -1)}${good.endsWith("a") ? "b" : "a"}`;
    for (const bad of [wrong, "cpcg_nonsense", "not-even-a-key"]) {
      const reply = await send("127.0.0.14", { authorization: `Bearer ${bad}`, body: { query: "{ __typename }" } });
      expect(reply.status).toBe(401);
    }
    // Spent: any credential from there, the right one too, is refused before it is looked at.
    const blocked = await send("127.0.0.14", { authorization: `Bearer ${good}`, body: { query: "{ __typename }" } });
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBe("20");
    expect(blocked.body.errors?.[0]?.extensions).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      reason: "request.rate_limited",
      policy: "auth_failures",
    });
    const csv = await send("127.0.0.14", {
      method: "GET",
      path: "/export/benchmark.csv?groupBy=COUNCIL",
      authorization: `Bearer ${good}`,
    });
    expect(csv.status).toBe(429);
    expect(csv.retryAfter).toBe("20");
    // Without a credential the address still reads published data.
    const anonymous = await send("127.0.0.14", { body: { query: "{ __typename }" } });
    expect(anonymous.status).toBe(200);
    // The good key from elsewhere is served.
    const elsewhere = await send("127.0.0.15", {
      authorization: `Bearer ${good}`,
      body: { query: "{ apiKeys(first: 1) { totalCount } }" },
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.errors).toBeUndefined();

    now += 20_000;
    const after = await send("127.0.0.14", {
      authorization: `Bearer ${good}`,
      body: { query: "{ apiKeys(first: 1) { totalCount } }" },
    });
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    // Each refusal is logged by the identity module with the request id and the clear prefix only.
    const refusal = logLines.find((l) => l["event"] === "auth.refused" && l["prefix"] === wrong.slice(0, 13));
    expect(typeof refusal?.["requestId"]).toBe("string");
    expect(JSON.stringify(logLines)).not.toContain(wrong);
    expect(
      logLines.find((l) => l["event"] === "rate_limit.refused" && l["keyPrefix"] === good.slice(0, 13)),
    ).toMatchObject({ policy: "auth_failures", clientAddress: "127.0.0.14" });
  });

  it("counts ADMIN_TOKEN's mutations by address, since it has no key row to count by", async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await send("127.0.0.16", { authorization: `Bearer ${adminToken}`, body: createKey(`token ${i}`) });
      expect(reply.status).toBe(200);
    }
    const refused = await send("127.0.0.16", { authorization: `Bearer ${adminToken}`, body: createKey("token 4") });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions["policy"]).toBe("mutations");
    const fromElsewhere = await send("127.0.0.17", {
      authorization: `Bearer ${adminToken}`,
      body: createKey("token 5"),
    });
    expect(fromElsewhere.status).toBe(200);
  });

  it("spends each client's query-cost budget by what its operations cost, then answers 429 until it refills", async () => {
    // 4303 each (test/app/query-cost.test.ts works it out): two fit in 10,000, a third does not.
    const matrix = {
      query: `{ benchmark(asOf: "2026-11-22", groupBy: [COUNCIL, THEME]) { rowCount rows { council { name } theme { code } measures { actions overdue overdueRate } } totals { actions overdue } } }`,
    };
    const first = await send("127.0.0.18", { body: matrix });
    expect(first.status).toBe(200);
    expect((first.body as { extensions?: { cost?: unknown } }).extensions?.cost).toMatchObject({
      requested: 4303,
      budget: { perMinute: 10_000, remaining: 10_000 - 4303 },
    });
    const second = await send("127.0.0.18", { body: matrix });
    expect((second.body as { extensions?: { cost?: unknown } }).extensions?.cost).toMatchObject({
      budget: { remaining: 10_000 - 2 * 4303 },
    });
    const refused = await send("127.0.0.18", { body: matrix });
    expect(refused.status).toBe(429);
    // 1394 units left, 4303 wanted: 2909 more at 6 ms each is 17.454 s, rounded up.
    expect(refused.retryAfter).toBe("18");
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: "TOO_MANY_REQUESTS",
      reason: "request.rate_limited",
      policy: "query_cost",
      retryAfterSeconds: 18,
    });
    expect(refused.body.data).toBeUndefined();
    // A cheap read still fits what is left; another client's budget is its own.
    expect((await send("127.0.0.18", { body: { query: `{ council(gssCode: "E07000073") { name } }` } })).status).toBe(
      200,
    );
    expect((await send("127.0.0.19", { body: matrix })).status).toBe(200);
    now += 18_000;
    expect((await send("127.0.0.18", { body: matrix })).status).toBe(200);
  });
});
