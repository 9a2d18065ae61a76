import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/app.js";
import * as schema from "../../src/shared/database/database.schema.js";
import { createLogger } from "../../src/shared/logger.js";
import { databaseFailureOf } from "../../src/shared/database/database-failure.js";
import { rowsOf } from "../../src/shared/database/result-rows.js";
import { generateToken } from "../../src/modules/identity/api-key.token.js";
import { createTestApp, testConfig, type TestApp } from "../support/test-app.js";
import { databaseKind, serverUrl } from "../support/test-database.js";
import { postGraphql, serveOverHttp } from "../support/http-app.js";

interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const deadlineMs = 400;

/** Polls `check` every 25 ms until it holds, for at most `limitMs`; returns whether it did. */
async function eventually(check: () => Promise<boolean>, limitMs = 5000): Promise<boolean> {
  for (const until = Date.now() + limitMs; Date.now() < until;) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe(`a request held up past its deadline (${databaseKind})`, () => {
  let t: TestApp;
  let http: Awaited<ReturnType<typeof serveOverHttp>>;
  let release: () => Promise<void>;
  // How many of the service's statements are waiting on the test's lock (PostgreSQL only).
  let waiting: () => Promise<number>;

  beforeEach(async () => {
    t = await createTestApp({ config: { requestDeadlineMs: deadlineMs } });
    http = await serveOverHttp(t.app);
    if (serverUrl) {
      // Another session holds the councils table: the service's statements queue behind its lock.
      const url = new URL(serverUrl);
      const name = String(rowsOf(await t.database.db.execute(sql`select current_database() as name`))[0]?.["name"]);
      url.pathname = `/${name}`;
      const holder = postgres(url.toString(), { max: 2, onnotice: () => undefined });
      let unlock!: () => void;
      const locked = new Promise<void>((resolve, reject) => {
        void holder
          .begin(async (tx) => {
            await tx`lock table councils in access exclusive mode`;
            resolve();
            await new Promise<void>((r) => (unlock = r));
          })
          .catch(reject);
      });
      await locked;
      waiting = async () =>
        Number(
          (
            await holder`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and application_name = 'cpc-graph'`
          )[0]?.["n"],
        );
      release = async () => {
        unlock();
        await holder.end();
      };
    } else {
      // PGlite has one connection: a transaction held open makes every other statement wait for it.
      let unlock!: () => void;
      let begun!: () => void;
      const started = new Promise<void>((resolve) => (begun = resolve));
      const held = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        begun();
        await new Promise<void>((r) => (unlock = r));
      });
      await started;
      waiting = () => Promise.resolve(0);
      release = async () => {
        unlock();
        await held;
      };
    }
  });
  afterEach(async () => {
    await release();
    await http.close();
    await t.close();
  });

  it("is answered 503 request.timeout with Retry-After, and the service answers again once the hold goes", async () => {
    const response = await postGraphql(http.base, "{ councils(first: 1) { totalCount } }");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as ErrorBody;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", reason: "request.timeout" });
    expect(body.errors?.[0]?.message).toBe(
      `The request did not finish within its deadline of ${deadlineMs} ms; retry later, or ask for less`,
    );
    // Nothing of the database's own words reaches the client.
    expect(JSON.stringify(body)).not.toMatch(/cancel|lock|57014|statement/i);
    await release();
    release = () => Promise.resolve();
    const after = await postGraphql(http.base, "{ councils(first: 1) { totalCount } }");
    expect(after.status).toBe(200);
    expect(((await after.json()) as { data: { councils: { totalCount: number } } }).data.councils.totalCount).toBe(332);
  });

  it.runIf(serverUrl)(
    "has its waiting SQL cancelled when the deadline passes, not left holding a connection",
    async () => {
      const response = postGraphql(http.base, "{ councils(first: 1) { totalCount } }");
      expect(await eventually(async () => (await waiting()) > 0)).toBe(true);
      expect((await response).status).toBe(503);
      // Still locked: only the cancel can have ended the wait.
      expect(await eventually(async () => (await waiting()) === 0)).toBe(true);
    },
  );

  it.runIf(serverUrl)("has its waiting SQL cancelled when its client goes away before the deadline", async () => {
    await http.close();
    t.app.config.requestDeadlineMs = 60_000;
    http = await serveOverHttp(t.app);
    const client = new AbortController();
    const response = postGraphql(http.base, "{ councils(first: 1) { totalCount } }", { signal: client.signal });
    expect(await eventually(async () => (await waiting()) > 0)).toBe(true);
    client.abort();
    await expect(response).rejects.toThrow();
    expect(await eventually(async () => (await waiting()) === 0)).toBe(true);
  });
});

