import { and, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../shared/database/database.js";
import { actionWhere, isOverdueAsOf, statusAsOf, type ActionQuery } from "../action/action.repository.js";
import { actionStatuses, type ActionStatusValue } from "../action/action.values.js";
import { actionsTable } from "../action/action.table.js";
import { progressUpdatesTable } from "../action/progress-update.table.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { peerGroupMembersTable } from "../peer-group/peer-group.table.js";
import { recommendationsTable, recommendationThemesTable } from "../recommendation/recommendation.table.js";
import { themesTable } from "../theme/theme.table.js";
import {
  emptyMeasures,
  measureDefinition,
  measureDefinitions,
  peerFigureFields,
  type BenchmarkDimensionValue,
  type BenchmarkPartition,
  type BenchmarkRowValues,
  type ComparisonRowValues,
  type CouncilFreshness,
  type HavingCondition,
  type MeasureValues,
  type OrderTerm,
  type PeerFigureValues,
} from "./benchmark.model.js";

/** A validated benchmark request in database terms (ids, not client keys). */
export interface BenchmarkQuery {
  /** The `filter` argument, resolved by ActionService.toQuery. */
  action: ActionQuery;
  /** The benchmark's own `peerGroup` argument; ANDed with any peer group in the filter. */
  peerGroupId?: number;
  groupBy: BenchmarkDimensionValue[];
  having: HavingCondition[];
  orderBy: OrderTerm[];
  /** Rows kept per benchmark (per series point); null keeps all. */
  limit: number | null;
}

// Aliases for the theme joins: the action → recommendation → challenge → council chain stays
// un-aliased because actionWhere's conditions name those tables.
const link = alias(recommendationThemesTable, "link");
const subTheme = alias(themesTable, "sub_theme");
const component = alias(themesTable, "component");
const linkFrom = sql`${recommendationThemesTable} as ${sql.identifier("link")}`;
const subThemeFrom = sql`${themesTable} as ${sql.identifier("sub_theme")}`;
const componentFrom = sql`${themesTable} as ${sql.identifier("component")}`;

const pu = progressUpdatesTable;

/** The freshest update behind an action on a day: what `lastUpdatedOn` aggregates. */
function lastUpdateOn(day: SQL): SQL {
  return sql`(select max(${pu.recordedOn}) from ${pu} where ${pu.actionId} = ${actionsTable.id} and ${pu.recordedOn} <= ${day})`;
}

function inPeerGroup(peerGroupId: number | undefined): SQL | undefined {
  if (peerGroupId === undefined) return undefined;
  return sql`${peerChallengesTable.councilId} in (select ${peerGroupMembersTable.councilId} from ${peerGroupMembersTable} where ${peerGroupMembersTable.peerGroupId} = ${peerGroupId})`;
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
  from ${actionsTable}
  inner join ${recommendationsTable} on ${recommendationsTable.id} = ${actionsTable.recommendationId}
  inner join ${peerChallengesTable} on ${peerChallengesTable.id} = ${recommendationsTable.peerChallengeId}
  inner join ${councilsTable} on ${councilsTable.id} = ${peerChallengesTable.councilId}`;

/** One row per action in scope on one day, reusing the actions list's own status, overdue and filter SQL. */
function factsOn(q: BenchmarkQuery, asOf: string): SQL {
  const where = and(actionWhere(q.action, asOf), inPeerGroup(q.peerGroupId));
  return sql`select 0 as period, ${asOf}::date as day, ${factColumns},
      ${statusAsOf(asOf)} as status,
      coalesce(${isOverdueAsOf(asOf)}, false) as overdue,
      ${lastUpdateOn(sql`${asOf}::date`)} as last_update
    ${factJoins}
    where ${where ?? sql`true`}`;
}

/**
 * One row per action in scope per series day. The filter's time-independent conditions come from
 * actionWhere; its status and overdue conditions are judged on each day, as a single benchmark
 * on that day would judge them.
 */
function factsOnEach(q: BenchmarkQuery, days: string[]): SQL {
  const { statuses, overdue, ...timeless } = q.action;
  // actionWhere reads its asOf only for statuses and overdue, which are stripped here.
  const where = and(actionWhere(timeless, days[0] ?? "1970-01-01"), inPeerGroup(q.peerGroupId));
  const periods = sql.join(
    days.map((day, i) => sql`(${i}::int, ${day}::date)`),
    sql`, `,
  );
  const onDay = sql`
    select periods.period, periods.day, ${factColumns},
      ${statusAsOf(sql`periods.day`)} as status,
      ${lastUpdateOn(sql`periods.day`)} as last_update
    from (values ${periods}) as periods (period, day)
    cross join ${actionsTable}
    inner join ${recommendationsTable} on ${recommendationsTable.id} = ${actionsTable.recommendationId}
    inner join ${peerChallengesTable} on ${peerChallengesTable.id} = ${recommendationsTable.peerChallengeId}
    inner join ${councilsTable} on ${councilsTable.id} = ${peerChallengesTable.councilId}
    where ${where ?? sql`true`}`;
  const overdueOnDay = sql`coalesce(s.deadline < s.day and s.status <> 'COMPLETE', false)`;
  const timed = and(
    statuses?.length
      ? sql`s.status in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    overdue === undefined ? undefined : overdue ? overdueOnDay : sql`not ${overdueOnDay}`,
  );
  return sql`select s.*, ${overdueOnDay} as overdue from (${onDay}) as s where ${timed ?? sql`true`}`;
}

