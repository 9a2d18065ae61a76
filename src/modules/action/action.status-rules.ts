import { desc, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { actionsTable } from "./action.table.js";
import type { ActionStatusValue } from "./action.values.js";
import { progressUpdatesTable } from "./progress-update.table.js";

/*
 * The rules DOMAIN.md states for an action's status and for "overdue", each once in SQL and once
 * in TypeScript, side by side: the actions list and its filters, the benchmarks, the comparison,
 * the importer's report and the Action type's fields all take them from here.
 */

const pu = progressUpdatesTable;

/** A day as SQL: a literal date, or an expression that varies per row (a series' period ends). */
function sqlDay(day: string | SQLWrapper): SQLWrapper {
  return typeof day === "string" ? sql`${day}::date` : day;
}

// --- Status as of a day -------------------------------------------------------------------------

/** The status of an action that has no progress update on or before the day. */
export const statusWithoutUpdate = "UNKNOWN" satisfies ActionStatusValue;

/**
 * The updates that may be in force on `day` (recorded on or before it), and the order that puts
 * the one in force first: the latest day, then the latest inserted (ties on one day). So an
 * editor's update on a day that already has a document's update wins when recorded after it: the
 * later word on a day is the council's current one. Editors' writes hold the action's row while
 * they insert (action-edit.repository.ts), so for one action insertion order is commit order.
 */
export const updateInForce = {
  recordedBy: (day: string): SQL => lte(pu.recordedOn, day),
  order: [desc(pu.recordedOn), desc(pu.id)] as const,
};

/**
 * SQL: an action's status on `asOf`, its latest progress update recorded on or before that day,
 * UNKNOWN when there is none. Correlated on `actions.id`, so it can sit in any query over the
 * actions table, the benchmarks' and series' included.
 */
export function statusAsOfSql(asOf: string | SQLWrapper): SQL<ActionStatusValue> {
  return sql<ActionStatusValue>`coalesce((select ${pu.status} from ${pu} where ${pu.actionId} = ${actionsTable.id} and ${pu.recordedOn} <= ${sqlDay(asOf)} order by ${sql.join([...updateInForce.order], sql`, `)} limit 1), ${sql.raw(`'${statusWithoutUpdate}'`)})`;
}

/** TypeScript: the status of the update in force (see updateInForce), UNKNOWN when there is none. */
export function statusAsOf(updateInForceOnDay: { status: ActionStatusValue } | null | undefined): ActionStatusValue {
  return updateInForceOnDay?.status ?? statusWithoutUpdate;
}

// --- Retirement ---------------------------------------------------------------------------------

/*
 * A retirement applies from its day: on and after `retiredOn` the action no longer counts in
 * benchmarks, series or overdue filters, and is never overdue; before it, it counts as it always did.
 * (Edits of text, lead and target are corrections instead: they apply to every day.)
 */

/** SQL: the action (a row of `actions`) still counts on `day`: not retired on or before it. */
export function inPlanOnSql(day: string | SQLWrapper): SQL<boolean> {
  return sql<boolean>`(${actionsTable.retiredOn} is null or ${actionsTable.retiredOn} > ${sqlDay(day)})`;
}

/** TypeScript: the action was retired on or before `day`. */
export function retiredBy(retiredOn: string | null, day: string): boolean {
  return retiredOn !== null && retiredOn <= day;
}

// --- Overdue ------------------------------------------------------------------------------------

/**
 * SQL: overdue on day T when the deadline D < T and the status on T is not COMPLETE; false (never
 * null) without a deadline. `deadline`, `status` and `day` are columns or expressions of one row.
 */
export function overdueSql(deadline: SQLWrapper, status: SQLWrapper, day: string | SQLWrapper): SQL<boolean> {
  return sql<boolean>`coalesce(${deadline} < ${sqlDay(day)} and ${status} <> 'COMPLETE', false)`;
}

/** SQL: the action (a row of `actions`) is overdue on `asOf`; never once it is retired (inPlanOnSql). */
export function isOverdueAsOfSql(asOf: string | SQLWrapper): SQL<boolean> {
  return sql<boolean>`(${inPlanOnSql(asOf)} and ${overdueSql(actionsTable.deadline, statusAsOfSql(asOf), asOf)})`;
}

/** SQL: days overdue (T − D) of a row already judged overdue, null otherwise. */
export function daysOverdueSql(overdue: SQLWrapper, deadline: SQLWrapper, day: SQLWrapper): SQL<number | null> {
  return sql<number | null>`case when ${overdue} then ${day} - ${deadline} end`;
}

/**
 * TypeScript: whether a deadline has passed on `asOf` (D < T), the half of "overdue" that needs no
 * status: an action whose deadline has not passed is not overdue whatever its status.
 */
export function deadlinePassed(deadline: string | null, asOf: string): deadline is string {
  return deadline !== null && deadline < asOf;
}

/** TypeScript: overdue on T when the deadline D < T and the status on T is not COMPLETE. */
export function isOverdue(deadline: string | null, status: ActionStatusValue, asOf: string): boolean {
  return deadlinePassed(deadline, asOf) && status !== "COMPLETE";
}

/** TypeScript: days overdue on T = T − D when overdue, null otherwise. */
export function daysOverdue(deadline: string | null, status: ActionStatusValue, asOf: string): number | null {
  if (!isOverdue(deadline, status, asOf) || deadline === null) return null;
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
}

// --- Due soon -----------------------------------------------------------------------------------

/** How far ahead "due soon" looks: a deadline from the day itself up to this many days after it. */
export const dueSoonDays = 90;

/** SQL: not COMPLETE on T with a deadline D where T ≤ D < T + 90. */
export function dueSoonSql(deadline: SQLWrapper, status: SQLWrapper, day: SQLWrapper): SQL<boolean> {
  return sql<boolean>`coalesce(${deadline} >= ${day} and ${deadline} < ${day} + ${sql.raw(String(dueSoonDays))} and ${status} <> 'COMPLETE', false)`;
}
