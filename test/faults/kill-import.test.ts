import { spawn, spawnSync } from "node:child_process";
import postgres from "postgres";
import { report } from "./support/load.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceDatabase, startEntryPoint } from "../support/entry-point.js";

const trials = 10;
const plan = "seeds/plans/harlow.txt";

/** What a council's plan consists of, row by row: an import either adds all of it or none. */
async function planState(sql: postgres.Sql, gssCode: string): Promise<string> {
  const [row] = await sql`
    select
      (select count(*) from peer_challenges p where p.council_id = c.id)::int as challenges,
      (select coalesce(sum(p.plan_version), 0) from peer_challenges p where p.council_id = c.id)::int as plan_versions,
      (select count(*) from source_documents d join peer_challenges p on p.id = d.peer_challenge_id where p.council_id = c.id)::int as documents,
      (select count(*) from recommendations r join peer_challenges p on p.id = r.peer_challenge_id where p.council_id = c.id)::int as recommendations,
      (select count(*) from actions a join recommendations r on r.id = a.recommendation_id join peer_challenges p on p.id = r.peer_challenge_id where p.council_id = c.id)::int as actions,
      (select count(*) from progress_updates u join actions a on a.id = u.action_id join recommendations r on r.id = a.recommendation_id join peer_challenges p on p.id = r.peer_challenge_id where p.council_id = c.id)::int as updates
    from councils c where c.gss_code = ${gssCode}`;
  return JSON.stringify(row);
}

/**
 * The import command killed with SIGKILL at random points, ten times, each on a council with no
 * plan: afterwards the council holds either nothing new or the whole plan (what an uninterrupted
 * import then leaves), never part of it.
 */
describe("kill -9 during an import", () => {
  let database: Awaited<ReturnType<typeof createServiceDatabase>>;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createServiceDatabase();
    // Migrated and seeded as a user's first `npm start` leaves it.
    const service = await startEntryPoint(database.env);
    service.child.kill("SIGTERM");
    await service.exited;
    sql = postgres(String(database.env["DATABASE_URL"]), { max: 1, onnotice: () => undefined });
  }, 180_000);
  afterAll(async () => {
    await sql?.end();
    await database?.dispose();
  });

  const runImport = (gssCode: string) => [
    "dist/src/cli/import.cli.js",
    plan,
    "--council",
    gssCode,
    "--recorded-on",
    "2026-06-01",
    "--publish",
  ];
  const env = () => ({ PATH: process.env["PATH"], TZ: "UTC", LOG_LEVEL: "silent", ...database.env });

  /** Whether the import command is inside its write: its transaction holds the council's advisory lock. */
  const writing = async () =>
    Number(
      (
        await sql`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where a.datname = current_database() and a.application_name = 'cpc-graph' and l.locktype = 'advisory'`
      )[0]?.["n"],
    ) > 0;

  it(`leaves no partial plan in ${trials} trials`, async () => {
    const councils = (
      await sql`select gss_code from councils c
        where not exists (select 1 from peer_challenges p join recommendations r on r.peer_challenge_id = p.id where p.council_id = c.id)
        order by gss_code limit ${trials + 1}`
    ).map((r) => String(r["gss_code"]));
    expect(councils).toHaveLength(trials + 1);
    // One whole import first: how long the command takes, so the kills land across all of it.
    const started = performance.now();
    const whole = spawnSync(process.execPath, runImport(councils[trials] ?? ""), {
      env: env(),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(whole.status, whole.stderr).toBe(0);
    const durationMs = performance.now() - started;

    const outcomes: string[] = [];
    for (const [trial, gssCode] of councils.slice(0, trials).entries()) {
      const before = await planState(sql, gssCode);
      const child = spawn(process.execPath, runImport(gssCode), { env: env(), stdio: "ignore" });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal })),
      );
      let running = true;
      let midWrite = false;
      void exited.then(() => (running = false));
      if (trial % 2 === 0) {
        // Into the write itself: once the command's transaction holds the council's lock, a little later.
        while (running && !(await writing())) await new Promise((resolve) => setTimeout(resolve, 1));
        midWrite = running;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      } else {
        // Anywhere in the run.
        await new Promise((resolve) => setTimeout(resolve, durationMs * Math.random()));
      }
      child.kill("SIGKILL");
      const { code, signal } = await exited;
      const afterKill = await planState(sql, gssCode);
      const finish = spawnSync(process.execPath, runImport(gssCode), {
        env: env(),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(finish.status, finish.stderr).toBe(0);
      const complete = await planState(sql, gssCode);
      expect(complete).not.toBe(before);
      // Nothing of it, or all of it.
      expect([before, complete]).toContain(afterKill);
      outcomes.push(
        signal === "SIGKILL"
          ? afterKill === before
            ? midWrite
              ? "killed mid-write, nothing kept"
              : "killed, nothing kept"
            : "killed after committing"
          : `exited ${code}`,
      );
    }
    report(`kill -9 during import, ${Math.round(durationMs)} ms a run: ${outcomes.join("; ")}`);
    // Most trials must really have been cut short, or the test proves nothing.
    expect(outcomes.filter((o) => o.startsWith("killed")).length).toBeGreaterThanOrEqual(trials / 2);
  }, 600_000);
});
