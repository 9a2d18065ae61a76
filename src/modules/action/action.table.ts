import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { sourceDocumentsTable } from "../import/source-document.table.js";
import { recommendationsTable } from "../recommendation/recommendation.table.js";
import { deadlinePrecisions } from "./action.values.js";

export const deadlinePrecision = pgEnum("deadline_precision", deadlinePrecisions);

export const actionsTable = pgTable(
  "actions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendationsTable.id),
    order: integer("position").notNull(),
    text: text("text").notNull(),
    lead: text("lead"),
    targetRaw: text("target_raw"),
    /** Last day of the last period the target names; null when ongoing or unknown. */
    deadline: date("deadline", { mode: "string" }),
    deadlinePrecision: deadlinePrecision("deadline_precision").notNull(),
    milestones: date("milestones", { mode: "string" })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    sourceDocumentId: integer("source_document_id")
      .notNull()
      .references(() => sourceDocumentsTable.id),
    sourceLine: integer("source_line").notNull(),
  },
  (t) => [
    unique("actions_recommendation_position_unique").on(t.recommendationId, t.order),
    index("actions_deadline_idx").on(t.deadline),
    check("actions_position_positive", sql`${t.order} > 0`),
    check(
      "actions_deadline_matches_precision",
      sql`(${t.deadline} is null) = (${t.deadlinePrecision} in ('ONGOING', 'UNKNOWN'))`,
    ),
  ],
);

export type ActionRow = typeof actionsTable.$inferSelect;
