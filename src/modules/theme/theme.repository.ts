import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { actionsTable } from "../action/action.table.js";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import {
  recommendationsTable,
  recommendationThemesTable,
  type RecommendationRow,
  type RecommendationThemeRow,
} from "../recommendation/recommendation.table.js";
import { themesTable, type ThemeRow } from "./theme.table.js";

export interface ThemeSeed {
  code: string;
  level: 1 | 2;
  position: number;
  name: string;
  description: string;
  legacyNames: string[];
  parentCode: string | null;
}

export interface ThemeReviewQuery {
  councilIds?: number[];
  /** Recommendations whose best link is under this confidence (none at all counts as 0). */
  below: number;
}

/**
 * The review list's rule, in one place: no hand link (a person has decided), and the best rule
 * link's confidence under `below`, an abstention (no link) counting as confidence 0.
 */
function needsReview(below: number): SQL {
  const rt = recommendationThemesTable;
  const r = recommendationsTable;
  return sql`not exists (select 1 from ${rt} where ${rt.recommendationId} = ${r.id} and ${rt.method} = 'HAND')
    and coalesce((select max(${rt.confidence}) from ${rt} where ${rt.recommendationId} = ${r.id}), 0) < ${below}`;
}

/** A recommendation a person has classified: its hand links' sub-theme codes and what it says. */
export interface HandLinkedRecommendation {
  councilGss: string;
  reference: string;
  title: string | null;
  text: string;
  themeLabel: string | null;
  actions: string[];
  /**
   * In taxonomy order (theme ids follow it, the taxonomy being seeded in order): stored hand
   * links carry no rank of their own.
   */
  subThemes: string[];
}

export function createThemeRepository({ db }: { db: Database }) {
  return {
    /** Every recommendation with at least one hand link, by council code, challenge and document order. */
    async findHandLinked(): Promise<HandLinkedRecommendation[]> {
      const r = recommendationsTable;
      const rt = recommendationThemesTable;
      const a = actionsTable;
      return db
        .select({
          councilGss: councilsTable.gssCode,
          reference: r.reference,
          title: r.title,
          text: r.text,
          themeLabel: r.themeLabel,
          actions: sql<
            string[]
          >`array(select ${a.text} from ${a} where ${a.recommendationId} = ${r.id} order by ${a.order})`,
          subThemes: sql<
            string[]
          >`array(select ${themesTable.code} from ${rt} join ${themesTable} on ${themesTable.id} = ${rt.themeId}
            where ${rt.recommendationId} = ${r.id} and ${rt.method} = 'HAND' order by ${themesTable.id})`,
        })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(sql`exists (select 1 from ${rt} where ${rt.recommendationId} = ${r.id} and ${rt.method} = 'HAND')`)
        .orderBy(asc(councilsTable.gssCode), asc(r.peerChallengeId), asc(r.order), asc(r.id));
    },

    /** The review list: abstentions first, then the least confident, then council and document order. */
    async findReviewPage(
      q: ThemeReviewQuery,
      page: PageRequest,
    ): Promise<{ rows: RecommendationRow[]; totalCount: number }> {
      const r = recommendationsTable;
      const rt = recommendationThemesTable;
      const where = and(
        needsReview(q.below),
        q.councilIds?.length ? inArray(peerChallengesTable.councilId, q.councilIds) : undefined,
      );
      const rows = await db
        .select({ recommendation: r })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(where)
        .orderBy(
          sql`coalesce((select max(${rt.confidence}) from ${rt} where ${rt.recommendationId} = ${r.id}), 0)`,
          asc(councilsTable.name),
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

    /** The whole taxonomy: a few dozen rows, cheaper to read at once than to batch. */
    async findAll(): Promise<ThemeRow[]> {
      return db.select().from(themesTable).orderBy(asc(themesTable.level), asc(themesTable.position));
    },

    async findLinks(recommendationIds: readonly number[]): Promise<RecommendationThemeRow[]> {
      return db
        .select()
        .from(recommendationThemesTable)
        .where(inArray(recommendationThemesTable.recommendationId, [...recommendationIds]))
        .orderBy(sql`${recommendationThemesTable.confidence} desc`, asc(recommendationThemesTable.themeId));
    },

    /** Components first, so sub-themes find their parent's id; upserts by code. */
    async upsertTaxonomy(themes: ThemeSeed[]): Promise<void> {
      await db.transaction(async (tx) => {
        const ids = new Map<string, number>();
        for (const level of [1, 2] as const) {
          for (const theme of themes.filter((t) => t.level === level)) {
            const parentId = theme.parentCode === null ? null : ids.get(theme.parentCode);
            if (parentId === undefined) throw new Error(`theme ${theme.code}: unknown parent ${theme.parentCode}`);
            const values = {
              code: theme.code,
              level: theme.level,
              position: theme.position,
              name: theme.name,
              description: theme.description,
              legacyNames: theme.legacyNames,
              parentId,
            };
            const [saved] = await tx
              .insert(themesTable)
              .values(values)
              .onConflictDoUpdate({ target: themesTable.code, set: values })
              .returning({ id: themesTable.id });
            if (saved) ids.set(theme.code, saved.id);
          }
        }
      });
    },

    async findByCode(code: string): Promise<ThemeRow | undefined> {
      const [row] = await db.select().from(themesTable).where(eq(themesTable.code, code));
      return row;
    },
  };
}

export type ThemeRepository = ReturnType<typeof createThemeRepository>;
