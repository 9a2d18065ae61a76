import { sql } from "drizzle-orm";
import { check, customType, date, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";

/** PostgreSQL bytea: postgres.js hands back a Buffer, PGlite a Uint8Array; both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

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
    /** sha256 of the document's bytes as received (for text, its UTF-8), hex: importing the same document twice is a no-op. */
    contentHash: text("content_hash").notNull(),
    /** The DocumentFormat it was read as; documents imported before formats were told apart were all text. */
    format: text("format").notNull().default("TEXT"),
    layout: text("layout").notNull(),
    title: text("title"),
    /** Size of the original as received, in bytes. */
    byteSize: integer("byte_size").notNull(),
    /** The document's text as stored (the reader's extraction for PDF, DOCX and XLSX): every line number points into it. */
    content: text("content").notNull(),
    /** The original bytes of a binary document (PDF, DOCX, XLSX), which `content` cannot give back; null for text formats. */
    original: bytea("original"),
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

/** A document as the API reads it: everything but the original bytes, which no field serves. */
export type SourceDocumentRow = Omit<typeof sourceDocumentsTable.$inferSelect, "original">;
