import { createHash } from "node:crypto";
import fc from "fast-check";
import { actionsTable } from "../../../src/modules/action/action.table.js";
import { progressUpdatesTable } from "../../../src/modules/action/progress-update.table.js";
import { councilsTable } from "../../../src/modules/council/council.table.js";
import { sourceDocumentsTable } from "../../../src/modules/import/source-document.table.js";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { peerGroupMembersTable, peerGroupsTable } from "../../../src/modules/peer-group/peer-group.table.js";
import {
  recommendationsTable,
  recommendationThemesTable,
} from "../../../src/modules/recommendation/recommendation.table.js";
import type { ThemeRow } from "../../../src/modules/theme/theme.table.js";
import type { Database } from "../../../src/shared/database/database.js";
import type { MeasureValues } from "../../../src/modules/benchmark/benchmark.measures.js";

/** The service's measure names: only the type is shared; every figure here is computed independently. */
export type Measures = MeasureValues;

/*
 * Random councils, plans and update histories, written straight into the tables, and a plain
 * TypeScript reference for every benchmark measure, written from DOMAIN.md without looking at the
 * SQL: loops over actions, a sort for the percentiles.
 */

export const statuses = ["COMPLETE", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "UNKNOWN"] as const;
export type Status = (typeof statuses)[number];
export const dimensions = [
  "COUNCIL",
  "LGA_COMPONENT",
  "THEME",
  "STATUS",
  "COUNCIL_TYPE",
  "REGION",
  "PEER_CHALLENGE",
  "DEADLINE_QUARTER",
  "DEADLINE_YEAR",
] as const;
export type Dimension = (typeof dimensions)[number];

// ---- generated worlds -------------------------------------------------------------------------

export interface GenAction {
  deadline: string | null;
  updates: { recordedOn: string; status: Status }[];
}
export interface GenWorld {
  councils: {
    name: string;
    typeCode: string;
    region: string;
    inGroup: boolean;
    challenges: { recommendations: { subThemes: number[]; actions: GenAction[] }[] }[];
  }[];
}

const epoch = "2022-11-01";
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A day from late 2022 to mid-2025. Mostly on a 30-day grid of 25 days or on month ends, so that
 * deadlines, updates and series points often share a day (and two updates of one action tie on theirs).
 */
export const dayArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 24 }).map((n) => addDays(epoch, n * 30)) },
  // Month ends, where series points fall.
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 30 })
      .map((n) => new Date(Date.UTC(2022, 11 + n, 0)).toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => addDays(epoch, n)) },
);

/**
 * How a property picks its asOf: often a stored deadline or update day itself, the day after, the
 * day before or 90 days either side, which are exactly the boundaries of overdue (D < T), of
 * "status on T" (recorded on or before T) and of dueInNext90Days ([T, T + 90)).
 */
export const asOfArb = fc.record({
  pick: fc.option(fc.nat(), { freq: 4, nil: null }),
  offset: fc.constantFrom(0, 0, 1, -1, -90, -90, 90),
  free: dayArb,
});
export type AsOfChoice = typeof asOfArb extends fc.Arbitrary<infer A> ? A : never;

export function chooseAsOf(world: StoredWorld, choice: AsOfChoice): string {
  const days = world.actions
    .flatMap((a) => [...(a.deadline === null ? [] : [a.deadline]), ...a.updates.map((u) => u.recordedOn)])
    .sort();
  const day = choice.pick === null ? undefined : days[choice.pick % Math.max(days.length, 1)];
  return day === undefined ? choice.free : addDays(day, choice.offset);
}

// Few distinct values, so that groups, ties and empty groups are common.
const updateArb = fc.record({ recordedOn: dayArb, status: fc.constantFrom(...statuses) });
const actionArb: fc.Arbitrary<GenAction> = fc.record({
  deadline: fc.option(dayArb, { freq: 4 }),
  // Often two updates on one day: the later insert must win.
  updates: fc.tuple(fc.array(updateArb, { maxLength: 3 }), fc.boolean()).map(([updates, tie]) => {
    const [first, second, ...rest] = updates;
    return tie && first && second ? [first, { ...second, recordedOn: first.recordedOn }, ...rest] : updates;
  }),
});

