import { and, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { actionWhere } from "../action/action.repository.js";
import { actionsTable } from "../action/action.table.js";
import { progressUpdatesTable } from "../action/progress-update.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import { recommendationsTable } from "../recommendation/recommendation.table.js";
import { comparisonStatement, readComparisonRow } from "./benchmark.comparison.js";
import { factsOn, factsOnEach } from "./benchmark.facts.js";
import type { BenchmarkPartition, BenchmarkQuery, ComparisonRowValues, CouncilFreshness } from "./benchmark.model.js";
import { partitions } from "./benchmark.rows.js";
import { int, rowsOf, text } from "../../shared/database/result-rows.js";
import { benchmarkStatement, isoDay } from "./benchmark.statement.js";

/** The benchmark's own `peerGroup` argument, ANDed with the filter's conditions. */
function inPeerGroup(peerGroupId: number | undefined): SQL | undefined {
  return peerGroupId === undefined ? undefined : isPeerGroupMember(peerChallengesTable.councilId, peerGroupId);
}

export function createBenchmarkRepository({ db }: { db: Database }) {
  const run = async (statement: SQL) => rowsOf(await db.execute(statement));

  return {
    /** One benchmark on one day: one statement, whatever the number of groups. */
    async benchmark(q: BenchmarkQuery, asOf: string): Promise<BenchmarkPartition> {
      const facts = factsOn(asOf, and(actionWhere(q.action, asOf), inPeerGroup(q.peerGroupId)));
      const [only] = partitions(await run(benchmarkStatement(q, facts)), 1);
      if (!only) throw new Error("benchmark statement returned no partition");
      return only;
    },

    /** The same benchmark on each of `days`: one statement for the whole series. */
    async series(q: BenchmarkQuery, days: string[]): Promise<BenchmarkPartition[]> {
      if (days.length === 0) return [];
      const facts = factsOnEach(q.action, inPeerGroup(q.peerGroupId), days);
      return partitions(await run(benchmarkStatement(q, facts)), days.length);
    },

    /** Each requested council against the members of a peer group (benchmark.comparison.ts): one statement. */
    async comparison(councilIds: readonly number[], peerGroupId: number, asOf: string): Promise<ComparisonRowValues[]> {
      if (councilIds.length === 0) return [];
      return (await run(comparisonStatement(councilIds, peerGroupId, asOf))).map(readComparisonRow);
    },

    /** Each council's latest progress update on or before `asOf`, and how many actions it has: one statement. */
    async freshness(councilIds: readonly number[], asOf: string): Promise<CouncilFreshness[]> {
      if (councilIds.length === 0) return [];
      const pu = progressUpdatesTable;
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
