import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchmarkRowValues } from "../../../src/modules/benchmark/benchmark.model.js";
import type { BenchmarkRequest } from "../../../src/modules/benchmark/benchmark.service.js";
import { anonymous } from "../../../src/modules/identity/identity.js";
import type { ThemeRow } from "../../../src/modules/theme/theme.table.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";
import {
  asOfArb,
  chooseAsOf,
  compareKeys,
  dayArb,
  dimensions,
  reference,
  rowKey,
  statuses,
  storeWorld,
  worldArb,
  type Dimension,
  type Measures,
  type ReferenceQuery,
  type StoredWorld,
} from "./benchmark-reference.js";

/*
 * Every measure of every row and of the totals, for random worlds (councils, challenges,
 * recommendations under 0-2 sub-themes, actions with random deadlines and update histories) and
 * random days, groupings and filters, equals the plain reference in benchmark-reference.ts. Each run
 * stores its world under fresh councils and its own peer group, so runs share one database.
 */

const valueOf: Record<Dimension, (r: BenchmarkRowValues) => string | number | null> = {
  COUNCIL: (r) => r.councilId,
  LGA_COMPONENT: (r) => r.lgaComponentId,
  THEME: (r) => r.themeId,
  STATUS: (r) => r.status,
  COUNCIL_TYPE: (r) => r.councilTypeCode,
  REGION: (r) => r.region,
  PEER_CHALLENGE: (r) => r.peerChallengeId,
  DEADLINE_QUARTER: (r) => r.deadlineQuarterStart,
  DEADLINE_YEAR: (r) => r.deadlineYearStart,
};

function keyOf(groupBy: readonly Dimension[], row: BenchmarkRowValues): string {
  return rowKey(groupBy, Object.fromEntries(groupBy.map((d) => [d, valueOf[d](row)])));
}

/** Counts and dates exactly; rates and percentiles to floating-point noise. */
function expectMeasures(actual: Measures, expected: Measures, where: string): void {
  for (const [field, value] of Object.entries(expected) as [keyof Measures, Measures[keyof Measures]][]) {
    const got = actual[field];
    if (typeof value === "number" && typeof got === "number" && !Number.isInteger(value)) {
      expect(got, `${where} ${field}`).toBeCloseTo(value, 9);
    } else {
      expect(got, `${where} ${field}`).toEqual(value);
    }
  }
}

const queryArb = fc.record({
  asOf: asOfArb,
  groupBy: fc.uniqueArray(fc.constantFrom(...dimensions), { maxLength: 3 }),
  inGroupOnly: fc.boolean(),
  statuses: fc.option(fc.uniqueArray(fc.constantFrom(...statuses), { minLength: 1, maxLength: 2 }), { freq: 3 }),
  overdue: fc.option(fc.boolean(), { freq: 3 }),
  hasDeadline: fc.option(fc.boolean(), { freq: 3 }),
});
type GenQuery = typeof queryArb extends fc.Arbitrary<infer Q> ? Q : never;

function toReference(q: GenQuery, asOf: string): ReferenceQuery {
  return {
    asOf,
    groupBy: q.groupBy,
    inGroupOnly: q.inGroupOnly,
    ...(q.statuses ? { statuses: q.statuses } : {}),
    ...(q.overdue !== null ? { overdue: q.overdue } : {}),
    ...(q.hasDeadline !== null ? { hasDeadline: q.hasDeadline } : {}),
  };
}

function toRequest(world: StoredWorld, q: GenQuery, asOf: string): BenchmarkRequest {
  return {
    asOf,
    groupBy: q.groupBy,
    // The peer group argument on one side, the filter's council list on the other: both paths get exercised.
    ...(q.inGroupOnly ? { peerGroup: world.groupSlug } : {}),
    filter: {
      councils: world.councils.map((c) => c.gssCode),
      ...(q.statuses ? { statuses: q.statuses } : {}),
      ...(q.overdue !== null ? { overdue: q.overdue } : {}),
      ...(q.hasDeadline !== null ? { hasDeadline: q.hasDeadline } : {}),
    },
  };
}

