import { and, asc, count, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { councilsTable } from "../council/council.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import { peerChallengesTable, type PeerChallengeRow } from "./peer-challenge.table.js";

export interface PeerChallengeQuery {
  councilIds?: number[];
  peerGroupId?: number;
  heldFrom?: string;
  heldTo?: string;
}

function whereOf(q: PeerChallengeQuery): SQL | undefined {
  const pc = peerChallengesTable;
  return and(
    q.councilIds?.length ? inArray(pc.councilId, q.councilIds) : undefined,
    q.peerGroupId === undefined ? undefined : isPeerGroupMember(pc.councilId, q.peerGroupId),
    q.heldFrom ? gte(pc.heldOn, q.heldFrom) : undefined,
    q.heldTo ? lte(pc.heldOn, q.heldTo) : undefined,
  );
}

export function createPeerChallengeRepository({ db }: { db: Database }) {
  return {
    async findPage(
      q: PeerChallengeQuery,
      page: PageRequest,
    ): Promise<{ rows: PeerChallengeRow[]; totalCount: number }> {
      const where = whereOf(q);
      const rows = await db
        .select({ challenge: peerChallengesTable })
        .from(peerChallengesTable)
        .innerJoin(councilsTable, sql`${councilsTable.id} = ${peerChallengesTable.councilId}`)
        .where(where)
        .orderBy(asc(councilsTable.name), sql`${peerChallengesTable.heldOn} nulls last`, asc(peerChallengesTable.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(peerChallengesTable).where(where);
      return { rows: rows.map((r) => r.challenge), totalCount: total?.n ?? 0 };
    },

    async findByIds(ids: readonly number[]): Promise<PeerChallengeRow[]> {
      return db
        .select()
        .from(peerChallengesTable)
        .where(inArray(peerChallengesTable.id, [...ids]));
    },

    async findByCouncilIds(councilIds: readonly number[]): Promise<PeerChallengeRow[]> {
      return db
        .select()
        .from(peerChallengesTable)
        .where(inArray(peerChallengesTable.councilId, [...councilIds]))
        .orderBy(sql`${peerChallengesTable.heldOn} nulls last`, asc(peerChallengesTable.id));
    },
  };
}

export type PeerChallengeRepository = ReturnType<typeof createPeerChallengeRepository>;
