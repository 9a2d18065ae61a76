import { date, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sourceDocumentsTable } from "../import/source-document.table.js";
import { actionsTable } from "./action.table.js";
import { actionStatuses, progressUpdateSources, ragColours } from "./action.values.js";

export const actionStatus = pgEnum("action_status", actionStatuses);
export const ragColour = pgEnum("rag_colour", ragColours);
export const progressUpdateSource = pgEnum("progress_update_source", progressUpdateSources);

/**
 * Append-only status history (a trigger refuses UPDATE and DELETE): an action's status on a day
 * is its latest update recorded on or before that day, so every past benchmark stays reproducible.
 */
export const progressUpdatesTable = pgTable(
  "progress_updates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actionsTable.id),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    status: actionStatus("status").notNull(),
    statusText: text("status_text").notNull(),
    rag: ragColour("rag"),
    note: text("note"),
    source: progressUpdateSource("source").notNull(),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocumentsTable.id),
    /** The API key that recorded an editor's update (null for ADMIN_TOKEN, the CLI and documents). */
    recordedByKeyId: integer("recorded_by_key_id"),
    /** Who recorded an editor's update, as its key is named; null for documents and imports. */
    recordedByName: text("recorded_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("progress_updates_action_recorded_idx").on(t.actionId, t.recordedOn.desc(), t.id.desc()),
    index("progress_updates_recorded_idx").on(t.recordedOn),
  ],
);

export type ProgressUpdateRow = typeof progressUpdatesTable.$inferSelect;
