import { describe, expect, it } from "vitest";
import { runningService } from "../support/entry-point.js";
import { send, report } from "./support/load.js";

const cheap = { query: `{ council(gssCode: "E07000073") { name } }` };
// Twenty benchmark computations at the cap, each grouped by council and component: the costliest kind of
// operation the default limits let through.
const heavy = {
  query: `{ ${Array.from(
    { length: 20 },
    (_, i) =>
      `b${i}: benchmark(asOf: "2026-${String((i % 12) + 1).padStart(2, "0")}-01", groupBy: [COUNCIL, LGA_COMPONENT], first: 100) { rowCount rows { measures { actions overdue } } }`,
  ).join(" ")} }`,
};

/** Hostile operations against the service started as `npm start` starts it, on PostgreSQL. */
describe("an alias and cost bomb", () => {
  const { entry } = runningService({ RATE_LIMIT_COST_PER_MINUTE: "0" });

  it.each([
    ["themes", `themes { id }`],
    ["council(gssCode:)", `council(gssCode: "E07000073") { name }`],
    ["actions(first: 100)", `actions(first: 100) { nodes { text } }`],
    ["benchmark(groupBy: [COUNCIL, LGA_COMPONENT])", `benchmark(groupBy: [COUNCIL, LGA_COMPONENT]) { rowCount }`],
  ])("refuses 1,000 aliases of %s with a code, in under 100 ms, before any SQL", async (_name, field) => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
    const requestId = `bomb-${Math.random().toString(36).slice(2)}`;
    // Warm: the first request of a process pays for compiling its code paths, which is not the refusal's cost.
    await send(entry().base, cheap);
    const outcome = await send(entry().base, { query }, { headers: { "x-request-id": requestId } });
    expect(outcome.status).toBe(400);
    // The smallest root selection is 6 tokens: a thousand of them pass MAX_QUERY_TOKENS (5,000), and
    // the parser stops there, before validation, whose cost grows with the document.
    expect(outcome.reasons).toEqual(["request.too_many_tokens"]);
    expect(outcome.ms).toBeLessThan(100);
    const logged = await entry().waitForLine((line) => line.message === "request" && line["requestId"] === requestId);
    expect(logged["statements"]).toBe(0);
  });

  it("answers a cheap query within 250 ms while the costliest allowed operation runs beside it", async () => {
    // Warm: a process's first heavy request pays for compiling its code paths.
    await send(entry().base, heavy, { timeoutMs: 60_000 });
    const costly = send(entry().base, heavy, { timeoutMs: 60_000 });
    // Let the heavy one reach the database first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const quick = await send(entry().base, cheap);
    expect(quick.status).toBe(200);
    expect(quick.ms).toBeLessThan(250);
    const heavyOutcome = await costly;
    report(`heavy ${Math.round(heavyOutcome.ms)} ms, cheap beside it ${Math.round(quick.ms)} ms`);
    expect(heavyOutcome.status).toBe(200);
    expect(heavyOutcome.reasons).toEqual([]);
  });
});