describe(`benchmark measures against a plain reference (${databaseKind})`, () => {
  let t: TestApp;
  let subThemes: ThemeRow[];
  let themes: ThemeRow[];
  beforeAll(async () => {
    t = await createTestApp();
    themes = await t.app.repositories.theme.findAll();
    subThemes = themes.filter((th) => th.level === 2);
  });
  afterAll(async () => t.close());

  it("computes every measure of every row and of the totals as the reference does", async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArb(22),
        queryArb,
        fc.array(asOfArb, { minLength: 3, maxLength: 3 }),
        async (world, q, moreDays) => {
          const stored = await storeWorld(t.database.db, world, subThemes);
          // Several days per world: each is one cheap statement, and more days meet more boundaries.
          for (const choice of [q.asOf, ...moreDays]) {
            const asOf = chooseAsOf(stored, choice);
            const actual = await t.app.services.benchmark.benchmark(
              anonymous,
              toRequest(stored, q, asOf),
              "2026-11-22",
            );
            const expected = reference(stored, themes, toReference(q, asOf));
            expect(actual.rows.map((r) => keyOf(q.groupBy, r)).sort(), asOf).toEqual(
              expected.rows.map((r) => r.key).sort(),
            );
            for (const row of actual.rows) {
              const key = keyOf(q.groupBy, row);
              const match = expected.rows.find((r) => r.key === key);
              if (!match) throw new Error(`no reference row ${key}`);
              expectMeasures(row.measures, match.measures, `${asOf} ${key}`);
            }
            expectMeasures(actual.totals, expected.totals, `${asOf} totals`);
            expect(actual.rowCount).toBe(expected.rows.length);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("orders, filters with having and cuts with first as the reference does, ties included", async () => {
    const measureArb = fc.constantFrom(
      ["ACTIONS", "actions"],
      ["OVERDUE", "overdue"],
      ["OVERDUE_RATE", "overdueRate"],
      ["COMPLETION_RATE", "completionRate"],
      ["MEDIAN_DAYS_OVERDUE", "medianDaysOverdue"],
      ["LAST_UPDATED_ON", "lastUpdatedOn"],
    ) as fc.Arbitrary<[string, keyof Measures]>;
    const shapeArb = fc.record({
      order: measureArb,
      direction: fc.constantFrom("ASC" as const, "DESC" as const),
      havingMinOverdue: fc.option(fc.integer({ min: 0, max: 3 })),
      first: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(worldArb(22), queryArb, shapeArb, async (world, q, shape) => {
        const stored = await storeWorld(t.database.db, world, subThemes);
        const asOf = chooseAsOf(stored, q.asOf);
        const [measure, field] = shape.order;
        const actual = await t.app.services.benchmark.benchmark(
          anonymous,
          {
            ...toRequest(stored, q, asOf),
            orderBy: [{ measure: measure as "ACTIONS", direction: shape.direction }],
            having: shape.havingMinOverdue === null ? [] : [{ measure: "OVERDUE", gte: shape.havingMinOverdue }],
            first: shape.first,
          },
          "2026-11-22",
        );
        const kept = reference(stored, themes, toReference(q, asOf)).rows.filter(
          (r) => shape.havingMinOverdue === null || r.measures.overdue >= shape.havingMinOverdue,
        );
        // By the measure (nulls last either way), then the dimensions' natural order, ascending.
        kept.sort((a, b) => {
          const x = a.measures[field];
          const y = b.measures[field];
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * (shape.direction === "DESC" ? -1 : 1);
          }
          return compareKeys(a.sortKeys, b.sortKeys);
        });
        expect(actual.rows.map((r) => keyOf(q.groupBy, r))).toEqual(kept.slice(0, shape.first).map((r) => r.key));
        expect(actual.rowCount).toBe(kept.length);
      }),
      { numRuns: 20 },
    );
  });

  it("measures each point of a series as the reference does on the point's day", async () => {
    const seriesArb = fc.record({
      from: dayArb,
      length: fc.integer({ min: 0, max: 200 }),
      interval: fc.constantFrom("MONTH" as const, "QUARTER" as const),
    });
    await fc.assert(
      fc.asyncProperty(worldArb(22), queryArb, seriesArb, async (world, q, s) => {
        const stored = await storeWorld(t.database.db, world, subThemes);
        const to = new Date(Date.parse(`${s.from}T00:00:00Z`) + s.length * 86_400_000).toISOString().slice(0, 10);
        const { asOf: _asOf, ...request } = toRequest(stored, q, s.from);
        const series = await t.app.services.benchmark.series(anonymous, {
          ...request,
          from: s.from,
          to,
          interval: s.interval,
        });
        for (const point of series.points) {
          const expected = reference(stored, themes, toReference(q, point.period.asOf));
          expect(point.rows.map((r) => keyOf(q.groupBy, r)).sort(), point.period.asOf).toEqual(
            expected.rows.map((r) => r.key).sort(),
          );
          for (const row of point.rows) {
            const key = keyOf(q.groupBy, row);
            const match = expected.rows.find((r) => r.key === key);
            if (!match) throw new Error(`no reference row ${key} on ${point.period.asOf}`);
            expectMeasures(row.measures, match.measures, `${point.period.asOf} ${key}`);
          }
          expectMeasures(point.totals, expected.totals, `${point.period.asOf} totals`);
        }
      }),
      { numRuns: 15 },
    );
  });
});
