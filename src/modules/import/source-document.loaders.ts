import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { SourceDocumentRepository } from "./source-document.repository.js";
import type { SourceDocumentRow } from "./source-document.table.js";

export function createSourceDocumentLoaders(documents: SourceDocumentRepository) {
  const byId = new DataLoader<number, SourceDocumentRow | null>(async (ids) =>
    oneByKey(ids, await documents.findByIds(ids), (r) => r.id),
  );
  return {
    byId,
    /** A document split into lines once per request, however many records point into it. */
    linesById: new DataLoader<number, string[] | null>(async (ids) =>
      // A failed document fails its own key (DataLoader rejects a slot holding an Error), not the batch.
      (await byId.loadMany(ids)).map((doc) =>
        doc === null ? null : doc instanceof Error ? doc : doc.content.split(/\r\n|\r|\n/),
      ),
    ),
    byPeerChallengeId: new DataLoader<number, SourceDocumentRow[]>(async (ids) =>
      manyByKey(ids, await documents.findByPeerChallengeIds(ids), (r) => r.peerChallengeId),
    ),
  };
}

export type SourceDocumentLoaders = ReturnType<typeof createSourceDocumentLoaders>;
