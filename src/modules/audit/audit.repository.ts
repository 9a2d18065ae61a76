import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { auditEventsTable, type AuditEventRow } from "./audit-event.table.js";

/** A resolved audit filter: ids and days, the councils the identity may see already applied. */
export interface AuditQuery {
  /** "all", or the only councils whose events may show (empty: none at all). */
  visibleCouncils: "all" | readonly number[];
  councilId?: number;
  objectType?: string;
  objectId?: number;
  operation?: string;
  /** First day, inclusive (UTC). */
  from?: string;
  /** Last day, inclusive (UTC). */
  to?: string;
}

export function createAuditRepository({ db }: { db: Database }) {
  const e = auditEventsTable;
  function where(query: AuditQuery): SQL | undefined {
    const visible = query.visibleCouncils;
    return and(
      visible === "all" ? undefined : visible.length === 0 ? sql`false` : inArray(e.councilId, [...visible]),
      query.councilId !== undefined ? eq(e.councilId, query.councilId) : undefined,
      query.objectType !== undefined ? eq(e.objectType, query.objectType) : undefined,
      query.objectId !== undefined ? eq(e.objectId, query.objectId) : undefined,
      query.operation !== undefined ? eq(e.operation, query.operation) : undefined,
      query.from !== undefined ? gte(e.occurredAt, sql`${query.from}::date::timestamptz`) : undefined,
      query.to !== undefined ? lt(e.occurredAt, sql`(${query.to}::date + 1)::timestamptz`) : undefined,
    );
  }
  return {
    /** Newest first; ids break ties between events of one transaction. */
    async findPage(query: AuditQuery, page: PageRequest): Promise<{ rows: AuditEventRow[]; totalCount: number }> {
      const condition = where(query);
      const rows = await db
        .select()
        .from(e)
        .where(condition)
        .orderBy(desc(e.occurredAt), desc(e.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(e).where(condition);
      return { rows, totalCount: total?.n ?? 0 };
    },

    async findById(id: number, visibleCouncils: AuditQuery["visibleCouncils"]): Promise<AuditEventRow | null> {
      const [row] = await db
        .select()
        .from(e)
        .where(and(eq(e.id, id), where({ visibleCouncils })));
      return row ?? null;
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
