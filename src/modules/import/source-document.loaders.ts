import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { SourceDocumentRepository } from "./source-document.repository.js";
import type { SourceDocumentRow } from "./source-document.table.js";

export function createSourceDocumentLoaders(documents: SourceDocumentRepository) {
  return {
    byId: new DataLoader<number, SourceDocumentRow | null>(async (ids) => oneByKey(ids, await documents.findByIds(ids), (r) => r.id)),
    byPeerChallengeId: new DataLoader<number, SourceDocumentRow[]>(async (ids) =>
      manyByKey(ids, await documents.findByPeerChallengeIds(ids), (r) => r.peerChallengeId),
    ),
  };
}

export type SourceDocumentLoaders = ReturnType<typeof createSourceDocumentLoaders>;