export function worldArb(subThemeCount: number): fc.Arbitrary<GenWorld> {
  return fc.record({
    councils: fc.array(
      fc.record({
        name: fc.constantFrom("ASHWELL", "BARDON", "ASHWELL", "CRANMORE"),
        typeCode: fc.constantFrom("NMD", "UA"),
        region: fc.constantFrom("East of England", "London", "North West"),
        inGroup: fc.boolean(),
        challenges: fc.array(
          fc.record({
            recommendations: fc.array(
              fc.record({
                subThemes: fc.uniqueArray(fc.integer({ min: 0, max: subThemeCount - 1 }), { maxLength: 2 }),
                actions: fc.array(actionArb, { minLength: 1, maxLength: 6 }),
              }),
              { maxLength: 4 },
            ),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
}

// ---- the world as stored ---------------------------------------------------------------------

export interface StoredAction {
  id: number;
  councilId: number;
  challengeId: number;
  challengeHeldOn: string;
  subThemeIds: number[];
  deadline: string | null;
  updates: { id: number; recordedOn: string; status: Status }[];
}
export interface StoredWorld {
  councils: {
    id: number;
    gssCode: string;
    name: string;
    typeCode: string;
    typeName: string;
    region: string;
    inGroup: boolean;
  }[];
  groupSlug: string;
  actions: StoredAction[];
}

let serial = 0;

/** Inserts a generated world under fresh GSS codes and a fresh peer group of its `inGroup` councils. */
export async function storeWorld(db: Database, world: GenWorld, subThemes: ThemeRow[]): Promise<StoredWorld> {
  const run = (serial += 1);
  const councils = await db
    .insert(councilsTable)
    .values(
      world.councils.map((c, i) => {
        const n = run * 10 + i;
        return {
          gssCode: `E99${String(n).padStart(6, "0")}`,
          registerCode: `PT${n}`,
          slug: `property-${n}`,
          officialName: `${c.name} Council`,
          name: c.name,
          typeCode: c.typeCode,
          typeName: c.typeCode === "UA" ? "Unitary authority" : "Non-metropolitan district",
          region: c.region,
        };
      }),
    )
    .returning();
  const groupSlug = `property-run-${run}`;
  const [group] = await db
    .insert(peerGroupsTable)
    // Shared, so that the anonymous requests of the property tests may benchmark against it.
    .values({
      slug: groupSlug,
      name: groupSlug,
      kind: "USER",
      description: "property test",
      ownerName: "property test",
      shared: true,
    })
    .returning();
  if (!group) throw new Error("peer group not stored");
  const members = councils.filter((_, i) => world.councils[i]?.inGroup);
  if (members.length)
    await db.insert(peerGroupMembersTable).values(members.map((c) => ({ peerGroupId: group.id, councilId: c.id })));

  const actions: StoredAction[] = [];
  for (const [ci, genCouncil] of world.councils.entries()) {
    const council = councils[ci];
    if (!council) throw new Error("council not stored");
    for (const [hi, genChallenge] of genCouncil.challenges.entries()) {
      const heldOn = `${2021 + hi}-01-01`;
      const [challenge] = await db
        .insert(peerChallengesTable)
        .values({ councilId: council.id, title: `CPC ${hi}`, heldOn, heldOnPrecision: "YEAR" })
        .returning();
      if (!challenge) throw new Error("challenge not stored");
      const content = `property world ${run}/${ci}/${hi}`;
      const [doc] = await db
        .insert(sourceDocumentsTable)
        .values({
          councilId: council.id,
          peerChallengeId: challenge.id,
          filename: "property.txt",
          contentHash: createHash("sha256").update(content).digest("hex"),
          layout: "TEST",
          byteSize: content.length,
          content,
          recordedOn: "2022-01-01",
        })
        .returning();
      if (!doc) throw new Error("document not stored");
      for (const [ri, genRec] of genChallenge.recommendations.entries()) {
        const [rec] = await db
          .insert(recommendationsTable)
          .values({
            peerChallengeId: challenge.id,
            reference: String(ri + 1),
            order: ri + 1,
            text: "Recommendation",
            sourceDocumentId: doc.id,
            sourceLine: 1,
          })
          .returning();
        if (!rec) throw new Error("recommendation not stored");
        const subThemeIds = genRec.subThemes.map((i) => subThemes[i]?.id ?? -1);
        if (subThemeIds.length) {
          await db.insert(recommendationThemesTable).values(
            subThemeIds.map((themeId) => ({
              recommendationId: rec.id,
              themeId,
              method: "HAND" as const,
              confidence: 1,
            })),
          );
        }
        for (const [ai, genAction] of genRec.actions.entries()) {
          const [action] = await db
            .insert(actionsTable)
            .values({
              recommendationId: rec.id,
              order: ai + 1,
              text: "Action",
              deadline: genAction.deadline,
              deadlinePrecision: genAction.deadline === null ? "ONGOING" : "DAY",
              sourceDocumentId: doc.id,
              sourceLine: 1,
            })
            .returning();
          if (!action) throw new Error("action not stored");
          const updates = genAction.updates.length
            ? await db
                .insert(progressUpdatesTable)
                .values(
                  genAction.updates.map((u) => ({
                    actionId: action.id,
                    recordedOn: u.recordedOn,
                    status: u.status,
                    statusText: u.status,
                    source: "EDITOR" as const,
                  })),
                )
                .returning()
            : [];
          actions.push({
            id: action.id,
            councilId: council.id,
            challengeId: challenge.id,
            challengeHeldOn: heldOn,
            subThemeIds,
            deadline: genAction.deadline,
            updates: updates.map((u) => ({ id: u.id, recordedOn: u.recordedOn, status: u.status })),
          });
        }
      }
    }
  }
  return {
    councils: councils.map((c, i) => ({
      id: c.id,
      gssCode: c.gssCode,
      name: c.name,
      typeCode: c.typeCode,
      typeName: c.typeName,
      region: c.region,
      inGroup: world.councils[i]?.inGroup ?? false,
    })),
    groupSlug,
    actions,
  };
}

// ---- the reference ---------------------------------------------------------------------------

export interface ReferenceQuery {
  asOf: string;
  groupBy: Dimension[];
  /** Only the run's peer group members (else every council of the run). */
  inGroupOnly: boolean;
  statuses?: Status[];
  overdue?: boolean;
  hasDeadline?: boolean;
}

interface Fact {
  action: StoredAction;
  status: Status;
  overdue: boolean;
  daysOverdue: number | null;
  dueSoon: boolean;
  lastUpdate: string | null;
}

/** DOMAIN.md, literally: the latest update on or before the day (later insert wins a tie), else UNKNOWN. */
function factOn(action: StoredAction, day: string): Fact {
  let latest: StoredAction["updates"][number] | null = null;
  for (const u of action.updates) {
    if (u.recordedOn > day) continue;
    if (latest === null || u.recordedOn > latest.recordedOn || (u.recordedOn === latest.recordedOn && u.id > latest.id))
      latest = u;
  }
  const status = latest?.status ?? "UNKNOWN";
  const overdue = action.deadline !== null && action.deadline < day && status !== "COMPLETE";
  const dueSoon =
    action.deadline !== null && action.deadline >= day && action.deadline < addDays(day, 90) && status !== "COMPLETE";
  return {
    action,
    status,
    overdue,
    daysOverdue: overdue && action.deadline !== null ? daysBetween(action.deadline, day) : null,
    dueSoon,
    lastUpdate: latest?.recordedOn ?? null,
  };
}

/** percentile_cont as the SQL standard defines it: linear interpolation at p × (n − 1) over sorted values. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const low = sorted[lo] ?? NaN;
  const high = sorted[hi] ?? NaN;
  return low + (high - low) * (position - lo);
}

export function measuresOf(facts: Fact[]): Measures {
  const count = (test: (f: Fact) => boolean) => facts.filter(test).length;
  const days = facts.flatMap((f) => (f.daysOverdue === null ? [] : [f.daysOverdue]));
  const withDeadline = count((f) => f.action.deadline !== null);
  const complete = count((f) => f.status === "COMPLETE");
  const overdue = count((f) => f.overdue);
  const updates = facts.flatMap((f) => (f.lastUpdate === null ? [] : [f.lastUpdate])).sort();
  return {
    actions: facts.length,
    withDeadline,
    noDeadline: facts.length - withDeadline,
    complete,
    inProgress: count((f) => f.status === "IN_PROGRESS"),
    notStarted: count((f) => f.status === "NOT_STARTED"),
    ongoing: count((f) => f.status === "ONGOING"),
    unknown: count((f) => f.status === "UNKNOWN"),
    overdue,
    overdueRate: withDeadline === 0 ? null : overdue / withDeadline,
    completionRate: facts.length === 0 ? null : complete / facts.length,
    medianDaysOverdue: percentileCont(days, 0.5),
    p90DaysOverdue: percentileCont(days, 0.9),
    maxDaysOverdue: days.length ? Math.max(...days) : null,
    dueInNext90Days: count((f) => f.dueSoon),
    lastUpdatedOn: updates.at(-1) ?? null,
  };
}

/** A group's dimension values, as comparable keys and sort keys. */
export interface ReferenceRow {
  key: string;
  values: Partial<Record<Dimension, string | number | null>>;
  sortKeys: (string | number | null)[];
  measures: Measures;
}

function quarterStart(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `${y}-${String(m - ((m - 1) % 3)).padStart(2, "0")}-01`;
}
function financialYearStart(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `${m >= 4 ? y : y - 1}-04-01`;
}

export function rowKey(
  groupBy: readonly Dimension[],
  values: Partial<Record<Dimension, string | number | null>>,
): string {
  return JSON.stringify(groupBy.map((d) => values[d] ?? null));
}

export function reference(
  world: StoredWorld,
  themes: ThemeRow[],
  q: ReferenceQuery,
): { rows: ReferenceRow[]; totals: Measures } {
  const councilOf = new Map(world.councils.map((c) => [c.id, c]));
  const themeOf = new Map(themes.map((t) => [t.id, t]));
  const facts = world.actions
    .filter((a) => !q.inGroupOnly || councilOf.get(a.councilId)?.inGroup === true)
    .filter((a) => q.hasDeadline === undefined || (a.deadline !== null) === q.hasDeadline)
    .map((a) => factOn(a, q.asOf))
    .filter((f) => !q.statuses?.length || q.statuses.includes(f.status))
    .filter((f) => q.overdue === undefined || f.overdue === q.overdue);

  const groups = new Map<
    string,
    { values: ReferenceRow["values"]; sortKeys: ReferenceRow["sortKeys"]; facts: Fact[] }
  >();
  for (const fact of facts) {
    const a = fact.action;
    const council = councilOf.get(a.councilId);
    // Under which (sub-theme, component) pairs the action counts, per DOMAIN and the schema descriptions.
    let placements: { theme: number | null; component: number | null }[] = [{ theme: null, component: null }];
    if (q.groupBy.includes("THEME") && a.subThemeIds.length) {
      placements = a.subThemeIds.map((id) => ({ theme: id, component: themeOf.get(id)?.parentId ?? null }));
    } else if (q.groupBy.includes("LGA_COMPONENT") && a.subThemeIds.length) {
      placements = [...new Set(a.subThemeIds.map((id) => themeOf.get(id)?.parentId ?? null))].map((component) => ({
        theme: null,
        component,
      }));
    }
    for (const place of placements) {
      const values: ReferenceRow["values"] = {};
      const sortKeys: ReferenceRow["sortKeys"] = [];
      for (const d of q.groupBy) {
        switch (d) {
          case "COUNCIL":
            values[d] = a.councilId;
            sortKeys.push(council?.name ?? null, a.councilId);
            break;
          case "LGA_COMPONENT":
            values[d] = place.component;
            sortKeys.push(
              place.component === null ? null : (themeOf.get(place.component)?.position ?? null),
              place.component,
            );
            break;
          case "THEME": {
            const sub = place.theme === null ? undefined : themeOf.get(place.theme);
            values[d] = place.theme;
            sortKeys.push(
              sub?.parentId == null ? null : (themeOf.get(sub.parentId)?.position ?? null),
              sub?.position ?? null,
              place.theme,
            );
            break;
          }
          case "STATUS":
            values[d] = fact.status;
            sortKeys.push(statuses.indexOf(fact.status));
            break;
          case "COUNCIL_TYPE":
            values[d] = council?.typeCode ?? null;
            sortKeys.push(council?.typeCode ?? null, council?.typeName ?? null);
            break;
          case "REGION":
            values[d] = council?.region ?? null;
            sortKeys.push(council?.region ?? null);
            break;
          case "PEER_CHALLENGE":
            values[d] = a.challengeId;
            sortKeys.push(a.challengeHeldOn, a.challengeId);
            break;
          case "DEADLINE_QUARTER":
            values[d] = a.deadline === null ? null : quarterStart(a.deadline);
            sortKeys.push(values[d] ?? null);
            break;
          case "DEADLINE_YEAR":
            values[d] = a.deadline === null ? null : financialYearStart(a.deadline);
            sortKeys.push(values[d] ?? null);
            break;
        }
      }
      const key = rowKey(q.groupBy, values);
      const group = groups.get(key) ?? { values, sortKeys, facts: [] };
      group.facts.push(fact);
      groups.set(key, group);
    }
  }
  return {
    rows: [...groups.entries()].map(([key, g]) => ({
      key,
      values: g.values,
      sortKeys: g.sortKeys,
      measures: measuresOf(g.facts),
    })),
    totals: measuresOf(facts),
  };
}

/** Ascending, nulls last: the order the API documents for dimensions. */
export function compareKeys(a: readonly (string | number | null)[], b: readonly (string | number | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