/**
 * The per-action CTEs every aggregate reads: `facts` (one of the above), then the derived figures.
 * `facts` is MATERIALIZED because otherwise the planner inlines it and evaluates each status
 * subquery once per reference to the column (five index probes per action instead of three).
 */
function measuredCtes(facts: SQL): SQL {
  return sql`facts as materialized (${facts}),
    measured as (
      select f.*,
        case when f.overdue then f.day - f.deadline end as days_overdue,
        coalesce(f.deadline >= f.day and f.deadline < f.day + 90 and f.status <> 'COMPLETE', false) as due_soon
      from facts as f
    )`;
}

/**
 * Every measure over the rows of `m` in one group. Percentiles interpolate (percentile_cont) over
 * the days overdue of the overdue actions only: days_overdue is null for the others, and ordered-set
 * aggregates skip nulls.
 */
const aggregates = sql`
  count(*)::int as m_actions,
  (count(*) filter (where m.deadline is not null))::int as m_with_deadline,
  (count(*) filter (where m.deadline is null))::int as m_no_deadline,
  (count(*) filter (where m.status = 'COMPLETE'))::int as m_complete,
  (count(*) filter (where m.status = 'IN_PROGRESS'))::int as m_in_progress,
  (count(*) filter (where m.status = 'NOT_STARTED'))::int as m_not_started,
  (count(*) filter (where m.status = 'ONGOING'))::int as m_ongoing,
  (count(*) filter (where m.status = 'UNKNOWN'))::int as m_unknown,
  (count(*) filter (where m.overdue))::int as m_overdue,
  (count(*) filter (where m.overdue))::float8 / nullif(count(*) filter (where m.deadline is not null), 0) as m_overdue_rate,
  (count(*) filter (where m.status = 'COMPLETE'))::float8 / nullif(count(*), 0) as m_completion_rate,
  percentile_cont(0.5) within group (order by m.days_overdue) as m_median_days_overdue,
  percentile_cont(0.9) within group (order by m.days_overdue) as m_p90_days_overdue,
  max(m.days_overdue)::int as m_max_days_overdue,
  (count(*) filter (where m.due_soon))::int as m_due_in_next_90_days,
  max(m.last_update) as m_last_updated_on`;

/** A date as YYYY-MM-DD whatever the server's DateStyle. */
function isoDay(column: SQL): SQL {
  return sql`to_char(${column}::timestamp, 'YYYY-MM-DD')`;
}

