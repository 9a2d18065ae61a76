import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:net";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  createServiceDatabase,
  runEntryPoint,
  runningService,
  startEntryPoint,
  type EntryPoint,
  type LogLine,
} from "../support/entry-point.js";
import { databaseKind, serverUrl } from "../support/test-database.js";

/** A port that was free a moment ago and on which nothing listens now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnAnyPort(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listenOnAnyPort(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    }),
  );
}

async function failedStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const entry = runEntryPoint({ SEED_ON_START: "false", ...env });
  const { code } = await entry.exited;
  return { code, stderr: entry.stderr() };
}

// Each test here starts the entry point itself (up to 90 s to start on a loaded machine): a hang
// guard sized for that, not a measure of speed.
const startsAProcess = { timeout: 150_000 };

describe("a start that cannot succeed says why in one line and exits 1", startsAProcess, () => {
  const folders: string[] = [];
  const emptyFolder = () => {
    const folder = mkdtempSync(path.join(tmpdir(), "cpc-graph-life-"));
    folders.push(folder);
    return folder;
  };
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("names the port that is in use, before touching the database", async () => {
    const squatter = createServer();
    const port = await listenOnAnyPort(squatter);
    const dataDir = emptyFolder();
    try {
      const { code, stderr } = await failedStart({ PORT: String(port), PGLITE_DATA_DIR: dataDir });
      expect(stderr).toBe(`cpc-graph cannot start: port ${port} is in use\n`);
      expect(code).toBe(1);
      // Checked before the database was opened, let alone migrated: PGlite never created its files.
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("says PostgreSQL cannot be reached when nothing listens at its address", async () => {
    const port = await closedPort();
    const { code, stderr } = await failedStart({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/cpc_graph` });
    expect(stderr).toBe(`cpc-graph cannot start: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused\n`);
    expect(code).toBe(1);
  });

  it.skipIf(!serverUrl)("names a database that does not exist on a reachable server", async () => {
    const url = new URL(serverUrl ?? "postgres://localhost");
    url.pathname = "/cpc_graph_that_nobody_created";
    const { code, stderr } = await failedStart({ DATABASE_URL: url.toString() });
    const where = `${url.hostname}:${url.port || "5432"}`;
    expect(stderr).toBe(
      `cpc-graph cannot start: database cpc_graph_that_nobody_created does not exist on PostgreSQL at ${where}\n`,
    );
    expect(code).toBe(1);
  });

  it("refuses a PGlite data folder that is a file", async () => {
    const file = path.join(emptyFolder(), "not-a-folder");
    writeFileSync(file, "x");
    const { code, stderr } = await failedStart({ PGLITE_DATA_DIR: file });
    expect(stderr).toBe(
      `cpc-graph cannot start: PGlite data folder ${file} is a file, not a folder (PGLITE_DATA_DIR)\n`,
    );
    expect(code).toBe(1);
  });

  it("refuses a PGlite data folder that holds somebody else's files", async () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, "notes.txt"), "mine");
    const { code, stderr } = await failedStart({ PGLITE_DATA_DIR: folder });
    expect(stderr).toBe(
      `cpc-graph cannot start: ${folder} holds other files and no PGlite database (PGLITE_DATA_DIR must be empty or PGlite's)\n`,
    );
    expect(code).toBe(1);
  });
});

const countQuery = JSON.stringify({ query: "query CountCouncils { councils(first: 1) { totalCount } }" });

describe(`logs of a running service (${databaseKind}, LOG_LEVEL=debug)`, () => {
  const { entry, post } = runningService({ SEED_ON_START: "false", LOG_LEVEL: "debug" });
  const accessLine = (requestId: string) =>
    entry().waitForLine((line) => line.message === "request" && line["requestId"] === requestId, 10_000);

  it("writes one access line per request and echoes the caller's request id", async () => {
    const response = await post(countQuery, { "x-request-id": "access-log-1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("access-log-1");
    const line = await accessLine("access-log-1");
    expect(line).toMatchObject({
      level: "info",
      method: "POST",
      path: "/graphql",
      // Not sent by the client: Apollo picked the document's only operation.
      operationName: "CountCouncils",
      status: 200,
    });
    expect(line["durationMs"]).toEqual(expect.any(Number));
    // The count is of this request's statements alone: the same as its SQL lines at debug level.
    const sqlLines = entry()
      .lines()
      .filter((l) => l.message === "sql" && l["requestId"] === "access-log-1");
    expect(sqlLines.length).toBeGreaterThan(0);
    expect(line["statements"]).toBe(sqlLines.length);
    expect(
      entry()
        .lines()
        .filter((l) => l.message === "request" && l["requestId"] === "access-log-1"),
    ).toHaveLength(1);
  });

  it("counts no statements for an operation that reads no table", async () => {
    await post(JSON.stringify({ query: "{ __typename }" }), { "x-request-id": "access-log-typename" });
    expect(await accessLine("access-log-typename")).toMatchObject({ status: 200, statements: 0, operationName: null });
  });

  it("replaces an unacceptable request id with a generated one, and logs non-GraphQL requests too", async () => {
    const response = await fetch(`${entry().base}/nope`, { headers: { "x-request-id": "x".repeat(500) } });
    expect(response.status).toBe(404);
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await accessLine(id)).toMatchObject({ method: "GET", path: "/nope", status: 404, statements: 0 });
  });

  it("logs each SQL statement at debug level, with the request it ran for and without parameter values", async () => {
    await post(
      JSON.stringify({
        query: "query Find($code: String!) { councils(first: 1, filter: { search: $code }) { totalCount } }",
        variables: { code: "secret-looking-value" },
      }),
      { "x-request-id": "sql-log-1" },
    );
    const access = await accessLine("sql-log-1");
    const sqlLines = entry()
      .lines()
      .filter((l) => l.message === "sql" && l["requestId"] === "sql-log-1");
    expect(sqlLines.length).toBe(access["statements"]);
    for (const line of sqlLines) {
      expect(line.level).toBe("debug");
      expect(String(line["sql"])).toMatch(/^select /i);
      expect(line["params"]).toEqual(expect.any(Number));
    }
    expect(entry().stderr()).not.toContain("secret-looking-value");
  });
});

/** A POST whose body is sent in two halves, so that it is in flight for as long as the test wants. */
function halfSentRequest(base: string, id: string) {
  const body = Buffer.from(countQuery);
  const url = new URL("/graphql", base);
  let finish = () => undefined as void;
  const answer = new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": body.length, "x-request-id": id },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(body.subarray(0, 10));
    finish = () => void req.end(body.subarray(10));
  });
  return { answer, finish: () => finish() };
}

