import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger as DrizzleLogger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Logger } from "../logger.js";
import { currentRequest } from "../request-context.js";
import { requestBoundClient } from "./request-bound-client.js";
import * as schema from "./database.schema.js";

export type DatabaseSchema = typeof schema;
/** One drizzle type for both drivers (STACK.md pitfall 3). */
export type Database = PgDatabase<PgQueryResultHKT, DatabaseSchema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  /**
   * Runs `work` while holding the database's start-up lock (a PostgreSQL advisory lock; PGlite's
   * folder has one process anyway), so that instances sharing a database migrate and seed in turn.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: an archive of the whole data folder, which `pgliteSnapshot` opens again. */
  snapshot?(): Promise<Blob>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  pgliteDataDir: string;
  statementTimeoutMs: number;
  projectRoot: string;
  /** How long to wait for PostgreSQL to accept a connection before giving up (postgres.js waits 30 s). */
  databaseConnectTimeoutMs?: number;
  /** PostgreSQL connections in the pool. */
  poolSize?: number;
  /** Most statements one HTTP request runs at a time, so that one request cannot take the whole pool. */
  connectionsPerRequest?: number;
  /** Sees every SQL statement; tests use it to count statements per request. */
  queryLogger?: DrizzleLogger;
  /** A PGlite `dumpDataDir` archive to start from instead of an empty cluster (tests' snapshot). */
  pgliteSnapshot?: Blob;
}

/** Advisory lock key held while an instance migrates and seeds (any constant no other lock uses). */
const startLockKey = 0x637063_01;

/** The database cannot be used at all; the message says why in one line, fit to show as it is. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/**
 * Opens the database and proves it answers, so that a wrong address, a missing database or an
 * unusable data folder is reported in one line before migrations run.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = path.join(options.projectRoot, "drizzle");
  const logger = requestCountingLogger(options.queryLogger);
  if (options.databaseUrl !== null) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => undefined,
      connect_timeout: (options.databaseConnectTimeoutMs ?? 2_000) / 1000,
      // Seconds before a pool connection tries again after failing. postgres.js's default grows as
      // 3^failures / 100 up to 20 s, so a few seconds of outage under load kept the pool away for
      // ~10 s after PostgreSQL was back; capped at half a second, recovery follows within it.
      backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 0.5) * (0.5 + Math.random() / 2),
      // JIT compilation costs 1-1.7 s per benchmark statement here and saves nothing at this size.
      connection: { statement_timeout: options.statementTimeoutMs, application_name: "cpc-graph", jit: "off" },
    });
    try {
      // Raw client, not drizzle: the probe is not one of the statements anybody counts.
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 0 });
      throw new DatabaseUnavailableError(describePostgresFailure(error, options.databaseUrl));
    }
    const db = drizzlePostgres({
      client: requestBoundClient(client, options.connectionsPerRequest ?? 3),
      schema,
      logger,
    });
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      // The lock lives in a transaction of its own that waits while `work` uses other connections:
      // a transaction lock goes with its connection if this process dies, so no start can strand it.
      exclusively: async <T>(work: () => Promise<T>) => {
        let result: T | undefined;
        await client.begin(async (tx) => {
          await tx`select pg_advisory_xact_lock(${startLockKey})`;
          result = await work();
        });
        return result as T;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await openPglite(options.pgliteDataDir, options.pgliteSnapshot);
  await client.exec(`SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
  const db = drizzlePglite({ client, schema, logger });
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    exclusively: (work) => work(),
    close: () => client.close(),
    // Uncompressed: loading a gzip archive costs each test file about 0.3 s more.
    snapshot: () => client.dumpDataDir("none"),
  };
}

/** Charges every statement to the HTTP request it runs for (the access log's count), then passes it on. */
function requestCountingLogger(next: DrizzleLogger | undefined): DrizzleLogger {
  return {
    logQuery(query, params) {
      const request = currentRequest();
      if (request) request.statements += 1;
      next?.logQuery(query, params);
    },
  };
}

const sqlLogLimit = 2000;

/** Logs each SQL statement at debug level; parameter values are left out, they may be anybody's data. */
export function sqlDebugLogger(logger: Logger): DrizzleLogger {
  return {
    logQuery(query, params) {
      logger.debug("sql", {
        sql: query.length > sqlLogLimit ? `${query.slice(0, sqlLogLimit)}…` : query,
        params: params.length,
      });
    },
  };
}

function describePostgresFailure(error: unknown, databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || "5432"}`;
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || "postgres";
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach PostgreSQL at ${where}: connection refused`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot reach PostgreSQL at ${where}: host ${url.hostname} not found`;
    case "CONNECT_TIMEOUT":
      return `cannot reach PostgreSQL at ${where}: no answer within the connect timeout (DATABASE_CONNECT_TIMEOUT_MS)`;
    case "3D000":
      return `database ${database} does not exist on PostgreSQL at ${where}`;
    case "28000":
    case "28P01":
      return `PostgreSQL at ${where} refused the login: ${message}`;
    default:
      return `cannot use PostgreSQL at ${where}: ${message}`;
  }
}

/** PGlite's own errors for an unusable folder are bare ("ErrnoError", "failed to initialize"): check first. */
async function openPglite(dataDir: string, snapshot: Blob | undefined): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) {
    if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
      throw new DatabaseUnavailableError(`PGlite data folder ${dataDir} is a file, not a folder (PGLITE_DATA_DIR)`);
    }
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseUnavailableError(`cannot create the PGlite data folder ${dataDir}: ${reason}`);
    }
    const entries = readdirSync(dataDir);
    if (entries.length > 0 && !entries.includes("PG_VERSION")) {
      throw new DatabaseUnavailableError(
        `${dataDir} holds other files and no PGlite database (PGLITE_DATA_DIR must be empty or PGlite's)`,
      );
    }
  }
  try {
    const client = new PGlite({ dataDir, ...(snapshot ? { loadDataDir: snapshot } : {}) });
    await client.waitReady;
    return client;
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot open the PGlite data folder ${dataDir}: ${reason}`);
  }
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