function measureOutputs(from: string): SQL {
  return sql.join(
    measureDefinitions.map((d) => {
      const column = sql.raw(`${from}.m_${d.column}`);
      return d.kind === "date"
        ? sql`${isoDay(column)} as ${sql.identifier(`m_${d.column}`)}`
        : sql`${column} as ${sql.identifier(`m_${d.column}`)}`;
    }),
    sql`, `,
  );
}

interface DimensionSql {
  /** The d_ columns (see dimensionOutputs) it fills. */
  outputs: string[];
  select: SQL[];
  groupBy: SQL[];
  /** Output columns in sort order; a dimension sorts by its natural order (names, LGA numbering), then its key. */
  order: string[];
}

/** The dimension columns every result row carries, null where the benchmark does not group by them. */
const dimensionOutputs: { column: string; type: string; output: (column: SQL) => SQL }[] = [
  { column: "d_council_id", type: "int", output: (c) => c },
  { column: "d_component_id", type: "int", output: (c) => c },
  { column: "d_theme_id", type: "int", output: (c) => c },
  { column: "d_status", type: "text", output: (c) => sql`${c}::text` },
  { column: "d_council_type_code", type: "text", output: (c) => c },
  { column: "d_council_type_name", type: "text", output: (c) => c },
  { column: "d_region", type: "text", output: (c) => c },
  { column: "d_peer_challenge_id", type: "int", output: (c) => c },
  { column: "d_deadline_quarter", type: "date", output: isoDay },
  { column: "d_deadline_year", type: "date", output: isoDay },
];

function dimensionSql(dimension: BenchmarkDimensionValue, groupBy: readonly BenchmarkDimensionValue[]): DimensionSql {
  const col = (expr: SQL, name: string) => sql`${expr} as ${sql.identifier(name)}`;
  switch (dimension) {
    case "COUNCIL":
      return {
        outputs: ["d_council_id"],
        select: [col(sql`m.council_id`, "d_council_id"), col(sql`m.council_name`, "s_council_name")],
        groupBy: [sql`m.council_id`, sql`m.council_name`],
        order: ["s_council_name", "d_council_id"],
      };
    case "LGA_COMPONENT": {
      const [id, position] = groupBy.includes("THEME")
        ? [sql`${component.id}`, sql`${component.position}`]
        : [sql`rc.component_id`, sql`rc.component_position`];
      return {
        outputs: ["d_component_id"],
        select: [col(id, "d_component_id"), col(position, "s_component_position")],
        groupBy: [id, position],
        order: ["s_component_position", "d_component_id"],
      };
    }
    case "THEME":
      return {
        outputs: ["d_theme_id"],
        select: [
          col(sql`${subTheme.id}`, "d_theme_id"),
          col(sql`${component.position}`, "s_theme_component_position"),
          col(sql`${subTheme.position}`, "s_theme_position"),
        ],
        groupBy: [sql`${subTheme.id}`, sql`${component.position}`, sql`${subTheme.position}`],
        order: ["s_theme_component_position", "s_theme_position", "d_theme_id"],
      };
    case "STATUS":
      // The enum sorts in its declared order: COMPLETE, IN_PROGRESS, NOT_STARTED, ONGOING, UNKNOWN.
      return {
        outputs: ["d_status"],
        select: [col(sql`m.status`, "d_status")],
        groupBy: [sql`m.status`],
        order: ["d_status"],
      };
    case "COUNCIL_TYPE":
      return {
        outputs: ["d_council_type_code", "d_council_type_name"],
        select: [col(sql`m.type_code`, "d_council_type_code"), col(sql`m.type_name`, "d_council_type_name")],
        groupBy: [sql`m.type_code`, sql`m.type_name`],
        order: ["d_council_type_code", "d_council_type_name"],
      };
    case "REGION":
      return {
        outputs: ["d_region"],
        select: [col(sql`m.region`, "d_region")],
        groupBy: [sql`m.region`],
        order: ["d_region"],
      };
    case "PEER_CHALLENGE":
      return {
        outputs: ["d_peer_challenge_id"],
        select: [
          col(sql`m.peer_challenge_id`, "d_peer_challenge_id"),
          col(sql`m.peer_challenge_held_on`, "s_peer_challenge_held_on"),
        ],
        groupBy: [sql`m.peer_challenge_id`, sql`m.peer_challenge_held_on`],
        order: ["s_peer_challenge_held_on", "d_peer_challenge_id"],
      };
    case "DEADLINE_QUARTER": {
      // Financial quarters start in April, July, October and January: calendar quarter boundaries.
      const start = sql`date_trunc('quarter', m.deadline::timestamp)::date`;
      return {
        outputs: ["d_deadline_quarter"],
        select: [col(start, "d_deadline_quarter")],
        groupBy: [start],
        order: ["d_deadline_quarter"],
      };
    }
    case "DEADLINE_YEAR": {
      // The financial year (from 1 April) holding the deadline: shift back three months, take the calendar year.
      const start = sql`(date_trunc('year', m.deadline::timestamp - interval '3 months') + interval '3 months')::date`;
      return {
        outputs: ["d_deadline_year"],
        select: [col(start, "d_deadline_year")],
        groupBy: [start],
        order: ["d_deadline_year"],
      };
    }
  }
}

