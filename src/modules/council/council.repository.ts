import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { escapeLike } from "../../shared/database/like-pattern.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { isPeerGroupMember } from "../peer-group/peer-group.membership.js";
import { councilsTable, type CouncilRow, type NewCouncilRow } from "./council.table.js";

export interface CouncilQuery {
  typeCodes?: string[];
  regions?: string[];
  /** Register codes of county councils (ESS): their districts, and the county itself. */
  countyCodes?: string[];
  peerGroupId?: number;
  search?: string;
  hasPeerChallenge?: boolean;
}

function whereOf(query: CouncilQuery): SQL | undefined {
  const c = councilsTable;
  const conditions: (SQL | undefined)[] = [
    query.typeCodes?.length ? inArray(c.typeCode, query.typeCodes) : undefined,
    query.regions?.length ? inArray(c.region, query.regions) : undefined,
    query.countyCodes?.length
      ? or(inArray(c.countyCode, query.countyCodes), inArray(c.registerCode, query.countyCodes))
      : undefined,
    query.peerGroupId === undefined ? undefined : isPeerGroupMember(c.id, query.peerGroupId),
    query.search
      ? or(ilike(c.name, `%${escapeLike(query.search)}%`), ilike(c.officialName, `%${escapeLike(query.search)}%`))
      : undefined,
  ];
  if (query.hasPeerChallenge !== undefined) {
    const has = exists(sql`(select 1 from ${peerChallengesTable} where ${peerChallengesTable.councilId} = ${c.id})`);
    conditions.push(query.hasPeerChallenge ? has : sql`not ${has}`);
  }
  return and(...conditions);
}

export function createCouncilRepository({ db }: { db: Database }) {
  return {
    async findPage(query: CouncilQuery, page: PageRequest): Promise<{ rows: CouncilRow[]; totalCount: number }> {
      const where = whereOf(query);
      const rows = await db
        .select()
        .from(councilsTable)
        .where(where)
        .orderBy(asc(councilsTable.name), asc(councilsTable.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(councilsTable).where(where);
      return { rows, totalCount: total?.n ?? 0 };
    },

    async findByIds(ids: readonly number[]): Promise<CouncilRow[]> {
      return db
        .select()
        .from(councilsTable)
        .where(inArray(councilsTable.id, [...ids]));
    },

    async findByGssCodes(codes: readonly string[]): Promise<CouncilRow[]> {
      return db
        .select()
        .from(councilsTable)
        .where(inArray(councilsTable.gssCode, [...codes]));
    },

    async findBySlug(slug: string): Promise<CouncilRow | undefined> {
      const [row] = await db.select().from(councilsTable).where(eq(councilsTable.slug, slug));
      return row;
    },

    async findByRegisterCodes(codes: readonly string[]): Promise<CouncilRow[]> {
      return db
        .select()
        .from(councilsTable)
        .where(inArray(councilsTable.registerCode, [...codes]));
    },

    async countAll(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(councilsTable);
      return row?.n ?? 0;
    },

    /** Inserts or refreshes the register's rows, keyed by GSS code, so seeding twice changes nothing. */
    async upsertMany(rows: NewCouncilRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insert(councilsTable)
        .values(rows)
        .onConflictDoUpdate({
          target: councilsTable.gssCode,
          set: {
            registerCode: sql`excluded.register_code`,
            slug: sql`excluded.slug`,
            officialName: sql`excluded.official_name`,
            name: sql`excluded.name`,
            typeCode: sql`excluded.type_code`,
            typeName: sql`excluded.type_name`,
            region: sql`excluded.region`,
            countyCode: sql`excluded.county_code`,
            combinedAuthorityCode: sql`excluded.combined_authority_code`,
            population: sql`excluded.population`,
            lat: sql`excluded.lat`,
            long: sql`excluded.long`,
          },
        });
    },
  };
}

export type CouncilRepository = ReturnType<typeof createCouncilRepository>;
