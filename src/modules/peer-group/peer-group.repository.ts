import { and, asc, count, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { isUniqueViolation } from "../../shared/database/unique-violation.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { writeAuditEvent } from "../audit/audit.writer.js";
import { councilsTable, type CouncilRow } from "../council/council.table.js";
import type { Identity } from "../identity/identity.js";
import { peerGroupMembersTable, peerGroupsTable, type NewPeerGroupRow, type PeerGroupRow } from "./peer-group.table.js";

type Kind = PeerGroupRow["kind"];
type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Whose private groups a list may show besides built-in and shared ones (authorization.policy.ts decides). */
export type PrivateGroupsVisible = "all" | { readonly ownerKeyId: number } | "none";

/** A user group's new values; the owner and kind never change. */
export interface UserGroupChange {
  slug?: string;
  name?: string;
  description?: string;
  shared?: boolean;
  councilIds?: readonly number[];
}

export type UserGroupWrite =
  | { outcome: "written"; group: PeerGroupRow }
  | { outcome: "missing" }
  | { outcome: "conflict"; version: number }
  | { outcome: "slug_taken" };

/** The user group with this id, if it still holds the version the writer read: the check of every write. */
function userGroupAt(id: number, expectedVersion: number) {
  return and(
    eq(peerGroupsTable.id, id),
    eq(peerGroupsTable.version, expectedVersion),
    eq(peerGroupsTable.kind, "USER"),
  );
}

export function createPeerGroupRepository({ db }: { db: Database }) {
  /** What the audit trail keeps of a group: its definition, members by GSS code. */
  async function auditView(tx: Transaction, group: PeerGroupRow) {
    const members = await tx
      .select({ gssCode: councilsTable.gssCode })
      .from(peerGroupMembersTable)
      .innerJoin(councilsTable, eq(councilsTable.id, peerGroupMembersTable.councilId))
      .where(eq(peerGroupMembersTable.peerGroupId, group.id))
      .orderBy(asc(councilsTable.gssCode));
    return {
      slug: group.slug,
      name: group.name,
      description: group.description,
      shared: group.shared,
      version: group.version,
      ownerKeyId: group.ownerKeyId,
      ownerName: group.ownerName,
      councils: members.map((m) => m.gssCode),
    };
  }

  async function replaceMembers(tx: Transaction, groupId: number, councilIds: readonly number[]): Promise<void> {
    await tx
      .delete(peerGroupMembersTable)
      .where(
        and(
          eq(peerGroupMembersTable.peerGroupId, groupId),
          councilIds.length
            ? sql`${peerGroupMembersTable.councilId} <> all(${sql.param([...councilIds])}::int[])`
            : undefined,
        ),
      );
    if (councilIds.length) {
      await tx
        .insert(peerGroupMembersTable)
        .values(councilIds.map((councilId) => ({ peerGroupId: groupId, councilId })))
        .onConflictDoNothing();
    }
  }

  /** Runs a write, answering a slug clash (the unique index, so no race can slip past) as data. */
  async function guardSlug<T>(write: () => Promise<T>): Promise<T | { outcome: "slug_taken" }> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) return { outcome: "slug_taken" };
      throw error;
    }
  }

  return {
    async findPage(
      kinds: Kind[] | undefined,
      visible: PrivateGroupsVisible,
      page: PageRequest,
    ): Promise<{ rows: PeerGroupRow[]; totalCount: number }> {
      const g = peerGroupsTable;
      const privateOnes =
        visible === "all" ? undefined : visible === "none" ? sql`false` : eq(g.ownerKeyId, visible.ownerKeyId);
      const where = and(
        kinds?.length ? inArray(g.kind, kinds) : undefined,
        privateOnes === undefined ? undefined : or(ne(g.kind, "USER"), eq(g.shared, true), privateOnes),
      );
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
            // A user who took the slug first keeps their group: seeding never turns it built-in.
            setWhere: ne(peerGroupsTable.kind, "USER"),
          })
          .returning({ id: peerGroupsTable.id });
        if (!saved) throw new Error(`peer group ${group.slug} was not saved: a user group holds the slug`);
        await replaceMembers(tx, saved.id, councilIds);
      });
    },

    /** Stores a user's group with its members, and its audit event, in one transaction. */
    async insertUserGroup(
      group: Omit<NewPeerGroupRow, "kind" | "id" | "version">,
      councilIds: readonly number[],
      by: Identity,
    ): Promise<UserGroupWrite> {
      return guardSlug(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(peerGroupsTable)
            .values({ ...group, kind: "USER" })
            .returning();
          await replaceMembers(tx, row!.id, councilIds);
          await writeAuditEvent(tx, by, {
            operation: "peer_group.create",
            objectType: "PeerGroup",
            objectId: row!.id,
            councilId: null,
            before: null,
            after: await auditView(tx, row!),
          });
          return { outcome: "written" as const, group: row! };
        }),
      );
    },

    /**
     * Changes a user group if it still holds `expectedVersion`, raising its version; the check and the
     * write are one UPDATE, so of two writers stating the same version exactly one succeeds.
     */
    async updateUserGroup(
      id: number,
      expectedVersion: number,
      change: UserGroupChange,
      operation: string,
      by: Identity,
    ): Promise<UserGroupWrite> {
      const { councilIds, ...columns } = change;
      return guardSlug(() =>
        db.transaction(async (tx): Promise<UserGroupWrite> => {
          const [held] = await tx.select().from(peerGroupsTable).where(eq(peerGroupsTable.id, id));
          if (held === undefined) return { outcome: "missing" };
          const [row] = await tx
            .update(peerGroupsTable)
            .set({ ...columns, version: sql`${peerGroupsTable.version} + 1`, updatedAt: sql`now()` })
            .where(userGroupAt(id, expectedVersion))
            .returning();
          if (row === undefined) return { outcome: "conflict", version: held.version };
          // Read under the row lock the UPDATE took: no other write can change the members meanwhile.
          const before = await auditView(tx, held);
          if (councilIds !== undefined) await replaceMembers(tx, id, councilIds);
          await writeAuditEvent(tx, by, {
            operation,
            objectType: "PeerGroup",
            objectId: id,
            councilId: null,
            before,
            after: await auditView(tx, row),
          });
          return { outcome: "written", group: row };
        }),
      );
    },

    /** Deletes a user group (its members go with it) if it still holds `expectedVersion`; the event keeps it. */
    async deleteUserGroup(id: number, expectedVersion: number, by: Identity): Promise<UserGroupWrite> {
      return db.transaction(async (tx): Promise<UserGroupWrite> => {
        const [held] = await tx.select().from(peerGroupsTable).where(eq(peerGroupsTable.id, id));
        if (held === undefined) return { outcome: "missing" };
        const before = await auditView(tx, held);
        const [row] = await tx.delete(peerGroupsTable).where(userGroupAt(id, expectedVersion)).returning();
        if (row === undefined) return { outcome: "conflict", version: held.version };
        await writeAuditEvent(tx, by, {
          operation: "peer_group.delete",
          objectType: "PeerGroup",
          objectId: id,
          councilId: null,
          before,
          after: null,
        });
        return { outcome: "written", group: row };
      });
    },
  };
}

export type PeerGroupRepository = ReturnType<typeof createPeerGroupRepository>;
