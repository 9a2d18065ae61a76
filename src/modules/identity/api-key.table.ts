import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";

/**
 * API keys, stored only as the SHA-256 of the key (api-key.token.ts says why a fast hash is right
 * for random keys); `prefix` is the part shown in listings and logs, never enough to use the key.
 */
export const apiKeysTable = pgTable(
  "api_keys",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull().unique(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The key that created this one; null when made by the CLI or the bootstrap ADMIN_TOKEN. */
    createdByKeyId: integer("created_by_key_id"),
  },
  (t) => [
    index("api_keys_prefix_idx").on(t.prefix),
    check("api_keys_role_known", sql`${t.role} in ('ADMIN', 'EDITOR', 'ANALYST')`),
  ],
);

/** The councils an editor's key may change. */
export const apiKeyCouncilsTable = pgTable(
  "api_key_councils",
  {
    keyId: integer("key_id")
      .notNull()
      .references(() => apiKeysTable.id, { onDelete: "cascade" }),
    councilId: integer("council_id")
      .notNull()
      .references(() => councilsTable.id),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.councilId] })],
);

export type ApiKeyRow = typeof apiKeysTable.$inferSelect;
