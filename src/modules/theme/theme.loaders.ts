import DataLoader from "dataloader";
import { manyByKey } from "../../shared/graphql/loader-helpers.js";
import type { RecommendationThemeRow } from "../recommendation/recommendation.table.js";
import type { ThemeRepository } from "./theme.repository.js";
import type { ThemeRow } from "./theme.table.js";

export function createThemeLoaders(themes: ThemeRepository) {
  // The taxonomy is small and fixed: one read per request serves every theme lookup in it.
  let all: Promise<ThemeRow[]> | undefined;
  const taxonomy = () => (all ??= themes.findAll());
  return {
    byId: new DataLoader<number, ThemeRow | null>(async (ids) => {
      const rows = await taxonomy();
      return ids.map((id) => rows.find((t) => t.id === id) ?? null);
    }),
    childrenById: new DataLoader<number, ThemeRow[]>(async (ids) =>
      manyByKey(
        ids,
        (await taxonomy()).filter((t) => t.parentId !== null),
        (t) => t.parentId ?? 0,
      ),
    ),
    linksByRecommendationId: new DataLoader<number, RecommendationThemeRow[]>(async (ids) =>
      manyByKey(ids, await themes.findLinks(ids), (l) => l.recommendationId),
    ),
  };
}

export type ThemeLoaders = ReturnType<typeof createThemeLoaders>;
