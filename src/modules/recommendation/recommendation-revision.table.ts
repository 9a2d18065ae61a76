import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { recommendationsTable } from "./recommendation.table.js";

/**
 * Append-only (a trigger refuses UPDATE and DELETE): one row per field an edit changed, with the
 * value before and after, so a corrected text or theme never silently replaces what was printed.
 */
export const recommendationRevisionsTable = pgTable(
  "recommendation_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendationsTable.id),
    /** The recommendation's version this change produced. */
    version: integer("version").notNull(),
    /** `title`, `text`, `position`, `accountable`, `responsible` or `themes` (sub-theme codes, comma-separated). */
    field: text("field").notNull(),
    before: text("before"),
    after: text("after"),
    /** Why, when the change came from somewhere other than a direct edit (a draft's publish). */
    reason: text("reason"),
    keyId: integer("key_id"),
    keyName: text("key_name").notNull(),
    revisedAt: timestamp("revised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recommendation_revisions_recommendation_idx").on(t.recommendationId, t.id)],
);

export type RecommendationRevisionRow = typeof recommendationRevisionsTable.$inferSelect;