/**
 * Joins that put each action under its themes. By sub-theme: one row per (action, sub-theme).
 * By component alone: one row per (action, component), so an action whose recommendation has two
 * sub-themes of one component counts once for it. Actions under no theme keep one row with null themes.
 */
function themeJoins(groupBy: readonly BenchmarkDimensionValue[]): SQL {
  if (groupBy.includes("THEME")) {
    return sql`
      left join ${linkFrom} on ${link.recommendationId} = m.recommendation_id
      left join ${subThemeFrom} on ${subTheme.id} = ${link.themeId}
      left join ${componentFrom} on ${component.id} = ${subTheme.parentId}`;
  }
  if (groupBy.includes("LGA_COMPONENT"))
    return sql`left join (${componentLinks}) as rc on rc.recommendation_id = m.recommendation_id`;
  return sql``;
}

/** Each recommendation's distinct components. */
const componentLinks = sql`
  select distinct ${link.recommendationId} as recommendation_id, ${component.id} as component_id, ${component.position} as component_position
  from ${linkFrom}
  inner join ${subThemeFrom} on ${subTheme.id} = ${link.themeId}
  inner join ${componentFrom} on ${component.id} = ${subTheme.parentId}`;

function havingSql(condition: HavingCondition): SQL {
  const column = sql.raw(`g.m_${measureDefinition(condition.measure).column}`);
  if (condition.operator === "isNull") return condition.value ? sql`${column} is null` : sql`${column} is not null`;
  const value = typeof condition.value === "string" ? sql`${condition.value}::date` : sql`${condition.value}::float8`;
  const operator = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" }[condition.operator];
  return sql`${column} ${sql.raw(operator)} ${value}`;
}

function orderSql(q: BenchmarkQuery, dims: Map<BenchmarkDimensionValue, DimensionSql>): SQL {
  const terms: SQL[] = [];
  const by = (columns: string[], direction: "ASC" | "DESC") => {
    for (const c of columns) terms.push(sql`${sql.raw(`g.${c}`)} ${sql.raw(direction)} nulls last`);
  };
  for (const term of q.orderBy) {
    if (term.kind === "measure") by([`m_${measureDefinition(term.measure).column}`], term.direction);
    else by(dims.get(term.dimension)?.order ?? [], term.direction);
  }
  // Then the dimensions' natural order, so that ties (and the cut `first` makes) are deterministic.
  for (const dim of dims.values()) by(dim.order, "ASC");
  return terms.length ? sql.join(terms, sql`, `) : sql`g.period`;
}

