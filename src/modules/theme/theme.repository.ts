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
import { countRecommendations } from "../recommendation/recommendation.repository.js";
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

const hasHandLink = (recommendationId: SQL | typeof recommendationsTable.id) =>
  sql`exists (select 1 from ${recommendationThemesTable} where ${recommendationThemesTable.recommendationId} = ${recommendationId} and ${recommendationThemesTable.method} = 'HAND')`;

/**
 * The review list's rule, in one place: no hand link (a person has decided), and the best rule
 * link's confidence under `below`, an abstention (no link) counting as confidence 0.
 */
function needsReview(below: number): SQL {
  const rt = recommendationThemesTable;
  const r = recommendationsTable;
  return sql`not ${hasHandLink(r.id)}
    and coalesce((select max(${rt.confidence}) from ${rt} where ${rt.recommendationId} = ${r.id}), 0) < ${below}`;
}

/** What the classifier reads of a stored recommendation, and where it is. */
export interface StoredRecommendationText {
  councilGss: string;
  reference: string;
  title: string | null;
  text: string;
  themeLabel: string | null;
  actions: string[];
}

/** A recommendation a person has classified: its hand links' sub-theme codes and what it says. */
export interface HandLinkedRecommendation extends StoredRecommendationText {
  /**
   * In taxonomy order (theme ids follow it, the taxonomy being seeded in order): stored hand
   * links carry no rank of their own.
   */
  subThemes: string[];
}

/** A stored recommendation no person has classified. */
export interface RuleClassified extends StoredRecommendationText {
  recommendationId: number;
}

export interface LinkToStore {
  themeId: number;
  method: "RULE" | "HAND";
  confidence: number;
  matched: string[];
}

/** What the classifier reads of a recommendation, as columns of a select over it and its council. */
const classifierInput = {
  councilGss: councilsTable.gssCode,
  reference: recommendationsTable.reference,
  title: recommendationsTable.title,
  text: recommendationsTable.text,
  themeLabel: recommendationsTable.themeLabel,
  actions: sql<string[]>`array(select ${actionsTable.text} from ${actionsTable}
    where ${actionsTable.recommendationId} = ${recommendationsTable.id} order by ${actionsTable.order})`,
};

export function createThemeRepository({ db }: { db: Database }) {
  return {
    /** Every recommendation without a hand link, with its actions' texts, in id order. */
    async findRuleClassified(): Promise<RuleClassified[]> {
      const r = recommendationsTable;
      return db
        .select({ recommendationId: r.id, ...classifierInput })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(sql`not ${hasHandLink(r.id)}`)
        .orderBy(asc(r.id));
    },

    /**
     * Replaces the links of each recommendation, in one transaction, unless a person has
     * classified it meanwhile: a hand link is never replaced here. Returns how many
     * recommendations now have other sub-themes than before.
     */
    async replaceRuleLinks(links: Map<number, LinkToStore[]>): Promise<number> {
      return db.transaction(async (tx) => {
        let replaced = 0;
        for (const [recommendationId, next] of links) {
          const deleted = await tx
            .delete(recommendationThemesTable)
            .where(
              and(
                eq(recommendationThemesTable.recommendationId, recommendationId),
                sql`not ${hasHandLink(sql`${recommendationId}`)}`,
              ),
            )
            .returning({ themeId: recommendationThemesTable.themeId });
          const [held] = await tx
            .select({ n: count() })
            .from(recommendationThemesTable)
            .where(eq(recommendationThemesTable.recommendationId, recommendationId));
          if ((held?.n ?? 0) > 0) continue;
          if (next.length > 0)
            await tx.insert(recommendationThemesTable).values(next.map((l) => ({ ...l, recommendationId })));
          const before = deleted.map((d) => d.themeId).sort((x, y) => x - y);
          const after = next.map((l) => l.themeId).sort((x, y) => x - y);
          if (before.join(",") !== after.join(",")) replaced++;
        }
        return replaced;
      });
    },

    /** Every recommendation with at least one hand link, by council code, challenge and document order. */
    async findHandLinked(): Promise<HandLinkedRecommendation[]> {
      const r = recommendationsTable;
      const rt = recommendationThemesTable;
      return db
        .select({
          ...classifierInput,
          subThemes: sql<
            string[]
          >`array(select ${themesTable.code} from ${rt} join ${themesTable} on ${themesTable.id} = ${rt.themeId}
            where ${rt.recommendationId} = ${r.id} and ${rt.method} = 'HAND' order by ${themesTable.id})`,
        })
        .from(r)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, r.peerChallengeId))
        .innerJoin(councilsTable, eq(councilsTable.id, peerChallengesTable.councilId))
        .where(hasHandLink(r.id))
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
      return { rows: rows.map((x) => x.recommendation), totalCount: await countRecommendations(db, where) };
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
