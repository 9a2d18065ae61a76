import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { recommendationThemesTable, type RecommendationThemeRow } from "../recommendation/recommendation.table.js";
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

export function createThemeRepository({ db }: { db: Database }) {
  return {
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
