import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, StatementCounter, type DatabaseHandle } from "../../src/shared/database/database.js";

/** Set to a PostgreSQL server URL to run the suite there too; unset runs on embedded PGlite. */
export const serverUrl = process.env["TEST_DATABASE_URL"] ?? null;
export const databaseKind = serverUrl ? "postgres" : "pglite";

export interface TestDatabase extends DatabaseHandle {
  counter: StatementCounter;
  /** Drops the database the run created (PostgreSQL) or closes the in-memory one (PGlite). */
  dispose(): Promise<void>;
}

/**
 * A freshly migrated database of its own for one test file: in-memory PGlite, or a uniquely
 * named database on the server at TEST_DATABASE_URL, created here and dropped on dispose.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const counter = new StatementCounter();
  const common = {
    pgliteDataDir: "memory://",
    statementTimeoutMs: 30_000,
    projectRoot: process.cwd(),
    queryLogger: counter,
  };
  if (!serverUrl) {
    const handle = await openDatabase({ ...common, databaseUrl: null });
    await handle.migrate();
    return { ...handle, counter, dispose: () => handle.close() };
  }
  const name = `cpc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ ...common, databaseUrl: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    counter,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
