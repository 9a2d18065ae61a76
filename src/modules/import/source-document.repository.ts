import { getTableColumns, inArray } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { sourceDocumentsTable, type SourceDocumentRow } from "./source-document.table.js";

// The original bytes (up to IMPORT_MAX_DOCUMENT_BYTES each) stay in the database: no field serves them.
const { original: _original, ...readColumns } = getTableColumns(sourceDocumentsTable);

export function createSourceDocumentRepository({ db }: { db: Database }) {
  return {
    async findByIds(ids: readonly number[]): Promise<SourceDocumentRow[]> {
      return db
        .select(readColumns)
        .from(sourceDocumentsTable)
        .where(inArray(sourceDocumentsTable.id, [...ids]));
    },
    async findByPeerChallengeIds(ids: readonly number[]): Promise<SourceDocumentRow[]> {
      return db
        .select(readColumns)
        .from(sourceDocumentsTable)
        .where(inArray(sourceDocumentsTable.peerChallengeId, [...ids]))
        .orderBy(sourceDocumentsTable.recordedOn, sourceDocumentsTable.id);
    },
  };
}

export type SourceDocumentRepository = ReturnType<typeof createSourceDocumentRepository>;
