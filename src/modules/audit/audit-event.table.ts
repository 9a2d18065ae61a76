import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only (a trigger refuses UPDATE and DELETE): one row per mutation, written in the
 * mutation's own transaction, so a change and its record stand or fall together.
 */
export const auditEventsTable = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** The API key's id; null for the bootstrap ADMIN_TOKEN and for the CLI run by an operator. */
    keyId: integer("key_id"),
    keyName: text("key_name").notNull(),
    role: text("role").notNull(),
    /** The council the object belongs to, so editors see their councils' trail; null for global objects. */
    councilId: integer("council_id"),
    /** What was done: `action.update`, `progress.record`, `draft.publish`, `peer_group.create`, … */
    operation: text("operation").notNull(),
    objectType: text("object_type").notNull(),
    objectId: integer("object_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_council_idx").on(t.councilId, t.id.desc()),
    index("audit_events_object_idx").on(t.objectType, t.objectId),
  ],
);

export type AuditEventRow = typeof auditEventsTable.$inferSelect;
export type NewAuditEventRow = typeof auditEventsTable.$inferInsert;
