import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { RecommendationRepository } from "./recommendation.repository.js";
import type { RecommendationRow } from "./recommendation.table.js";

export function createRecommendationLoaders(recommendations: RecommendationRepository) {
  return {
    byId: new DataLoader<number, RecommendationRow | null>(async (ids) =>
      oneByKey(ids, await recommendations.findByIds(ids), (r) => r.id),
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
