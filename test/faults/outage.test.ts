import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntryPoint, type EntryPoint } from "../support/entry-point.js";
import { loadUntil, send, sleep, type Outcome, report } from "./support/load.js";
import { createPrivateCluster, type PrivateCluster } from "./support/private-cluster.js";

const deadlineMs = 2000;
const lookup = {
  query: `{ council(gssCode: "E07000073") { name peerChallenges { heldOn recommendations { reference } } } }`,
};

/**
 * The database stopped under load and started again, on a private cluster: while it is away every
 * request is answered within the deadline and 250 ms, with 503 and a code, readiness says 503, and
 * within 5 s of its return the service answers again.
 */
describe("PostgreSQL stopped mid-load", () => {
  let cluster: PrivateCluster;
  let service: EntryPoint & { base: string };

  beforeAll(async () => {
    cluster = await createPrivateCluster();
    service = await startEntryPoint({
      DATABASE_URL: cluster.url,
      REQUEST_DEADLINE_MS: String(deadlineMs),
      RATE_LIMIT_COST_PER_MINUTE: "0",
    });
  }, 180_000);
  afterAll(async () => {
    service?.child.kill("SIGTERM");
    await service?.exited;
    cluster?.destroy();
  });

  it("answers every request within deadline + 250 ms, says not ready, and recovers within 5 s", async () => {
    type Phase = "before" | "outage" | "recovering" | "done";
    // An object, not a variable: the loops read it as the test moves it on.
    const now: { phase: Phase } = { phase: "before" };
    const readiness: { phase: Phase; status: number }[] = [];
    const probe = (async () => {
      while (now.phase !== "done") {
        const at = now.phase;
        const response = await fetch(`${service.base}/readyz`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        readiness.push({ phase: at, status: response?.status ?? 0 });
        await response?.body?.cancel();
        await sleep(100);
      }
    })();
    const tagged: (Outcome & { phase: Phase })[] = [];
    const load = loadUntil(
      8,
      () => now.phase === "done",
      async () => {
        const at = now.phase;
        const outcome = await send(service.base, lookup, { timeoutMs: deadlineMs + 5000 });
        tagged.push({ ...outcome, phase: at });
        return outcome;
      },
    );

    await sleep(1000);
    cluster.stop();
    now.phase = "outage";
    await sleep(3000);
    cluster.start();
    const restarted = performance.now();
    now.phase = "recovering";
    let recoveredMs = Infinity;
    let readyMs = Infinity;
    while (performance.now() - restarted < 10_000 && (recoveredMs === Infinity || readyMs === Infinity)) {
      const outcome = await send(service.base, lookup, { timeoutMs: deadlineMs + 5000 });
      if (outcome.status === 200 && recoveredMs === Infinity) recoveredMs = performance.now() - restarted;
      const ready = await fetch(`${service.base}/readyz`).catch(() => null);
      if (ready?.status === 200 && readyMs === Infinity) readyMs = performance.now() - restarted;
      await ready?.body?.cancel();
      await sleep(50);
    }
    now.phase = "done";
    await Promise.all([load, probe]);

    // Every request got an HTTP answer in time: 200, or 503 with a retryable code; never internal.
    expect(tagged.filter((o) => o.status === 0).map((o) => o.error)).toEqual([]);
    const slowest = Math.max(...tagged.map((o) => o.ms));
    expect(slowest).toBeLessThanOrEqual(deadlineMs + 250);
    expect(new Set(tagged.map((o) => o.status))).toEqual(new Set([200, 503]));
    const reasons = new Set(tagged.filter((o) => o.status === 503).flatMap((o) => o.reasons));
    expect([...reasons].every((r) => r === "database.unavailable" || r === "request.timeout")).toBe(true);
    expect(tagged.some((o) => o.reasons.includes("internal"))).toBe(false);
    // Healthy before the outage; unavailable during it.
    expect(tagged.filter((o) => o.phase === "before" && o.status === 200).length).toBeGreaterThan(10);
    expect(tagged.filter((o) => o.phase === "outage" && o.status === 503).length).toBeGreaterThan(10);
    expect(readiness.filter((r) => r.phase === "before").every((r) => r.status === 200)).toBe(true);
    expect(readiness.filter((r) => r.phase === "outage").map((r) => r.status)).toContain(503);
    expect(readiness.filter((r) => r.phase === "outage" && r.status !== 503 && r.status !== 200)).toEqual([]);
    expect(recoveredMs).toBeLessThanOrEqual(5000);
    expect(readyMs).toBeLessThanOrEqual(5000);
    // The operator's half: PostgreSQL's own code in the log, with the request it cost.
    const logged = service.lines().filter((line) => line["event"] === "database.unavailable");
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      // SQLSTATE (57P01 admin shutdown, 57P03 cannot connect now, class 08), the driver's or the socket's code.
      expect(line["databaseCode"]).toMatch(/^(57P0[123]|08\w{3}|CONNECT(ION)?_[A-Z_]+|E[A-Z]+)$/);
      expect(typeof line["requestId"]).toBe("string");
    }
    report(
      `outage: ${tagged.length} requests, slowest ${Math.round(slowest)} ms, recovered after ${Math.round(recoveredMs)} ms, ready after ${Math.round(readyMs)} ms; codes logged: ${[...new Set(logged.map((l) => String(l["databaseCode"])))].join(", ")}`,
    );
  }, 60_000);
});
