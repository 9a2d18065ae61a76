import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { CouncilRow } from "../council/council.table.js";
import type { PeerGroupRepository } from "./peer-group.repository.js";
import type { PeerGroupRow } from "./peer-group.table.js";

export function createPeerGroupLoaders(groups: PeerGroupRepository) {
  return {
    byId: new DataLoader<number, PeerGroupRow | null>(async (ids) =>
      oneByKey(ids, await groups.findByIds(ids), (r) => r.id),
    ),
    membersByGroupId: new DataLoader<number, CouncilRow[]>(async (ids) =>
      manyByKey(ids, await groups.findMembers(ids), (r) => r.peerGroupId),
    ),
    groupsByCouncilId: new DataLoader<number, PeerGroupRow[]>(async (ids) =>
      manyByKey(ids, await groups.findGroupsOfCouncils(ids), (r) => r.councilId),
    ),
  };
}

export type PeerGroupLoaders = ReturnType<typeof createPeerGroupLoaders>;
