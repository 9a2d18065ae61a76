/**
 * Load figures (issue: stay up under load): the service started as `npm start` starts it, on
 * PostgreSQL with the seed data, driven by autocannon at a fixed rate — 50 connections, 100
 * requests a second, 60 s per shape by default — reporting p50/p99 latency, throughput, errors
 * with sample bodies, the server's peak RSS and SQL statements per request. A benchmark, not a
 * test: `npm run bench:load` (BENCH_SECONDS, BENCH_RATE, BENCH_CONNECTIONS, BENCH_DATABASE_URL).
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { createServiceDatabase, startEntryPoint } from "../support/entry-point.js";

const seconds = Number(process.env["BENCH_SECONDS"] ?? 60);
const rate = Number(process.env["BENCH_RATE"] ?? 100);
const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 50);

const shapes = {
  "dashboard read (Greater Essex heatmap + freshness)": `{
    peerGroup(slug: "greater-essex") { name members { gssCode name latestUpdateOn isStale } }
    benchmark(asOf: "2026-11-22", peerGroup: "greater-essex", groupBy: [COUNCIL, LGA_COMPONENT]) {
      rowCount rows { council { gssCode } lgaComponent { code } measures { withDeadline overdue overdueRate } }
    }
  }`,
  "benchmark (all councils × LGA component)": `{
    benchmark(asOf: "2026-11-22", groupBy: [COUNCIL, LGA_COMPONENT], first: 1000) {
      rowCount totals { actions overdue } rows { council { gssCode } lgaComponent { code } measures { actions overdue overdueRate } }
    }
  }`,
};

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  process.env["TEST_DATABASE_URL"] ??=
    process.env["BENCH_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await createServiceDatabase();
  const service = await startEntryPoint({ ...database.env, RATE_LIMIT_COST_PER_MINUTE: "0" });
  const pid = service.child.pid ?? 0;
  const rows: string[] = [];
  try {
    for (const [name, query] of Object.entries(shapes)) {
      const body = JSON.stringify({ query });
      // Checked before timing: the shape answers, and without errors.
      const check = (await (
        await fetch(`${service.base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        })
      ).json()) as { errors?: unknown };
      if (check.errors) throw new Error(`${name} answers with errors: ${JSON.stringify(check.errors)}`);
      const errorBodies = new Map<string, number>();
      const before = service.lines().length;
      const result = await autocannon({
        url: `${service.base}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        connections,
        overallRate: rate,
        duration: seconds,
        requests: [
          {
            onResponse: (status: number, responseBody: string) => {
              if (status !== 200 || responseBody.includes('"errors"')) {
                const key = `${status} ${responseBody.slice(0, 160)}`;
                errorBodies.set(key, (errorBodies.get(key) ?? 0) + 1);
              }
            },
          },
        ],
      });
      const statements = service
        .lines()
        .slice(before)
        .filter((line) => line.message === "request" && line["path"] === "/graphql")
        .map((line) => Number(line["statements"]));
      const perRequest = statements.length ? Math.max(...statements) : 0;
      rows.push(
        `| ${name} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${result.errors + result.timeouts} | ${result.non2xx} | ${perRequest} | ${peakRssMb(pid)} |`,
      );
      for (const [key, count] of errorBodies)
        rows.push(`|   ↳ ${count} × ${key.replaceAll("|", "\\|")} | | | | | | | | |`);
    }
  } finally {
    service.child.kill("SIGTERM");
    await service.exited;
    await database.dispose();
  }
  process.stdout.write(
    `load, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, PostgreSQL, seed data; ${connections} connections, ${rate} req/s offered, ${seconds} s per shape\n`,
  );
  process.stdout.write(
    `| shape | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | SQL statements per request | server peak RSS MB |\n|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n`,
  );
}

await main();
