import { inArray } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { sourceDocumentsTable, type SourceDocumentRow } from "./source-document.table.js";

export function createSourceDocumentRepository({ db }: { db: Database }) {
  return {
    async findByIds(ids: readonly number[]): Promise<SourceDocumentRow[]> {
      return db
        .select()
        .from(sourceDocumentsTable)
        .where(inArray(sourceDocumentsTable.id, [...ids]));
    },
    async findByPeerChallengeIds(ids: readonly number[]): Promise<SourceDocumentRow[]> {
      return db
        .select()
        .from(sourceDocumentsTable)
        .where(inArray(sourceDocumentsTable.peerChallengeId, [...ids]))
        .orderBy(sourceDocumentsTable.recordedOn, sourceDocumentsTable.id);
    },
  };
}

export type SourceDocumentRepository = ReturnType<typeof createSourceDocumentRepository>;