describe(`stopping on a signal (${databaseKind})`, startsAProcess, () => {
  let entry: (EntryPoint & { base: string }) | undefined;
  let database: Awaited<ReturnType<typeof createServiceDatabase>> | undefined;

  const start = async (env: NodeJS.ProcessEnv = {}) => {
    database = await createServiceDatabase();
    entry = await startEntryPoint({ ...database.env, SEED_ON_START: "false", LOG_LEVEL: "debug", ...env });
    return entry;
  };
  afterEach(async () => {
    if (entry && entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill("SIGKILL");
    await entry?.exited;
    await database?.dispose();
    entry = undefined;
    database = undefined;
  });

  const started = (id: string) => (line: LogLine) => line.message === "request started" && line["requestId"] === id;

  it("answers all 50 requests in flight at SIGTERM, refuses new connections, then exits 0", async () => {
    const service = await start();
    const ids = Array.from({ length: 50 }, (_, i) => `load-${i}`);
    const requests = ids.map((id) => halfSentRequest(service.base, id));
    // Each request has reached the handler (not merely the kernel's queue) before the signal.
    await Promise.all(ids.map((id) => service.waitForLine(started(id), 30_000)));
    service.child.kill("SIGTERM");
    await service.waitForLine((line) => line.message === "shutting down", 10_000);

    await expect(fetch(`${service.base}/healthz`)).rejects.toThrow();

    for (const request of requests) request.finish();
    const answers = await Promise.all(requests.map((r) => r.answer));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        data: { councils: { totalCount: 0 } },
        extensions: { cost: expect.objectContaining({ requested: 1 }) as unknown },
      });
      // Told not to reuse the connection: the server is going away.
      expect(answer.connection).toBe("close");
    }
    expect(await service.exited).toEqual({ code: 0, signal: null });
    const stopped = service.lines().find((line) => line.message === "cpc-graph stopped");
    expect(stopped).toMatchObject({ level: "info", signal: "SIGTERM" });
    expect(stopped).not.toHaveProperty("cutConnections");
    const accessLines = service
      .lines()
      .filter((line) => line.message === "request" && ids.includes(String(line["requestId"])));
    expect(accessLines).toHaveLength(50);
  });

  it("cuts a request that outlives SHUTDOWN_GRACE_MS and still exits 0, saying so", async () => {
    const service = await start({ SHUTDOWN_GRACE_MS: "200" });
    const stuck = halfSentRequest(service.base, "stuck-1");
    await service.waitForLine(started("stuck-1"), 30_000);
    service.child.kill("SIGTERM");
    await expect(stuck.answer).rejects.toThrow();
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.lines().find((line) => line.message === "cpc-graph stopped")).toMatchObject({
      cutConnections: true,
    });
  });

  it("exits at once with 1 on a second signal while waiting for requests", async () => {
    const service = await start({ SHUTDOWN_GRACE_MS: "60000" });
    const stuck = halfSentRequest(service.base, "stuck-2");
    await service.waitForLine(started("stuck-2"), 30_000);
    service.child.kill("SIGTERM");
    await service.waitForLine((line) => line.message === "shutting down", 10_000);
    service.child.kill("SIGINT");
    await expect(stuck.answer).rejects.toThrow();
    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.lines().some((line) => line.message.startsWith("second signal"))).toBe(true);
  });

  it("lets the first start's seeding finish on a SIGTERM that arrives meanwhile, then stops with exit 0", async () => {
    database = await createServiceDatabase();
    const service = runEntryPoint({ ...database.env, LOG_LEVEL: "info" });
    entry = { ...service, base: "" };
    await service.waitForLine((line) => line.message === "empty database: seeding", 90_000);
    service.child.kill("SIGTERM");
    expect(await service.exited).toEqual({ code: 0, signal: null });
    const messages = service.lines().map((line) => line.message);
    // All five seed plans were written: the signal did not cut the seeding off mid-way.
    expect(messages.filter((message) => message === "seeded plan")).toHaveLength(5);
    expect(messages.at(-1)).toBe("cpc-graph stopped");
  });
});
