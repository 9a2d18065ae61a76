import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { serverUrl } from "./test-database.js";

/** One JSON log line as the service writes it on stderr. */
export type LogLine = Record<string, unknown> & { level: string; message: string };

/**
 * A database for one run of the entry point: an empty PGlite data folder, or a freshly created
 * database on TEST_DATABASE_URL's server. `env` selects it the way a user would.
 */
export async function createServiceDatabase(): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpc-graph-entry-"));
  if (!serverUrl) {
    return {
      env: { PGLITE_DATA_DIR: dataDir },
      dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  const name = `cpc_test_entry_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), PGLITE_DATA_DIR: dataDir },
    async dispose() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EntryPoint {
  child: ChildProcess;
  /** Everything written on stderr so far. */
  stderr(): string;
  /** stderr's JSON lines so far (anything else is skipped). */
  lines(): LogLine[];
  /** Resolves with the first log line the predicate accepts, now or later. */
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs dist/src/main.js (built by build-once.ts) as `npm start` does, on the given environment only. */
export function runEntryPoint(env: NodeJS.ProcessEnv): EntryPoint {
  const base: NodeJS.ProcessEnv = { PATH: process.env["PATH"], TZ: "UTC", PORT: "0", LOG_LEVEL: "info" };
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    env: { ...base, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const check of waiters) check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  return {
    child,
    stderr: () => stderr,
    lines,
    exited,
    waitForLine(predicate, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines().find(predicate);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such log line within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then(() => {
          if (!waiters.has(check)) return;
          check();
          if (waiters.delete(check)) {
            clearTimeout(timer);
            reject(new Error(`exited before the log line:\n${stderr}`));
          }
        });
        check();
      });
    },
  };
}

/** Starts the entry point and resolves once it serves, with its base URL. */
export async function startEntryPoint(env: NodeJS.ProcessEnv): Promise<EntryPoint & { base: string }> {
  const entry = runEntryPoint(env);
  const serving = await entry.waitForLine((line) => line.message === "cpc-graph is serving");
  const base = String(serving["url"]).replace(/\/graphql$/, "");
  return { ...entry, base };
}

/**
 * For a describe block: one running entry point on a database of its own, started before the
 * block's tests and stopped after them. `entry()` is the running service; `post` sends a body to
 * its /graphql.
 */
export function runningService(env: NodeJS.ProcessEnv = {}): {
  entry: () => EntryPoint & { base: string };
  post: (body: string, headers?: Record<string, string>) => Promise<Response>;
} {
  let running: (EntryPoint & { base: string }) | undefined;
  let database: Awaited<ReturnType<typeof createServiceDatabase>> | undefined;
  beforeAll(async () => {
    database = await createServiceDatabase();
    running = await startEntryPoint({ ...database.env, ...env });
  }, 150_000);
  afterAll(async () => {
    running?.child.kill("SIGTERM");
    await running?.exited;
    await database?.dispose();
  });
  const entry = () => {
    if (!running) throw new Error("the service has not started (its beforeAll failed)");
    return running;
  };
  return {
    entry,
    post: (body, headers = {}) =>
      fetch(`${entry().base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      }),
  };
}
