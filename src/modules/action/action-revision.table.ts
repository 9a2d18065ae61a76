import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { actionsTable } from "./action.table.js";

/**
 * Append-only (a trigger refuses UPDATE and DELETE): one row per field an edit changed, with the
 * value before and after, so a corrected text or target never silently replaces what was printed.
 */
export const actionRevisionsTable = pgTable(
  "action_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actionsTable.id),
    /** The action's version this change produced. */
    version: integer("version").notNull(),
    /** `text`, `lead`, `target` or `retiredOn`. */
    field: text("field").notNull(),
    before: text("before"),
    after: text("after"),
    /** Why, when the mutation takes a reason (a retirement). */
    reason: text("reason"),
    /** The day the change takes effect: null for corrections, which apply to every day. */
    effectiveOn: date("effective_on", { mode: "string" }),
    keyId: integer("key_id"),
    keyName: text("key_name").notNull(),
    revisedAt: timestamp("revised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_revisions_action_idx").on(t.actionId, t.id)],
);

export type ActionRevisionRow = typeof actionRevisionsTable.$inferSelect;
