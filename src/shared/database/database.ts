import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger as DrizzleLogger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./database.schema.js";

export type DatabaseSchema = typeof schema;
/** One drizzle type for both drivers (STACK.md pitfall 3). */
export type Database = PgDatabase<PgQueryResultHKT, DatabaseSchema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  pgliteDataDir: string;
  statementTimeoutMs: number;
  projectRoot: string;
  /** Sees every SQL statement; tests use it to count statements per request. */
  queryLogger?: DrizzleLogger;
  /** A PGlite `dumpDataDir` archive to start from instead of an empty cluster (tests' snapshot). */
  pgliteSnapshot?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = path.join(options.projectRoot, "drizzle");
  const logger = options.queryLogger;
  if (options.databaseUrl !== null) {
    const client = postgres(options.databaseUrl, {
      max: 10,
      onnotice: () => undefined,
      // JIT compilation costs 1-1.7 s per benchmark statement here and saves nothing at this size.
      connection: { statement_timeout: options.statementTimeoutMs, application_name: "cpc-graph", jit: "off" },
    });
    const db = drizzlePostgres({ client, schema, ...(logger ? { logger } : {}) });
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = new PGlite({
    dataDir: options.pgliteDataDir,
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
  });
  await client.waitReady;
  await client.exec(`SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
  const db = drizzlePglite({ client, schema, ...(logger ? { logger } : {}) });
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Counts SQL statements (drizzle's logger hook) so tests can assert a request's cost. */
export class StatementCounter implements DrizzleLogger {
  count = 0;
  readonly statements: string[] = [];
  logQuery(query: string): void {
    this.count += 1;
    this.statements.push(query);
  }
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
