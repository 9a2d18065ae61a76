import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, serverUrl } from "../support/test-database.js";

/**
 * Builds and starts the real entry point exactly as `npm start` does (tsc, then node
 * dist/src/main.js) on an empty database, and talks to it over HTTP.
 */
describe(`the service started as npm start starts it (${databaseKind})`, () => {
  let child: ChildProcess;
  let base = "";
  let dataDir = "";
  let databaseName: string | null = null;
  const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => undefined }) : null;

  beforeAll(async () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
    dataDir = mkdtempSync(path.join(tmpdir(), "cpc-graph-main-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", LOG_LEVEL: "info", PGLITE_DATA_DIR: dataDir };
    delete env["DATABASE_URL"];
    if (admin && serverUrl) {
      databaseName = `cpc_test_main_${randomBytes(4).toString("hex")}`;
      await admin.unsafe(`create database "${databaseName}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${databaseName}`;
      env["DATABASE_URL"] = url.toString();
    }
    child = spawn(process.execPath, ["dist/src/main.js"], { env, stdio: ["ignore", "ignore", "pipe"] });
    base = await new Promise<string>((resolve, reject) => {
      let log = "";
      const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${log}`)), 90_000);
      child.stderr?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        const match = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(log);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${log}`)));
    });
  }, 150_000);

  afterAll(async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (admin && databaseName) await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    await admin?.end();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("serves the seeded graph at /graphql", async () => {
    const response = await post(
      JSON.stringify({
        query: `{ councils { totalCount } council(gssCode: "E07000073") { peerChallenges { recommendations { actions { id } } } } }`,
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: {
        councils: { totalCount: number };
        council: { peerChallenges: { recommendations: { actions: unknown[] }[] }[] };
      };
    };
    expect(body.data.councils.totalCount).toBe(332);
    const recs = body.data.council.peerChallenges[0]?.recommendations ?? [];
    expect(recs).toHaveLength(13);
    expect(recs.flatMap((r) => r.actions)).toHaveLength(66);
  });

  it("refuses a 5 MB body with 413 and a coded error", async () => {
    const big = JSON.stringify({
      query: `{ councils { totalCount } }`,
      variables: { pad: "x".repeat(5 * 1024 * 1024) },
    });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.stringContaining("over the limit") as string,
          extensions: { code: "BAD_REQUEST", reason: "request.body_too_large" },
        },
      ],
    });
  });

  it("answers a malformed JSON body with 400 and a code", async () => {
    const response = await post("{ not json");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toEqual({
      code: "BAD_REQUEST",
      reason: "request.bad_json",
    });
  });

  it("answers unknown paths with 404 JSON", async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
  });
});