describe(`the database out of reach (${databaseKind})`, () => {
  // Nothing listens on port 1: every connection is refused at once, as while PostgreSQL is down.
  const client = postgres("postgres://postgres@127.0.0.1:1/cpc", {
    max: 2,
    connect_timeout: 1,
    onnotice: () => undefined,
  });
  let http: Awaited<ReturnType<typeof serveOverHttp>>;
  beforeEach(async () => {
    const app = await createApp({
      db: drizzle({ client, schema }),
      config: testConfig(),
      logger: createLogger("silent"),
    });
    http = await serveOverHttp(app);
  });
  afterEach(() => http.close());

  it("answers queries with 503 database.unavailable and Retry-After, never internal", async () => {
    const response = await postGraphql(http.base, `{ council(gssCode: "E07000073") { name } }`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as ErrorBody;
    expect(body.errors?.map((e) => e.extensions?.["reason"])).toEqual(["database.unavailable"]);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Failed query/);
  });

  it("answers a request that needs the database before GraphQL runs (looking up its API key) with 503 too", async () => {
    const response = await postGraphql(http.base, "{ councils(first: 1) { totalCount } }", {
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${generateToken()}`,
      },
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).errors?.[0]?.extensions?.["reason"]).toBe("database.unavailable");
  });

  it("is not ready (/readyz 503, IETF health JSON) while still live (/livez 200)", async () => {
    const ready = await fetch(`${http.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("content-type")).toBe("application/health+json");
    const body = (await ready.json()) as {
      status: string;
      checks: Record<string, { status: string; componentId: string }[]>;
    };
    expect(body.status).toBe("fail");
    expect(body.checks["database:responseTime"]?.[0]).toMatchObject({ status: "fail", componentId: "postgresql" });
    const live = await fetch(`${http.base}/livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: "pass" });
  });
});

describe(`readiness of a reachable database (${databaseKind})`, () => {
  let t: TestApp;
  let http: Awaited<ReturnType<typeof serveOverHttp>>;
  beforeEach(async () => {
    t = await createTestApp({ seed: false });
    http = await serveOverHttp(t.app);
  });
  afterEach(async () => {
    await http.close();
    await t.close();
  });

  it("is ready when every shipped migration is applied, counting them", async () => {
    const response = await fetch(`${http.base}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string; observedValue: number }[]>;
    };
    expect(body.status).toBe("pass");
    // drizzle/ holds migrations 0000 to 0008.
    expect(body.checks["database:migrations"]?.[0]).toMatchObject({ status: "pass", observedValue: 9 });
  });

  it("is not ready when the newest migration is missing from the database", async () => {
    await t.database.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const response = await fetch(`${http.base}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { checks: Record<string, { status: string; output: string }[]> };
    expect(body.checks["database:migrations"]?.[0]).toMatchObject({ status: "fail" });
    expect(body.checks["database:migrations"]?.[0]?.output).toMatch(/^migration 0008_\S+ is not applied$/);
  });
});

describe("what counts as the database failing", () => {
  it("finds PostgreSQL's code beneath drizzle's wrapper, and leaves other errors alone", () => {
    const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });
    expect(
      databaseFailureOf(wrapped(Object.assign(new Error("canceling statement"), { code: "57014" }))),
    ).toMatchObject({
      kind: "timeout",
      code: "57014",
    });
    expect(
      databaseFailureOf(wrapped(Object.assign(new Error("terminating connection"), { code: "57P01" })))?.kind,
    ).toBe("unavailable");
    expect(databaseFailureOf(wrapped(Object.assign(new Error("connection failure"), { code: "08006" })))?.kind).toBe(
      "unavailable",
    );
    expect(databaseFailureOf(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))?.kind).toBe(
      "unavailable",
    );
    // A constraint or a bug is not the database being away.
    expect(databaseFailureOf(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBeNull();
    expect(databaseFailureOf(new TypeError("x is undefined"))).toBeNull();
  });
});
