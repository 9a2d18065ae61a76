import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, StatementCounter, type DatabaseHandle } from "../../src/shared/database/database.js";

/** Set to a PostgreSQL server URL to run the suite there too; unset runs on embedded PGlite. */
export const serverUrl = process.env["TEST_DATABASE_URL"] ?? null;
export const databaseKind = serverUrl ? "postgres" : "pglite";

/**
 * Where each test file copies its database from (built once by database-templates.ts): PGlite
 * `dumpDataDir` archives on disk, or template databases on the PostgreSQL server.
 */
export interface DatabaseTemplates {
  kind: "pglite" | "postgres";
  migrated: string;
  seeded: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export interface TestDatabase extends DatabaseHandle {
  counter: StatementCounter;
  /** Drops the database the run created (PostgreSQL) or closes the in-memory one (PGlite). */
  dispose(): Promise<void>;
}

/**
 * A migrated database of its own for one test file (seeded too with `seeded: true`): in-memory
 * PGlite, or a uniquely named database on the server at TEST_DATABASE_URL, created here and
 * dropped on dispose. Copied from the templates the globalSetup built (database-templates.ts),
 * so no file shares rows with another; without them (another runner) it migrates from scratch.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const templates: DatabaseTemplates | undefined = inject("databaseTemplates");
  const template = templates?.[options.seeded ? "seeded" : "migrated"];
  const counter = new StatementCounter();
  const common = {
    pgliteDataDir: "memory://",
    statementTimeoutMs: 30_000,
    projectRoot: process.cwd(),
    queryLogger: counter,
  };
  if (!serverUrl) {
    const handle = await openDatabase({
      ...common,
      databaseUrl: null,
      ...(template ? { pgliteSnapshot: new Blob([readFileSync(template)]) } : {}),
    });
    if (!template) await handle.migrate();
    return { ...handle, counter, dispose: () => handle.close() };
  }
  const name = `cpc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ ...common, databaseUrl: url.toString() });
  if (!template) await handle.migrate();
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

/** Whether createTestDatabase({ seeded: true }) hands out an already seeded copy. */
export function hasSeededTemplate(): boolean {
  return (inject("databaseTemplates") as DatabaseTemplates | undefined) !== undefined;
}
