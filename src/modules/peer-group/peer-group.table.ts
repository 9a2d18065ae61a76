import { index, integer, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";

export const peerGroupKind = pgEnum("peer_group_kind", ["TYPE", "REGION", "COUNTY", "NAMED", "USER"]);

export const peerGroupsTable = pgTable("peer_groups", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: peerGroupKind("kind").notNull(),
  description: text("description").notNull(),
});

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
