import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOverdue } from "../../../src/modules/action/action.status-rules.js";
import type { ActionStatusValue } from "../../../src/modules/action/action.values.js";
import { factsOn } from "../../../src/modules/benchmark/benchmark.facts.js";
import { rowsOf } from "../../../src/shared/database/result-rows.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * "Overdue" is one rule (action.status-rules.ts) read four ways: the Action.isOverdue field, the
 * actions list's overdue filter, the benchmark's per-action facts and the TypeScript function.
 * They must agree on every seeded action on every day. The days straddle the seed's deadlines and
 * the days its statuses were recorded (2023-06-30 Harlow, 2024-06-30 Brentwood, 2025-05-02
 * Chelmsford): before a plan's statuses exist its actions are UNKNOWN, hence overdue once their
 * deadline passes, and some turn COMPLETE (no longer overdue) on the day the statuses arrive.
 */
const days = [
  "2000-01-01",
  "2023-06-29",
  "2023-06-30",
  "2023-07-01",
  "2024-05-31",
  "2024-06-30",
  "2024-07-01",
  "2025-01-31",
  "2025-02-01",
  "2025-05-01",
  "2025-05-02",
  "2025-12-01",
  "2026-11-22",
];

interface ActionNode {
  id: string;
  isOverdue: boolean;
  status: ActionStatusValue;
  target: { deadline: string | null };
}

interface ActionPage {
  actions: { nodes: ActionNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe(`one overdue rule, read four ways (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function ids(asOf: string, overdue: boolean | null): Promise<Map<string, ActionNode>> {
    const found = new Map<string, ActionNode>();
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: ActionPage | null; errors?: unknown } = await t.execute<ActionPage>(
        `query ($asOf: LocalDate, $after: String, $filter: ActionFilter) {
          actions(asOf: $asOf, first: 100, after: $after, filter: $filter) {
            nodes { id isOverdue status target { deadline } } pageInfo { hasNextPage endCursor } } }`,
        { asOf, after, filter: overdue === null ? null : { overdue } },
      );
      expect(errors).toBeUndefined();
      for (const node of data?.actions.nodes ?? []) found.set(node.id, node);
      if (!data?.actions.pageInfo.hasNextPage) return found;
      after = data.actions.pageInfo.endCursor;
    }
  }

  it("agrees on every seeded action for every day, with both overdue and not overdue actions", async () => {
    const seen = { overdue: 0, notOverdue: 0 };
    const changed = new Set<string>();
    const firstVerdict = new Map<string, boolean>();
    for (const day of days) {
      const all = await ids(day, null);
      expect(all.size, day).toBe(115);
      const [filteredIn, filteredOut] = await Promise.all([ids(day, true), ids(day, false)]);
      const facts = rowsOf(await t.database.db.execute(factsOn(day, undefined)));
      const factOverdue = new Map(facts.map((f) => [toGlobalId("Action", Number(f["action_id"])), f["overdue"]]));
      expect(factOverdue.size, day).toBe(all.size);
      const { data } = await t.execute<{ benchmark: { totals: { overdue: number; actions: number } } }>(
        `query ($asOf: LocalDate) { benchmark(asOf: $asOf) { totals { overdue actions } } }`,
        { asOf: day },
      );

      for (const [id, action] of all) {
        const where = `${id} on ${day}`;
        expect(filteredIn.has(id), where).toBe(action.isOverdue);
        expect(filteredOut.has(id), where).toBe(!action.isOverdue);
        expect(factOverdue.get(id), where).toBe(action.isOverdue);
        expect(isOverdue(action.target.deadline, action.status, day), where).toBe(action.isOverdue);
        seen[action.isOverdue ? "overdue" : "notOverdue"] += 1;
        const before = firstVerdict.get(id);
        if (before === undefined) firstVerdict.set(id, action.isOverdue);
        else if (before !== action.isOverdue) changed.add(id);
      }
      expect(data?.benchmark.totals).toEqual({
        actions: all.size,
        overdue: [...all.values()].filter((a) => a.isOverdue).length,
      });
    }
    expect(seen.overdue).toBeGreaterThan(0);
    expect(seen.notOverdue).toBeGreaterThan(0);
    // Some actions change verdict between days: the rule is exercised, not constant.
    expect(changed.size).toBeGreaterThan(0);
  });

  it("splits the 115 seeded actions into 50 overdue and 65 not overdue on 2024-06-30", async () => {
    // Hand counts from action.overdue.test.ts: Harlow 50, Brentwood 0, Chelmsford 0 on 2024-06-30;
    // Braintree and Southend-on-Sea print no dates.
    const overdue = await ids("2024-06-30", true);
    expect(overdue.size).toBe(50);
    const notOverdue = await ids("2024-06-30", false);
    expect(notOverdue.size).toBe(115 - 50);
  });
});
