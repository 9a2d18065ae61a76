import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import type { RecommendationRevisionRow } from "./recommendation-revision.table.js";
import type { RecommendationRepository } from "./recommendation.repository.js";
import type { RecommendationRow } from "./recommendation.table.js";

export interface RecommendationPage {
  rows: RecommendationRow[];
  totalCount: number;
}

export function createRecommendationLoaders(recommendations: RecommendationRepository) {
  // One loader per page size and offset asked in the request: each batches every theme into one statement.
  const pageByTheme = new Map<string, DataLoader<number, RecommendationPage>>();
  return {
    /** A page of the recommendations under each theme (Theme.recommendations). */
    pageByThemeId(page: PageRequest): DataLoader<number, RecommendationPage> {
      const key = `${page.limit}@${page.offset}`;
      let loader = pageByTheme.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await recommendations.findPagesByThemeIds(ids, page);
          return ids.map((id) => pages.get(id) ?? { rows: [], totalCount: 0 });
        });
        pageByTheme.set(key, loader);
      }
      return loader;
    },
    byId: new DataLoader<number, RecommendationRow | null>(async (ids) =>
      oneByKey(ids, await recommendations.findByIds(ids), (r) => r.id),
    ),
    revisionsByRecommendationId: new DataLoader<number, RecommendationRevisionRow[]>(async (ids) =>
      manyByKey(ids, await recommendations.findRevisionsByRecommendationIds(ids), (r) => r.recommendationId),
    ),
    byPeerChallengeId: new DataLoader<number, RecommendationRow[]>(async (ids) =>
      manyByKey(ids, await recommendations.findByPeerChallengeIds(ids), (r) => r.peerChallengeId),
    ),
    bySourceDocumentId: new DataLoader<number, RecommendationRow[]>(async (ids) =>
      manyByKey(ids, await recommendations.findBySourceDocumentIds(ids), (r) => r.sourceDocumentId),
    ),
  };
}

export type RecommendationLoaders = ReturnType<typeof createRecommendationLoaders>;
