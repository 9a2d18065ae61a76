import { and, asc, count, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { escapeLike } from "../../shared/database/like-pattern.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { recommendationScopeWhere, type RecommendationScope } from "../recommendation/recommendation.repository.js";
import { recommendationsTable } from "../recommendation/recommendation.table.js";
import { actionRevisionsTable, type ActionRevisionRow } from "./action-revision.table.js";
import { actionsTable, type ActionRow } from "./action.table.js";
import { progressUpdatesTable, type ProgressUpdateRow } from "./progress-update.table.js";
import type { ActionStatusValue } from "./action.values.js";
import { inPlanOnSql, isOverdueAsOfSql, statusAsOfSql, updateInForce } from "./action.status-rules.js";

export interface ActionQuery extends RecommendationScope {
  statuses?: ActionStatusValue[];
  overdue?: boolean;
  hasDeadline?: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  search?: string;
}

export function actionWhere(q: ActionQuery, asOf: string): SQL | undefined {
  const a = actionsTable;
  return and(
    recommendationScopeWhere(q),
    q.statuses?.length
      ? sql`${statusAsOfSql(asOf)} in (${sql.join(
          q.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    // Either answer to "overdue?" leaves out actions retired by asOf: they are no longer in the plan.
    q.overdue === undefined
      ? undefined
      : q.overdue
        ? isOverdueAsOfSql(asOf)
        : and(inPlanOnSql(asOf), sql`not ${isOverdueAsOfSql(asOf)}`),
    q.hasDeadline === undefined ? undefined : q.hasDeadline ? isNotNull(a.deadline) : isNull(a.deadline),
    q.deadlineFrom ? gte(a.deadline, q.deadlineFrom) : undefined,
    q.deadlineTo ? lte(a.deadline, q.deadlineTo) : undefined,
    q.search ? or(ilike(a.text, `%${escapeLike(q.search)}%`), ilike(a.lead, `%${escapeLike(q.search)}%`)) : undefined,
  );
}

export function createActionRepository({ db }: { db: Database }) {
  return {
    async findPage(
      q: ActionQuery,
      asOf: string,
      page: PageRequest,
    ): Promise<{ rows: ActionRow[]; totalCount: number }> {
      const where = actionWhere(q, asOf);
      const rows = await db
        .select({ action: actionsTable })
        .from(actionsTable)
        .innerJoin(recommendationsTable, eq(recommendationsTable.id, actionsTable.recommendationId))
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(where)
        .orderBy(
          asc(councilsTable.name),
          sql`${peerChallengesTable.heldOn} nulls last`,
          asc(peerChallengesTable.id),
          asc(recommendationsTable.order),
          asc(recommendationsTable.id),
          asc(actionsTable.order),
        )
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: count() })
        .from(actionsTable)
        .innerJoin(recommendationsTable, eq(recommendationsTable.id, actionsTable.recommendationId))
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
        .where(where);
      return { rows: rows.map((r) => r.action), totalCount: total?.n ?? 0 };
    },

    async findByIds(ids: readonly number[]): Promise<ActionRow[]> {
      return db
        .select()
        .from(actionsTable)
        .where(inArray(actionsTable.id, [...ids]));
    },

    async findByRecommendationIds(ids: readonly number[]): Promise<ActionRow[]> {
      return db
        .select()
        .from(actionsTable)
        .where(inArray(actionsTable.recommendationId, [...ids]))
        .orderBy(asc(actionsTable.order));
    },

    async findUpdatesByActionIds(ids: readonly number[]): Promise<ProgressUpdateRow[]> {
      return db
        .select()
        .from(progressUpdatesTable)
        .where(inArray(progressUpdatesTable.actionId, [...ids]))
        .orderBy(asc(progressUpdatesTable.recordedOn), asc(progressUpdatesTable.id));
    },

    async findRevisionsByActionIds(ids: readonly number[]): Promise<ActionRevisionRow[]> {
      return db
        .select()
        .from(actionRevisionsTable)
        .where(inArray(actionRevisionsTable.actionId, [...ids]))
        .orderBy(asc(actionRevisionsTable.id));
    },

    async findUpdatesByIds(ids: readonly number[]): Promise<ProgressUpdateRow[]> {
      return db
        .select()
        .from(progressUpdatesTable)
        .where(inArray(progressUpdatesTable.id, [...ids]));
    },

    /** The update in force on `asOf` for each action that has one: one statement for any number of actions. */
    async findLatestUpdatesAsOf(ids: readonly number[], asOf: string): Promise<ProgressUpdateRow[]> {
      const pu = progressUpdatesTable;
      return db
        .selectDistinctOn([pu.actionId])
        .from(pu)
        .where(and(inArray(pu.actionId, [...ids]), updateInForce.recordedBy(asOf)))
        .orderBy(asc(pu.actionId), ...updateInForce.order);
    },
  };
}

export type ActionRepository = ReturnType<typeof createActionRepository>;
