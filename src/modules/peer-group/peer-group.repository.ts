import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { councilsTable, type CouncilRow } from "../council/council.table.js";
import { peerGroupMembersTable, peerGroupsTable, type NewPeerGroupRow, type PeerGroupRow } from "./peer-group.table.js";

type Kind = PeerGroupRow["kind"];

export function createPeerGroupRepository({ db }: { db: Database }) {
  return {
    async findPage(
      kinds: Kind[] | undefined,
      page: PageRequest,
    ): Promise<{ rows: PeerGroupRow[]; totalCount: number }> {
      const where = kinds?.length ? inArray(peerGroupsTable.kind, kinds) : undefined;
      const rows = await db
        .select()
        .from(peerGroupsTable)
        .where(where)
        .orderBy(asc(peerGroupsTable.kind), asc(peerGroupsTable.name))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(peerGroupsTable).where(where);
      return { rows, totalCount: total?.n ?? 0 };
    },

    async findByIds(ids: readonly number[]): Promise<PeerGroupRow[]> {
      return db
        .select()
        .from(peerGroupsTable)
        .where(inArray(peerGroupsTable.id, [...ids]));
    },

    async findBySlug(slug: string): Promise<PeerGroupRow | undefined> {
      const [row] = await db.select().from(peerGroupsTable).where(eq(peerGroupsTable.slug, slug));
      return row;
    },

    async findMembers(groupIds: readonly number[]): Promise<(CouncilRow & { peerGroupId: number })[]> {
      const rows = await db
        .select({ council: councilsTable, peerGroupId: peerGroupMembersTable.peerGroupId })
        .from(peerGroupMembersTable)
        .innerJoin(councilsTable, eq(councilsTable.id, peerGroupMembersTable.councilId))
        .where(inArray(peerGroupMembersTable.peerGroupId, [...groupIds]))
        .orderBy(asc(councilsTable.name));
      return rows.map((r) => ({ ...r.council, peerGroupId: r.peerGroupId }));
    },

    async findGroupsOfCouncils(councilIds: readonly number[]): Promise<(PeerGroupRow & { councilId: number })[]> {
      const rows = await db
        .select({ group: peerGroupsTable, councilId: peerGroupMembersTable.councilId })
        .from(peerGroupMembersTable)
        .innerJoin(peerGroupsTable, eq(peerGroupsTable.id, peerGroupMembersTable.peerGroupId))
        .where(inArray(peerGroupMembersTable.councilId, [...councilIds]))
        .orderBy(asc(peerGroupsTable.kind), asc(peerGroupsTable.name));
      return rows.map((r) => ({ ...r.group, councilId: r.councilId }));
    },

    /**
     * Makes a group hold exactly `councilIds`: upserts the group by slug, then adds and removes
     * members, so that re-seeding converges instead of duplicating.
     */
    async replaceGroup(group: NewPeerGroupRow, councilIds: number[]): Promise<void> {
      await db.transaction(async (tx) => {
        const [saved] = await tx
          .insert(peerGroupsTable)
          .values(group)
          .onConflictDoUpdate({
            target: peerGroupsTable.slug,
            set: { name: group.name, kind: group.kind, description: group.description },
          })
          .returning({ id: peerGroupsTable.id });
        if (!saved) throw new Error(`peer group ${group.slug} was not saved`);
        await tx
          .delete(peerGroupMembersTable)
          .where(
            and(
              eq(peerGroupMembersTable.peerGroupId, saved.id),
              councilIds.length
                ? sql`${peerGroupMembersTable.councilId} <> all(${sql.param(councilIds)}::int[])`
                : undefined,
            ),
          );
        if (councilIds.length) {
          await tx
            .insert(peerGroupMembersTable)
            .values(councilIds.map((councilId) => ({ peerGroupId: saved.id, councilId })))
            .onConflictDoNothing();
        }
      });
    },
  };
}

export type PeerGroupRepository = ReturnType<typeof createPeerGroupRepository>;
