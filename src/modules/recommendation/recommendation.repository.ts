import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { escapeLike } from "../../shared/database/like-pattern.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import { recommendationsTable, recommendationThemesTable, type RecommendationRow } from "./recommendation.table.js";

/** Filters shared by recommendations and actions (an action matches through its recommendation). */
export interface RecommendationScope {
  councilIds?: number[];
  peerGroupId?: number;
  /** Sub-theme ids; a component is expanded to its sub-themes before it gets here. */
  themeIds?: number[];
  peerChallengeIds?: number[];
}

export interface RecommendationQuery extends RecommendationScope {
  kinds?: RecommendationRow["kind"][];
  search?: string;
}

/** Conditions over `recommendations` joined to `peer_challenges`. */
export function recommendationScopeWhere(q: RecommendationScope): SQL | undefined {
  const r = recommendationsTable;
  const pc = peerChallengesTable;
  return and(
    q.councilIds?.length ? inArray(pc.councilId, q.councilIds) : undefined,
    q.peerChallengeIds?.length ? inArray(r.peerChallengeId, q.peerChallengeIds) : undefined,
    q.peerGroupId === undefined ? undefined : isPeerGroupMember(pc.councilId, q.peerGroupId),
    q.themeIds?.length
      ? sql`exists (select 1 from ${recommendationThemesTable} where ${recommendationThemesTable.recommendationId} = ${r.id} and ${inArray(recommendationThemesTable.themeId, q.themeIds)})`
      : undefined,
  );
}

export function createRecommendationRepository({ db }: { db: Database }) {
  return {
    async findPage(
      q: RecommendationQuery,
      page: PageRequest,
    ): Promise<{ rows: RecommendationRow[]; totalCount: number }> {
      const r = recommendationsTable;
      const where = and(
        recommendationScopeWhere(q),
        q.kinds?.length ? inArray(r.kind, q.kinds) : undefined,
        q.search
          ? or(
              ilike(r.text, `%${escapeLike(q.search)}%`),
              ilike(r.title, `%${escapeLike(q.search)}%`),
              ilike(r.themeLabel, `%${escapeLike(q.search)}%`),
            )
          : undefined,
      );
      const rows = await db
        .select({ recommendation: r })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(where)
        .orderBy(
          asc(councilsTable.name),
          sql`${peerChallengesTable.heldOn} nulls last`,
          asc(r.peerChallengeId),
          asc(r.order),
          asc(r.id),
        )
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: count() })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .where(where);
      return { rows: rows.map((x) => x.recommendation), totalCount: total?.n ?? 0 };
    },

    async findByIds(ids: readonly number[]): Promise<RecommendationRow[]> {
      return db
        .select()
        .from(recommendationsTable)
        .where(inArray(recommendationsTable.id, [...ids]));
    },

    async findByPeerChallengeIds(ids: readonly number[]): Promise<RecommendationRow[]> {
      return db
        .select()
        .from(recommendationsTable)
        .where(inArray(recommendationsTable.peerChallengeId, [...ids]))
        .orderBy(asc(recommendationsTable.order), asc(recommendationsTable.id));
    },

    async findBySourceDocumentIds(ids: readonly number[]): Promise<RecommendationRow[]> {
      return db
        .select()
        .from(recommendationsTable)
        .where(inArray(recommendationsTable.sourceDocumentId, [...ids]))
        .orderBy(asc(recommendationsTable.order));
    },
  };
}

export type RecommendationRepository = ReturnType<typeof createRecommendationRepository>;
