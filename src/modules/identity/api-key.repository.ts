import { and, asc, count, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import type { PageRequest } from "../../shared/graphql/pagination.js";
import { writeAuditEvent } from "../audit/audit.writer.js";
import type { Identity } from "./identity.js";
import { apiKeyCouncilsTable, apiKeysTable, type ApiKeyRow } from "./api-key.table.js";

export interface StoredApiKey extends ApiKeyRow {
  councilIds: number[];
}

/** How often a key's last use is written: a busy key would otherwise write on every request. */
const lastUsedResolutionSeconds = 60;

export function createApiKeyRepository({ db }: { db: Database }) {
  async function withCouncils(rows: ApiKeyRow[]): Promise<StoredApiKey[]> {
    if (rows.length === 0) return [];
    const links = await db
      .select()
      .from(apiKeyCouncilsTable)
      .where(
        inArray(
          apiKeyCouncilsTable.keyId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((row) => ({
      ...row,
      councilIds: links
        .filter((l) => l.keyId === row.id)
        .map((l) => l.councilId)
        .sort((a, b) => a - b),
    }));
  }

  return {
    /** Stores a key and its councils together: a key never exists without its scope. */
    async insert(
      key: {
        prefix: string;
        hash: string;
        name: string;
        role: string;
        expiresAt: Date | null;
        createdByKeyId: number | null;
        councilIds: readonly number[];
      },
      by: Identity,
    ): Promise<StoredApiKey> {
      const { councilIds, ...values } = key;
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(apiKeysTable).values(values).returning();
        if (councilIds.length > 0)
          await tx.insert(apiKeyCouncilsTable).values(councilIds.map((councilId) => ({ keyId: row!.id, councilId })));
        const stored = { ...row!, councilIds: [...councilIds].sort((a, b) => a - b) };
        await writeAuditEvent(tx, by, {
          operation: "api_key.create",
          objectType: "ApiKey",
          objectId: row!.id,
          councilId: null,
          before: null,
          after: auditView(stored),
        });
        return stored;
      });
    },

    async findByHash(hash: string): Promise<StoredApiKey | null> {
      const rows = await db.select().from(apiKeysTable).where(eq(apiKeysTable.hash, hash));
      return (await withCouncils(rows))[0] ?? null;
    },

    async findByIdOrPrefix(idOrPrefix: string): Promise<StoredApiKey[]> {
      const id = /^\d{1,9}$/.test(idOrPrefix) ? Number(idOrPrefix) : null;
      const rows = await db
        .select()
        .from(apiKeysTable)
        .where(id === null ? eq(apiKeysTable.prefix, idOrPrefix) : eq(apiKeysTable.id, id));
      return withCouncils(rows);
    },

    async list(): Promise<StoredApiKey[]> {
      return withCouncils(await db.select().from(apiKeysTable).orderBy(asc(apiKeysTable.id)));
    },

    async findPage(page: PageRequest): Promise<{ items: StoredApiKey[]; totalCount: number }> {
      const rows = await db
        .select()
        .from(apiKeysTable)
        .orderBy(asc(apiKeysTable.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(apiKeysTable);
      return { items: await withCouncils(rows), totalCount: total?.n ?? 0 };
    },

    /** Revokes once: a second revocation keeps the first time, and records nothing new. */
    async revoke(id: number, at: Date, by: Identity): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiKeysTable)
          .set({ revokedAt: at })
          .where(and(eq(apiKeysTable.id, id), isNull(apiKeysTable.revokedAt)))
          .returning({ id: apiKeysTable.id });
        if (row === undefined) return;
        await writeAuditEvent(tx, by, {
          operation: "api_key.revoke",
          objectType: "ApiKey",
          objectId: id,
          councilId: null,
          before: { revokedAt: null },
          after: { revokedAt: at.toISOString() },
        });
      });
    },

    async touch(id: number, at: Date): Promise<void> {
      const stale = new Date(at.getTime() - lastUsedResolutionSeconds * 1000);
      await db
        .update(apiKeysTable)
        .set({ lastUsedAt: at })
        .where(and(eq(apiKeysTable.id, id), or(isNull(apiKeysTable.lastUsedAt), lt(apiKeysTable.lastUsedAt, stale))));
    },
  };
}

/** What the audit trail keeps of a key: never its hash. */
function auditView(key: StoredApiKey) {
  return {
    prefix: key.prefix,
    name: key.name,
    role: key.role,
    councilIds: key.councilIds,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
