import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";

/** Every imported document, kept whole so any record can be traced to its line. */
export const sourceDocumentsTable = pgTable(
  "source_documents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    councilId: integer("council_id")
      .notNull()
      .references(() => councilsTable.id),
    peerChallengeId: integer("peer_challenge_id")
      .notNull()
      .references(() => peerChallengesTable.id),
    filename: text("filename").notNull(),
    /** sha256 of the UTF-8 content, hex: importing the same content twice is a no-op. */
    contentHash: text("content_hash").notNull(),
    layout: text("layout").notNull(),
    title: text("title"),
    byteSize: integer("byte_size").notNull(),
    content: text("content").notNull(),
    /** The date the document's statuses were true (from the manifest or the import options). */
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("source_documents_challenge_hash_unique").on(t.peerChallengeId, t.contentHash),
    index("source_documents_council_idx").on(t.councilId),
    check("source_documents_hash_format", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

export type SourceDocumentRow = typeof sourceDocumentsTable.$inferSelect;
