import { and, sql, type SQL } from "drizzle-orm";
import {
  component,
  componentFrom,
  componentLinks,
  link,
  linkFrom,
  measuredCtes,
  subTheme,
  subThemeFrom,
} from "./benchmark.facts.js";
import { measureAggregates, measureColumn, measureDefinition, measureDefinitions } from "./benchmark.measures.js";
import type { BenchmarkDimensionValue, BenchmarkQuery, HavingCondition } from "./benchmark.model.js";

/*
 * The SQL of a benchmark or a series: the facts grouped by the requested dimensions, filtered by
 * `having`, ordered and cut, then per-period totals, in one statement.
 */

/** A date as YYYY-MM-DD whatever the server's DateStyle. */
export function isoDay(column: SQL): SQL {
  return sql`to_char(${column}::timestamp, 'YYYY-MM-DD')`;
}

/** Every measure of the rows of `relation`, under its field name; dates as YYYY-MM-DD. */
export function measureOutputs(relation: string): SQL {
  return sql.join(
    measureDefinitions.map((d) => {
      const column = measureColumn(relation, d.field);
      return sql`${d.kind === "date" ? isoDay(column) : column} as ${sql.identifier(d.field)}`;
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

function havingSql(condition: HavingCondition): SQL {
  const column = measureColumn("g", measureDefinition(condition.measure).field);
  if (condition.operator === "isNull") return condition.value ? sql`${column} is null` : sql`${column} is not null`;
  const value = typeof condition.value === "string" ? sql`${condition.value}::date` : sql`${condition.value}::float8`;
  const operator = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" }[condition.operator];
  return sql`${column} ${sql.raw(operator)} ${value}`;
}

function orderSql(q: BenchmarkQuery, dims: Map<BenchmarkDimensionValue, DimensionSql>): SQL {
  const terms: SQL[] = [];
  const by = (columns: string[], direction: "ASC" | "DESC") => {
    for (const c of columns)
      terms.push(sql`${sql.identifier("g")}.${sql.identifier(c)} ${sql.raw(direction)} nulls last`);
  };
  for (const term of q.orderBy) {
    if (term.kind === "measure") by([measureDefinition(term.measure).field], term.direction);
    else by(dims.get(term.dimension)?.order ?? [], term.direction);
  }
  // Then the dimensions' natural order, so that ties (and the cut `first` makes) are deterministic.
  for (const dim of dims.values()) by(dim.order, "ASC");
  return terms.length ? sql.join(terms, sql`, `) : sql`g.period`;
}

/** The one statement behind a benchmark or a series: grouped rows per period, then per-period totals. */
export function benchmarkStatement(q: BenchmarkQuery, facts: SQL): SQL {
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
      select m.period, ${sql.join(dimensionSelects, sql`, `)}, ${measureAggregates}
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
    from (select m.period, ${measureAggregates} from measured as m group by m.period) as t
    order by period, kind, position`;
}
