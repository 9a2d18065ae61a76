import DataLoader from "dataloader";
import { oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { CouncilRepository } from "./council.repository.js";
import type { CouncilRow } from "./council.table.js";

export function createCouncilLoaders(councils: CouncilRepository) {
  return {
    byId: new DataLoader<number, CouncilRow | null>(async (ids) =>
      oneByKey(ids, await councils.findByIds(ids), (r) => r.id),
    ),
    byRegisterCode: new DataLoader<string, CouncilRow | null>(async (codes) =>
      oneByKey(codes, await councils.findByRegisterCodes(codes), (r) => r.registerCode),
    ),
  };
}

export type CouncilLoaders = ReturnType<typeof createCouncilLoaders>;
