import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, real, text, unique } from "drizzle-orm/pg-core";
import { sourceDocumentsTable } from "../import/source-document.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { themesTable } from "../theme/theme.table.js";
import { recommendationKinds } from "./recommendation.values.js";

export const recommendationKind = pgEnum("recommendation_kind", recommendationKinds);
export const themeLinkMethod = pgEnum("theme_link_method", ["RULE", "HAND"]);

export const recommendationsTable = pgTable(
  "recommendations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    peerChallengeId: integer("peer_challenge_id")
      .notNull()
      .references(() => peerChallengesTable.id),
    reference: text("reference").notNull(),
    order: integer("position").notNull(),
    kind: recommendationKind("kind").notNull().default("RECOMMENDATION"),
    title: text("title"),
    text: text("text").notNull(),
    councilPosition: text("council_position"),
    accountable: text("accountable"),
    responsible: text("responsible"),
    themeLabel: text("theme_label"),
    sourceDocumentId: integer("source_document_id")
      .notNull()
      .references(() => sourceDocumentsTable.id),
    sourceLine: integer("source_line").notNull(),
    /** Raised by every write to it (updateRecommendation, a publish's correction); stated back by the next write. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("recommendations_challenge_reference_unique").on(t.peerChallengeId, t.reference),
    index("recommendations_challenge_idx").on(t.peerChallengeId, t.order),
    check("recommendations_position_positive", sql`${t.order} > 0`),
    check("recommendations_source_line_positive", sql`${t.sourceLine} > 0`),
  ],
);

/** How a recommendation came to sit under a sub-theme: the rule set (with its confidence) or a person. */
export const recommendationThemesTable = pgTable(
  "recommendation_themes",
  {
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendationsTable.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themesTable.id),
    method: themeLinkMethod("method").notNull(),
    confidence: real("confidence").notNull(),
    /** The rule patterns that fired, so a classification can be explained. */
    matched: text("matched")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Who set a HAND link through the API (null for rule links and the overrides file). */
    linkedByKeyId: integer("linked_by_key_id"),
    linkedByName: text("linked_by_name"),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.themeId] }),
    index("recommendation_themes_theme_idx").on(t.themeId),
    check("recommendation_themes_confidence_range", sql`${t.confidence} > 0 and ${t.confidence} <= 1`),
  ],
);

export type RecommendationRow = typeof recommendationsTable.$inferSelect;
export type RecommendationThemeRow = typeof recommendationThemesTable.$inferSelect;
