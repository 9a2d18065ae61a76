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
    /** The document and line it was read from; null for an action an editor added. */
    sourceDocumentId: integer("source_document_id").references(() => sourceDocumentsTable.id),
    sourceLine: integer("source_line"),
    /** Raised by 1 on every write (edits, progress, retirement): a write states the version it read. */
    version: integer("version").notNull().default(1),
    /** From this day on the action no longer counts in benchmarks, series or overdue filters. */
    retiredOn: date("retired_on", { mode: "string" }),
    retiredReason: text("retired_reason"),
  },
  (t) => [
    unique("actions_recommendation_position_unique").on(t.recommendationId, t.order),
    index("actions_deadline_idx").on(t.deadline),
    check("actions_position_positive", sql`${t.order} > 0`),
    check(
      "actions_deadline_matches_precision",
      sql`(${t.deadline} is null) = (${t.deadlinePrecision} in ('ONGOING', 'UNKNOWN'))`,
    ),
    check("actions_source_line_with_document", sql`(${t.sourceDocumentId} is null) = (${t.sourceLine} is null)`),
    check("actions_retired_with_reason", sql`(${t.retiredOn} is null) = (${t.retiredReason} is null)`),
  ],
);

export type ActionRow = typeof actionsTable.$inferSelect;
