import { and, asc, count, eq, gt, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { escapeLike } from "../../shared/database/like-pattern.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import { themesTable } from "../theme/theme.table.js";
import { recommendationRevisionsTable, type RecommendationRevisionRow } from "./recommendation-revision.table.js";
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

/** How many recommendations meet `where` (over `recommendations` joined to `peer_challenges`): a page's totalCount. */
export async function countRecommendations(db: Database, where: SQL | undefined): Promise<number> {
  const [total] = await db
    .select({ n: count() })
    .from(recommendationsTable)
    .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
    .where(where);
  return total?.n ?? 0;
}

/** The order every list of recommendations takes: by council, challenge, then document order. */
const recommendationOrder: SQL[] = [
  asc(councilsTable.name),
  sql`${peerChallengesTable.heldOn} nulls last`,
  asc(recommendationsTable.peerChallengeId),
  asc(recommendationsTable.order),
  asc(recommendationsTable.id),
];

const subTheme = alias(themesTable, "sub_theme");
const keyTheme = alias(themesTable, "key_theme");

export function createRecommendationRepository({ db }: { db: Database }) {
  return {
    async findRevisionsByRecommendationIds(ids: readonly number[]): Promise<RecommendationRevisionRow[]> {
      return db
        .select()
        .from(recommendationRevisionsTable)
        .where(inArray(recommendationRevisionsTable.recommendationId, [...ids]))
        .orderBy(asc(recommendationRevisionsTable.id));
    },

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
        .orderBy(...recommendationOrder)
        .limit(page.limit)
        .offset(page.offset);
      return { rows: rows.map((x) => x.recommendation), totalCount: await countRecommendations(db, where) };
    },

    /**
     * One page of the recommendations under each theme (a component stands for itself and its
     * sub-themes, as in the themes filter), in list order, with each theme's total: one statement
     * for any number of themes, plus one for the totals of themes whose page came back empty when
     * it need not have (a page past the end, or first: 0).
     */
    async findPagesByThemeIds(
      themeIds: readonly number[],
      page: PageRequest,
    ): Promise<Map<number, { rows: RecommendationRow[]; totalCount: number }>> {
      const rt = recommendationThemesTable;
      const matched = db
        .selectDistinct({ themeId: sql<number>`${keyTheme.id}`.as("theme_id"), recommendationId: rt.recommendationId })
        .from(rt)
        .innerJoin(subTheme, eq(subTheme.id, rt.themeId))
        .innerJoin(keyTheme, or(eq(keyTheme.id, subTheme.id), eq(keyTheme.id, subTheme.parentId)))
        .where(inArray(keyTheme.id, [...themeIds]))
        .as("matched");
      const ranked = db
        .select({
          themeId: matched.themeId,
          recommendationId: matched.recommendationId,
          position:
            sql<number>`row_number() over (partition by ${matched.themeId} order by ${sql.join(recommendationOrder, sql`, `)})`.as(
              "rank_in_theme",
            ),
          total: sql<number>`count(*) over (partition by ${matched.themeId})`.as("theme_total"),
        })
        .from(matched)
        .innerJoin(recommendationsTable, eq(recommendationsTable.id, matched.recommendationId))
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .as("ranked");
      const rows = await db
        .select({ themeId: ranked.themeId, total: ranked.total, recommendation: recommendationsTable })
        .from(ranked)
        .innerJoin(recommendationsTable, eq(recommendationsTable.id, ranked.recommendationId))
        .where(and(gt(ranked.position, page.offset), lte(ranked.position, page.offset + page.limit)))
        .orderBy(ranked.themeId, ranked.position);
      const pages = new Map(themeIds.map((id) => [id, { rows: [] as RecommendationRow[], totalCount: 0 }]));
      for (const row of rows) {
        const found = pages.get(row.themeId);
        if (found === undefined) continue;
        found.rows.push(row.recommendation);
        found.totalCount = Number(row.total);
      }
      const uncounted = themeIds.filter((id) => pages.get(id)?.rows.length === 0);
      if (uncounted.length > 0 && (page.offset > 0 || page.limit === 0)) {
        const totals = await db
          .select({ themeId: matched.themeId, n: count() })
          .from(matched)
          .where(inArray(matched.themeId, uncounted))
          .groupBy(matched.themeId);
        for (const t of totals) {
          const found = pages.get(t.themeId);
          if (found !== undefined) found.totalCount = t.n;
        }
      }
      return pages;
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