/** The one statement behind a benchmark or a series: grouped rows per period, then per-period totals. */
function benchmarkStatement(q: BenchmarkQuery, facts: SQL): SQL {
  const dims = new Map(q.groupBy.map((d) => [d, dimensionSql(d, q.groupBy)]));
  const grouped = [...dims.values()];
  const dimensionSelects = [
    ...grouped.flatMap((d) => d.select),
    ...dimensionOutputs
      .filter((o) => !grouped.some((d) => d.outputs.includes(o.column)))
      .map((o) => sql`null::${sql.raw(o.type)} as ${sql.identifier(o.column)}`),
  ];
  const groupKeys = [sql`m.period`, ...grouped.flatMap((d) => d.groupBy)];
  const having = and(...q.having.map(havingSql));
  const rowOutputs = sql.join(
    dimensionOutputs.map((o) => sql`${o.output(sql.raw(`p.${o.column}`))} as ${sql.identifier(o.column)}`),
    sql`, `,
  );
  const totalOutputs = sql.join(
    dimensionOutputs.map(
      (o) => sql`null::${sql.raw(o.type === "date" ? "text" : o.type)} as ${sql.identifier(o.column)}`,
    ),
    sql`, `,
  );
  return sql`
    with ${measuredCtes(facts)},
    grouped as (
      select m.period, ${sql.join(dimensionSelects, sql`, `)}, ${aggregates}
      from measured as m ${themeJoins(q.groupBy)}
      group by ${sql.join(groupKeys, sql`, `)}
    ),
    picked as (
      select g.*,
        row_number() over (partition by g.period order by ${orderSql(q, dims)}) as position
      from grouped as g
      where ${having ?? sql`true`}
    )
    select 'row' as kind, p.period, ${rowOutputs}, ${measureOutputs("p")}, null::int as row_count, p.position::int as position
    from picked as p
    where ${q.limit === null ? sql`true` : sql`p.position <= ${q.limit}`}
    union all
    select 'total' as kind, t.period, ${totalOutputs}, ${measureOutputs("t")},
      (select count(*) from picked as c where c.period = t.period)::int as row_count, null::int as position
    from (select m.period, ${aggregates} from measured as m group by m.period) as t
    order by period, kind, position`;
}

/** Rows of `db.execute`, whichever the driver: postgres.js returns an array, PGlite an object holding `rows`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows: unknown = Array.isArray(result)
    ? result
    : typeof result === "object" && result !== null && "rows" in result
      ? result.rows
      : null;
  if (!Array.isArray(rows)) throw new Error("unexpected result shape from db.execute");
  return rows.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null);
}

// Both drivers may hand back numbers as strings (bigint, numeric): read every value defensively.
function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n =
    typeof value === "number" ? value : typeof value === "string" || typeof value === "bigint" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`expected a number from the database, got ${JSON.stringify(value)}`);
  return n;
}

function int(value: unknown): number {
  return num(value) ?? 0;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`expected text from the database, got ${JSON.stringify(value)}`);
  return value;
}

function status(value: unknown): ActionStatusValue | null {
  const name = text(value);
  if (name === null) return null;
  const found = actionStatuses.find((s) => s === name);
  if (found === undefined) throw new Error(`unexpected action status ${name} from the database`);
  return found;
}

function readMeasures(row: Record<string, unknown>): MeasureValues {
  const values = emptyMeasures();
  for (const d of measureDefinitions) {
    const raw = row[`m_${d.column}`];
    if (d.kind === "date") values.lastUpdatedOn = text(raw);
    else if (d.kind === "count") values[d.field] = int(raw);
    else values[d.field] = num(raw);
  }
  return values;
}

function readRow(row: Record<string, unknown>): BenchmarkRowValues {
  return {
    councilId: num(row["d_council_id"]),
    lgaComponentId: num(row["d_component_id"]),
    themeId: num(row["d_theme_id"]),
    status: status(row["d_status"]),
    councilTypeCode: text(row["d_council_type_code"]),
    councilTypeName: text(row["d_council_type_name"]),
    region: text(row["d_region"]),
    peerChallengeId: num(row["d_peer_challenge_id"]),
    deadlineQuarterStart: text(row["d_deadline_quarter"]),
    deadlineYearStart: text(row["d_deadline_year"]),
    measures: readMeasures(row),
  };
}

/** Splits the statement's rows into one partition per period (empty periods get zero totals). */
function partitions(rows: Record<string, unknown>[], periods: number): BenchmarkPartition[] {
  const result: BenchmarkPartition[] = Array.from({ length: periods }, () => ({
    rows: [],
    totals: emptyMeasures(),
    rowCount: 0,
  }));
  for (const row of rows) {
    const part = result[int(row["period"])];
    if (!part) throw new Error(`benchmark statement returned an unknown period ${String(row["period"])}`);
    if (row["kind"] === "total") {
      part.totals = readMeasures(row);
      // Carried on the totals row so that it survives `first` cutting every row.
      part.rowCount = int(row["row_count"]);
    } else part.rows.push(readRow(row));
  }
  return result;
}

