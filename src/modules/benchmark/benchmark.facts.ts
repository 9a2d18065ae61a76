import { and, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { actionWhere, type ActionQuery } from "../action/action.repository.js";
import {
  daysOverdueSql,
  dueSoonSql,
  inPlanOnSql,
  isOverdueAsOfSql,
  overdueSql,
  statusAsOfSql,
} from "../action/action.status-rules.js";
import { actionsTable } from "../action/action.table.js";
import { progressUpdatesTable } from "../action/progress-update.table.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { recommendationsTable, recommendationThemesTable } from "../recommendation/recommendation.table.js";
import { themesTable } from "../theme/theme.table.js";

/*
 * The per-action facts every benchmark aggregates: one row per action in scope per day, with its
 * status, overdue flag and freshness on that day. Benchmarks, series and the peer-group comparison
 * all read them through `measuredCtes`, so an action is judged alike whichever asks.
 */

// Aliases for the theme joins: the action → recommendation → challenge → council chain stays
// un-aliased because actionWhere's conditions name those tables.
export const link = alias(recommendationThemesTable, "link");
export const subTheme = alias(themesTable, "sub_theme");
export const component = alias(themesTable, "component");
export const linkFrom = sql`${recommendationThemesTable} as ${sql.identifier("link")}`;
export const subThemeFrom = sql`${themesTable} as ${sql.identifier("sub_theme")}`;
export const componentFrom = sql`${themesTable} as ${sql.identifier("component")}`;

/** Each recommendation's distinct components. */
export const componentLinks = sql`
  select distinct ${link.recommendationId} as recommendation_id, ${component.id} as component_id, ${component.position} as component_position
  from ${linkFrom}
  inner join ${subThemeFrom} on ${subTheme.id} = ${link.themeId}
  inner join ${componentFrom} on ${component.id} = ${subTheme.parentId}`;

const pu = progressUpdatesTable;

/** The freshest update behind an action on a day: what `lastUpdatedOn` aggregates. */
function lastUpdateOn(day: SQL): SQL {
  return sql`(select max(${pu.recordedOn}) from ${pu} where ${pu.actionId} = ${actionsTable.id} and ${pu.recordedOn} <= ${day})`;
}

/** The columns every fact row carries besides its day, period and status. */
const factColumns = sql`
  ${actionsTable.id} as action_id,
  ${actionsTable.recommendationId} as recommendation_id,
  ${actionsTable.deadline} as deadline,
  ${peerChallengesTable.id} as peer_challenge_id,
  ${peerChallengesTable.heldOn} as peer_challenge_held_on,
  ${councilsTable.id} as council_id,
  ${councilsTable.name} as council_name,
  ${councilsTable.typeCode} as type_code,
  ${councilsTable.typeName} as type_name,
  ${councilsTable.region} as region`;

const factJoins = sql`
  inner join ${recommendationsTable} on ${recommendationsTable.id} = ${actionsTable.recommendationId}
  inner join ${peerChallengesTable} on ${peerChallengesTable.id} = ${recommendationsTable.peerChallengeId}
  inner join ${councilsTable} on ${councilsTable.id} = ${peerChallengesTable.councilId}`;

/**
 * One row per action meeting `where` (conditions over actions, recommendations, peer_challenges
 * and councils) on one day, with the actions list's own status and overdue SQL.
 */
export function factsOn(asOf: string, where: SQL | undefined): SQL {
  return sql`select 0 as period, ${asOf}::date as day, ${factColumns},
      ${statusAsOfSql(asOf)} as status,
      ${isOverdueAsOfSql(asOf)} as overdue,
      ${lastUpdateOn(sql`${asOf}::date`)} as last_update
    from ${actionsTable} ${factJoins}
    where ${and(where, inPlanOnSql(asOf))}`;
}

/**
 * One row per action in scope per series day. The filter's time-independent conditions come from
 * actionWhere; its status and overdue conditions are judged on each day, as a single benchmark
 * on that day would judge them.
 */
export function factsOnEach(action: ActionQuery, scope: SQL | undefined, days: string[]): SQL {
  const { statuses, overdue, ...timeless } = action;
  // actionWhere reads its asOf only for statuses and overdue, which are stripped here.
  const where = and(actionWhere(timeless, days[0] ?? "1970-01-01"), scope);
  const periods = sql.join(
    days.map((day, i) => sql`(${i}::int, ${day}::date)`),
    sql`, `,
  );
  const onDay = sql`
    select periods.period, periods.day, ${factColumns},
      ${statusAsOfSql(sql`periods.day`)} as status,
      ${lastUpdateOn(sql`periods.day`)} as last_update
    from (values ${periods}) as periods (period, day)
    cross join ${actionsTable} ${factJoins}
    where ${and(where, inPlanOnSql(sql`periods.day`))}`;
  const overdueOnDay = overdueSql(sql`s.deadline`, sql`s.status`, sql`s.day`);
  const timed = and(
    statuses?.length
      ? sql`s.status in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    overdue === undefined ? undefined : overdue ? overdueOnDay : sql`not ${overdueOnDay}`,
  );
  return sql`select s.*, ${overdueOnDay} as overdue from (${onDay}) as s
    where ${timed ?? sql`true`}`;
}

/**
 * The per-action CTEs every aggregate reads: `facts` (one of the above), then the derived figures.
 * `facts` is MATERIALIZED because otherwise the planner inlines it and evaluates each status
 * subquery once per reference to the column (five index probes per action instead of three).
 */
export function measuredCtes(facts: SQL): SQL {
  return sql`facts as materialized (${facts}),
    measured as (
      select f.*,
        ${daysOverdueSql(sql`f.overdue`, sql`f.deadline`, sql`f.day`)} as days_overdue,
        ${dueSoonSql(sql`f.deadline`, sql`f.status`, sql`f.day`)} as due_soon
      from facts as f
    )`;
}
