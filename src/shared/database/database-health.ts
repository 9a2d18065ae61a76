import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./database.js";
import { int, rowsOf, text } from "./result-rows.js";

/** One check in the IETF health-check response shape (draft-inadarei-api-health-check). */
export interface HealthCheck {
  componentId: string;
  componentType: "datastore";
  observedValue?: number;
  observedUnit?: string;
  status: "pass" | "fail";
  time: string;
  output?: string;
}

export interface DatabaseHealth {
  ready: boolean;
  checks: Record<string, HealthCheck[]>;
}

/** The newest migration the code ships (drizzle/meta/_journal.json), which the database must have applied. */
export function shippedMigrations(projectRoot: string): { count: number; newestMillis: number; newestTag: string } {
  const journal = JSON.parse(readFileSync(path.join(projectRoot, "drizzle", "meta", "_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  const newest = journal.entries.at(-1);
  return { count: journal.entries.length, newestMillis: newest?.when ?? 0, newestTag: newest?.tag ?? "" };
}

/**
 * Whether the database answers within `timeoutMs` and holds every migration this code ships. The
 * migrator's own table is read: it records each migration by the journal time it was made at, and
 * applies those newer than its newest record, so that record is what "up to date" means.
 */
export async function checkDatabaseHealth(
  db: Database,
  shipped: ReturnType<typeof shippedMigrations>,
  timeoutMs: number,
): Promise<DatabaseHealth> {
  const started = performance.now();
  const time = new Date().toISOString();
  const base = {
    componentId: db instanceof PgliteDatabase ? "pglite" : "postgresql",
    componentType: "datastore" as const,
    time,
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const probe = db
    .execute(sql`select count(*)::int as applied, max(created_at)::text as newest from drizzle.__drizzle_migrations`)
    .then(rowsOf);
  const outcome = await Promise.race([
    probe.then(
      (rows) => ({ rows }),
      () => "failed" as const,
    ),
    timedOut,
  ]);
  clearTimeout(timer);
  const responseMs = Math.round((performance.now() - started) * 10) / 10;
  if (outcome === "timeout" || outcome === "failed") {
    const output =
      outcome === "timeout" ? `the database did not answer within ${timeoutMs} ms` : "the database cannot be reached";
    return {
      ready: false,
      checks: {
        "database:responseTime": [{ ...base, status: "fail", observedValue: responseMs, observedUnit: "ms", output }],
      },
    };
  }
  const row = outcome.rows[0] ?? {};
  const applied = int(row["applied"]);
  const newestApplied = Number(text(row["newest"]) ?? 0);
  const migrated = newestApplied >= shipped.newestMillis;
  return {
    ready: migrated,
    checks: {
      "database:responseTime": [{ ...base, status: "pass", observedValue: responseMs, observedUnit: "ms" }],
      "database:migrations": [
        {
          ...base,
          status: migrated ? "pass" : "fail",
          observedValue: applied,
          observedUnit: "migrations applied",
          ...(migrated ? {} : { output: `migration ${shipped.newestTag} is not applied` }),
        },
      ],
    },
  };
}
