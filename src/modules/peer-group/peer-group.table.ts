import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";

export const peerGroupKind = pgEnum("peer_group_kind", ["TYPE", "REGION", "COUNTY", "NAMED", "USER"]);

/**
 * Built-in groups (TYPE, REGION, COUNTY, NAMED) come from the seed and have no owner; USER groups
 * belong to the key that made them (`owner_key_id` null only when made with ADMIN_TOKEN or the CLI)
 * and are private to it and admins unless `shared`.
 */
export const peerGroupsTable = pgTable(
  "peer_groups",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: peerGroupKind("kind").notNull(),
    description: text("description").notNull(),
    ownerKeyId: integer("owner_key_id"),
    /** The owner as named when the group was made, kept so a group outlives its key's listing. */
    ownerName: text("owner_name"),
    shared: boolean("shared").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("peer_groups_owner_idx").on(t.ownerKeyId),
    // Only a user's group has an owner name: a built-in group must never read as someone's.
    check("peer_groups_owner_only_user", sql`(${t.kind} = 'USER') = (${t.ownerName} is not null)`),
  ],
);

export const peerGroupMembersTable = pgTable(
  "peer_group_members",
  {
    peerGroupId: integer("peer_group_id")
      .notNull()
      .references(() => peerGroupsTable.id, { onDelete: "cascade" }),
    councilId: integer("council_id")
      .notNull()
      .references(() => councilsTable.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.peerGroupId, t.councilId] }),
    index("peer_group_members_council_idx").on(t.councilId),
  ],
);

export type PeerGroupRow = typeof peerGroupsTable.$inferSelect;
export type NewPeerGroupRow = typeof peerGroupsTable.$inferInsert;