export function createBenchmarkRepository({ db }: { db: Database }) {
  const run = async (statement: SQL) => rowsOf(await db.execute(statement));

  return {
    /** One benchmark on one day: one statement, whatever the number of groups. */
    async benchmark(q: BenchmarkQuery, asOf: string): Promise<BenchmarkPartition> {
      const [only] = partitions(await run(benchmarkStatement(q, factsOn(q, asOf))), 1);
      if (!only) throw new Error("benchmark statement returned no partition");
      return only;
    },

    /** The same benchmark on each of `days`: one statement for the whole series. */
    async series(q: BenchmarkQuery, days: string[]): Promise<BenchmarkPartition[]> {
      if (days.length === 0) return [];
      return partitions(await run(benchmarkStatement(q, factsOnEach(q, days))), days.length);
    },

    /**
     * Each requested council against the members of a peer group, on the whole plan, per LGA
     * component and per sub-theme: one statement for any number of councils. A member "has data"
     * under a theme when it has an action with a deadline there (its overdue rate is defined); group
     * medians and means are over those members; a council is ranked against the other members with
     * data, as if it were one of them when it is not.
     */
    async comparison(councilIds: readonly number[], peerGroupId: number, asOf: string): Promise<ComparisonRowValues[]> {
      if (councilIds.length === 0) return [];
      const members = sql`select ${peerGroupMembersTable.councilId} from ${peerGroupMembersTable} where ${peerGroupMembersTable.peerGroupId} = ${peerGroupId}`;
      const ids = sql`${sql.param([...councilIds])}::int[]`;
      const facts = sql`select 0 as period, ${asOf}::date as day, ${factColumns},
          ${statusAsOf(asOf)} as status,
          coalesce(${isOverdueAsOf(asOf)}, false) as overdue,
          ${lastUpdateOn(sql`${asOf}::date`)} as last_update
        ${factJoins}
        where ${peerChallengesTable.councilId} in (${members}) or ${peerChallengesTable.councilId} = any(${ids})`;
      const columnOf = (field: (typeof peerFigureFields)[number]) =>
        measureDefinitions.find((d) => d.field === field)?.column ?? field;
      const stat = (fn: "median" | "mean") =>
        sql.join(
          peerFigureFields.map((field) => {
            const column = sql.raw(`f.m_${columnOf(field)}`);
            const value =
              fn === "median"
                ? sql`percentile_cont(0.5) within group (order by ${column})`
                : sql`avg(${column})::float8`;
            return sql`${value} as ${sql.raw(`${fn}_${columnOf(field)}`)}`;
          }),
          sql`, `,
        );
      const statColumns = sql.join(
        ["median", "mean"].flatMap((fn) => peerFigureFields.map((field) => sql.raw(`s.${fn}_${columnOf(field)}`))),
        sql`, `,
      );
      const statement = sql`
        with ${measuredCtes(facts)},
        units as (
          select m.council_id, 0 as level, null::int as theme_id, ${aggregates}
          from measured as m group by m.council_id
          union all
          select m.council_id, 1, rc.component_id, ${aggregates}
          from measured as m inner join (${componentLinks}) as rc on rc.recommendation_id = m.recommendation_id
          group by m.council_id, rc.component_id
          union all
          select m.council_id, 2, ${link.themeId}, ${aggregates}
          from measured as m inner join ${linkFrom} on ${link.recommendationId} = m.recommendation_id
          group by m.council_id, ${link.themeId}
        ),
        figures as (
          select u.*, u.council_id in (${members}) as is_member from units as u
        ),
        keys as (
          select 0 as level, null::int as theme_id, 0 as component_position, 0 as theme_position
          union all
          select ${subTheme.level}, ${subTheme.id}, coalesce(${component.position}, ${subTheme.position}),
            case when ${subTheme.level} = 1 then 0 else ${subTheme.position} end
          from ${subThemeFrom} left join ${componentFrom} on ${component.id} = ${subTheme.parentId}
        ),
        stats as (
          select f.level, f.theme_id, count(*)::int as members_with_data, ${stat("median")}, ${stat("mean")}
          from figures as f
          where f.is_member and f.m_overdue_rate is not null
          group by f.level, f.theme_id
        ),
        requested as (select unnest(${ids}) as council_id)
        select r.council_id, r.council_id in (${members}) as council_is_member, k.level, k.theme_id, ${measureOutputs("c")},
          coalesce(s.members_with_data, 0) as members_with_data, ${statColumns}, rk.rank, rk.percentile
        from requested as r
        cross join keys as k
        left join figures as c on c.council_id = r.council_id and c.level = k.level and c.theme_id is not distinct from k.theme_id
        left join stats as s on s.level = k.level and s.theme_id is not distinct from k.theme_id
        left join lateral (
          select (1 + count(*) filter (where o.m_overdue_rate < c.m_overdue_rate))::int as rank,
            (count(*) filter (where o.m_overdue_rate > c.m_overdue_rate))::float8 / nullif(count(*), 0) as percentile
          from figures as o
          where o.is_member and o.council_id <> r.council_id and o.level = k.level
            and o.theme_id is not distinct from k.theme_id and o.m_overdue_rate is not null
        ) as rk on c.m_overdue_rate is not null
        order by r.council_id, k.level, k.component_position, k.theme_position`;
      return (await run(statement)).map((row) => {
        const figures = (fn: "median" | "mean"): PeerFigureValues => {
          const values: PeerFigureValues = {
            actions: null,
            withDeadline: null,
            complete: null,
            overdue: null,
            overdueRate: null,
            completionRate: null,
            medianDaysOverdue: null,
            maxDaysOverdue: null,
            dueInNext90Days: null,
          };
          for (const field of peerFigureFields) values[field] = num(row[`${fn}_${columnOf(field)}`]);
          return values;
        };
        const level = int(row["level"]);
        return {
          councilId: int(row["council_id"]),
          councilIsMember: row["council_is_member"] === true,
          level: level === 1 ? 1 : level === 2 ? 2 : 0,
          themeId: num(row["theme_id"]),
          measures: readMeasures(row),
          membersWithData: int(row["members_with_data"]),
          groupMedian: figures("median"),
          groupMean: figures("mean"),
          rank: num(row["rank"]),
          percentile: num(row["percentile"]),
        };
      });
    },

    /** Each council's latest progress update on or before `asOf`, and how many actions it has: one statement. */
    async freshness(councilIds: readonly number[], asOf: string): Promise<CouncilFreshness[]> {
      if (councilIds.length === 0) return [];
      const rows = await run(sql`
        select ${peerChallengesTable.councilId} as council_id,
          ${isoDay(sql`max(${pu.recordedOn})`)} as latest_update_on,
          count(distinct ${actionsTable.id})::int as actions
        from ${peerChallengesTable}
        inner join ${recommendationsTable} on ${recommendationsTable.peerChallengeId} = ${peerChallengesTable.id}
        inner join ${actionsTable} on ${actionsTable.recommendationId} = ${recommendationsTable.id}
        left join ${pu} on ${pu.actionId} = ${actionsTable.id} and ${pu.recordedOn} <= ${asOf}::date
        where ${peerChallengesTable.councilId} = any(${sql.param([...councilIds])}::int[])
        group by ${peerChallengesTable.councilId}`);
      return rows.map((row) => ({
        councilId: int(row["council_id"]),
        latestUpdateOn: text(row["latest_update_on"]),
        actions: int(row["actions"]),
      }));
    },
  };
}

export type BenchmarkRepository = ReturnType<typeof createBenchmarkRepository>;
