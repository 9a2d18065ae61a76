import { or, sql, type SQL } from "drizzle-orm";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import {
  component,
  componentFrom,
  componentLinks,
  factsOn,
  link,
  linkFrom,
  measuredCtes,
  subTheme,
  subThemeFrom,
} from "./benchmark.facts.js";
import { measureAggregates, measureColumn, type MeasureValues } from "./benchmark.measures.js";
import { peerFigureFields, type ComparisonRowValues, type PeerFigureValues } from "./benchmark.model.js";
import { readMeasures } from "./benchmark.rows.js";
import { int, num } from "../../shared/database/result-rows.js";
import { measureOutputs } from "./benchmark.statement.js";

/** The column of a group statistic of a measure: `"groupMedian.overdueRate"`. */
const statColumn = (stat: "groupMedian" | "groupMean", field: keyof MeasureValues) => `${stat}.${field}`;

/**
 * Each requested council against the members of a peer group, on the whole plan, per LGA
 * component and per sub-theme: one statement for any number of councils. It reads the benchmark's
 * own facts (factsOn) over the members and the requested councils. A member "has data" under a
 * theme when it has an action with a deadline there (its overdue rate is defined); group medians
 * and means are over those members; a council is ranked against the other members with data, as
 * if it were one of them when it is not.
 */
export function comparisonStatement(councilIds: readonly number[], peerGroupId: number, asOf: string): SQL {
  const ids = sql`${sql.param([...councilIds])}::int[]`;
  const facts = factsOn(
    asOf,
    or(
      isPeerGroupMember(peerChallengesTable.councilId, peerGroupId),
      sql`${peerChallengesTable.councilId} = any(${ids})`,
    ),
  );
  const overdueRate = (relation: string) => measureColumn(relation, "overdueRate");
  const stats = sql.join(
    peerFigureFields.flatMap((field) => {
      const column = measureColumn("f", field);
      return [
        sql`percentile_cont(0.5) within group (order by ${column}) as ${sql.identifier(statColumn("groupMedian", field))}`,
        sql`avg(${column})::float8 as ${sql.identifier(statColumn("groupMean", field))}`,
      ];
    }),
    sql`, `,
  );
  const statOutputs = sql.join(
    peerFigureFields.flatMap((field) =>
      (["groupMedian", "groupMean"] as const).map((stat) => sql`s.${sql.identifier(statColumn(stat, field))}`),
    ),
    sql`, `,
  );
  return sql`
    with ${measuredCtes(facts)},
    units as (
      select m.council_id, 0 as level, null::int as theme_id, ${measureAggregates}
      from measured as m group by m.council_id
      union all
      select m.council_id, 1, rc.component_id, ${measureAggregates}
      from measured as m inner join (${componentLinks}) as rc on rc.recommendation_id = m.recommendation_id
      group by m.council_id, rc.component_id
      union all
      select m.council_id, 2, ${link.themeId}, ${measureAggregates}
      from measured as m inner join ${linkFrom} on ${link.recommendationId} = m.recommendation_id
      group by m.council_id, ${link.themeId}
    ),
    figures as (
      select u.*, ${isPeerGroupMember(sql`u.council_id`, peerGroupId)} as is_member from units as u
    ),
    keys as (
      select 0 as level, null::int as theme_id, 0 as component_position, 0 as theme_position
      union all
      select ${subTheme.level}, ${subTheme.id}, coalesce(${component.position}, ${subTheme.position}),
        case when ${subTheme.level} = 1 then 0 else ${subTheme.position} end
      from ${subThemeFrom} left join ${componentFrom} on ${component.id} = ${subTheme.parentId}
    ),
    stats as (
      select f.level, f.theme_id, count(*)::int as members_with_data, ${stats}
      from figures as f
      where f.is_member and ${overdueRate("f")} is not null
      group by f.level, f.theme_id
    ),
    requested as (select unnest(${ids}) as council_id)
    select r.council_id, ${isPeerGroupMember(sql`r.council_id`, peerGroupId)} as council_is_member, k.level, k.theme_id,
      ${measureOutputs("c")}, coalesce(s.members_with_data, 0) as members_with_data, ${statOutputs}, rk.rank, rk.percentile
    from requested as r
    cross join keys as k
    left join figures as c on c.council_id = r.council_id and c.level = k.level and c.theme_id is not distinct from k.theme_id
    left join stats as s on s.level = k.level and s.theme_id is not distinct from k.theme_id
    left join lateral (
      select (1 + count(*) filter (where ${overdueRate("o")} < ${overdueRate("c")}))::int as rank,
        (count(*) filter (where ${overdueRate("o")} > ${overdueRate("c")}))::float8 / nullif(count(*), 0) as percentile
      from figures as o
      where o.is_member and o.council_id <> r.council_id and o.level = k.level
        and o.theme_id is not distinct from k.theme_id and ${overdueRate("o")} is not null
    ) as rk on ${overdueRate("c")} is not null
    order by r.council_id, k.level, k.component_position, k.theme_position`;
}

/** One row of comparisonStatement as values. */
export function readComparisonRow(row: Record<string, unknown>): ComparisonRowValues {
  const figures = (stat: "groupMedian" | "groupMean"): PeerFigureValues => {
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
    for (const field of peerFigureFields) values[field] = num(row[statColumn(stat, field)]);
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
    groupMedian: figures("groupMedian"),
    groupMean: figures("groupMean"),
    rank: num(row["rank"]),
    percentile: num(row["percentile"]),
  };
}
