import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { PeerChallengeRepository } from "./peer-challenge.repository.js";
import type { PeerChallengeRow } from "./peer-challenge.table.js";

export function createPeerChallengeLoaders(challenges: PeerChallengeRepository) {
  return {
    byId: new DataLoader<number, PeerChallengeRow | null>(async (ids) =>
      oneByKey(ids, await challenges.findByIds(ids), (r) => r.id),
    ),
    byCouncilId: new DataLoader<number, PeerChallengeRow[]>(async (ids) =>
      manyByKey(ids, await challenges.findByCouncilIds(ids), (r) => r.councilId),
    ),
  };
}

export type PeerChallengeLoaders = ReturnType<typeof createPeerChallengeLoaders>;
