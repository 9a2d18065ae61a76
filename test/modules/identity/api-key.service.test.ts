import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/app/http-server.js";
import { httpRoutes } from "../../../src/app/routes.js";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { apiKeysTable } from "../../../src/modules/identity/api-key.table.js";
import { isWellFormedToken } from "../../../src/modules/identity/api-key.token.js";
import { anonymous, bootstrapAdmin, type KeyIdentity } from "../../../src/modules/identity/identity.js";
import { AppError } from "../../../src/shared/errors/app-error.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { adminToken, createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const harlow = "E07000073";
const braintree = "E07000067";

async function reasonOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.reason;
    throw error;
  }
  return "no error";
}

describe(`API keys (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const keys = () => t.app.services.apiKey;
  const harlowId = async () => (await t.app.services.council.requireByGss([harlow], "council"))[0]!.id;

  it("makes an editor's key that identifies as an editor of exactly its councils, stored only as a hash", async () => {
    const { token, key } = await keys().create(
      { role: "editor", name: "Harlow performance team", councils: [harlow], expiresOn: null },
      bootstrapAdmin,
    );
    expect(isWellFormedToken(token)).toBe(true);
    const [row] = await t.database.db.select().from(apiKeysTable).where(eq(apiKeysTable.id, key.id));
    expect(row!.hash).not.toContain(token.slice(5));
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(row!.prefix)).toBe(true);
    const identity = await keys().identify(`Bearer ${token}`);
    expect(identity).toEqual({
      kind: "key",
      keyId: key.id,
      name: "Harlow performance team",
      role: "EDITOR",
      councilIds: [await harlowId()],
    });
  });

  it("keeps ADMIN_TOKEN as the bootstrap admin and no header as anonymous", async () => {
    expect(await keys().identify(`Bearer ${adminToken}`)).toBe(bootstrapAdmin);
    expect(await keys().identify(undefined)).toBe(anonymous);
  });

  it("refuses malformed, unknown, revoked and expired keys, each with its own code", async () => {
    const { token, key } = await keys().create(
      { role: "analyst", name: "Benchmarking", councils: [], expiresOn: "2027-06-30" },
      bootstrapAdmin,
    );
    // One character changed: the checksum no longer holds.
    const typo = token.slice(0, 10) + (token[10] === "a" ? "b" : "a") + token.slice(11);
    expect(await reasonOf(() => keys().identify(`Bearer ${typo}`))).toBe("auth.invalid_key");
    expect(await reasonOf(() => keys().identify("Bearer not-a-key"))).toBe("auth.invalid_key");
    // A Bearer header that is empty or carries more than the key is refused, never read as anonymous.
    expect(await reasonOf(() => keys().identify("Bearer"))).toBe("auth.invalid_key");
    expect(await reasonOf(() => keys().identify(`Bearer ${token} extra`))).toBe("auth.invalid_key");
    expect(await keys().identify("Basic dXNlcjpwYXNz")).toBe(anonymous);
    // Well formed, with a valid checksum, but never issued.
    const other = await keys().create({ role: "analyst", name: "x", councils: [], expiresOn: null }, bootstrapAdmin);
    await t.database.db.delete(apiKeysTable).where(eq(apiKeysTable.id, other.key.id));
    expect(await reasonOf(() => keys().identify(`Bearer ${other.token}`))).toBe("auth.invalid_key");
    // Works through the whole of its last day, UTC, and not a millisecond after.
    expect((await keys().identify(`Bearer ${token}`, new Date("2027-06-30T23:59:59Z"))).kind).toBe("key");
    expect(await reasonOf(() => keys().identify(`Bearer ${token}`, new Date("2027-07-01T00:00:00Z")))).toBe(
      "auth.key_expired",
    );
    await keys().revoke(String(key.id), bootstrapAdmin);
    expect(await reasonOf(() => keys().identify(`Bearer ${token}`))).toBe("auth.key_revoked");
  });

  it("records when a key was last used, at most once a minute", async () => {
    const { token, key } = await keys().create(
      { role: "analyst", name: "Dashboards", councils: [], expiresOn: null },
      bootstrapAdmin,
    );
    const lastUsed = async () =>
      (
        await t.database.db.select().from(apiKeysTable).where(eq(apiKeysTable.id, key.id))
      )[0]!.lastUsedAt?.toISOString();
    expect(await lastUsed()).toBeUndefined();
    await keys().identify(`Bearer ${token}`, new Date("2026-12-01T10:00:00Z"));
    await keys().identify(`Bearer ${token}`, new Date("2026-12-01T10:00:30Z"));
    expect(await lastUsed()).toBe("2026-12-01T10:00:00.000Z");
    await keys().identify(`Bearer ${token}`, new Date("2026-12-01T10:01:01Z"));
    expect(await lastUsed()).toBe("2026-12-01T10:01:01.000Z");
  });

  it("names the argument that is wrong when a key cannot be made", async () => {
    const make = (request: Partial<Parameters<ReturnType<typeof keys>["create"]>[0]>) => () =>
      keys().create({ role: "editor", name: "n", councils: [harlow], expiresOn: null, ...request }, bootstrapAdmin);
    const argumentOf = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        if (error instanceof AppError) return `${error.reason} ${String(error.details.argument)}`;
        throw error;
      }
      return "no error";
    };
    expect(await argumentOf(make({ role: "owner" }))).toBe("input.invalid role");
    expect(await argumentOf(make({ name: "  " }))).toBe("input.invalid name");
    expect(await argumentOf(make({ councils: [] }))).toBe("input.invalid council");
    expect(await argumentOf(make({ role: "analyst" }))).toBe("input.invalid council");
    expect(await argumentOf(make({ councils: [braintree, "E99999999"] }))).toBe("council.not_found council[1]");
    expect(await argumentOf(make({ expiresOn: "2020-01-01" }))).toBe("input.invalid expires");
    expect(await argumentOf(make({ expiresOn: "next year" }))).toBe("input.invalid expires");
    expect(await reasonOf(() => keys().revoke("cpcg_nothing", bootstrapAdmin))).toBe("api_key.not_found");
  });

  it("lets only admins make, list and revoke keys, and records each change in the audit trail", async () => {
    const analyst: KeyIdentity = { kind: "key", keyId: 999, name: "Someone", role: "ANALYST", councilIds: [] };
    expect(
      await reasonOf(() =>
        keys().create({ role: "admin", name: "Escalation", councils: [], expiresOn: null }, analyst),
      ),
    ).toBe("auth.admin_required");
    expect(
      await reasonOf(() =>
        keys().create({ role: "admin", name: "Escalation", councils: [], expiresOn: null }, anonymous),
      ),
    ).toBe("auth.admin_required");
    const made = await t.execute<{
      createApiKey: {
        key: string;
        apiKey: { id: string; role: string; councils: { gssCode: string }[]; revokedAt: string | null };
      };
    }>(
      `mutation { createApiKey(input: { role: EDITOR, name: "Harlow team", councils: ["E07000073"], expiresOn: "2030-01-31" }) {
        key apiKey { id role councils { gssCode } revokedAt expiresAt } } }`,
      undefined,
      { admin: true },
    );
    expect(made.errors).toBeUndefined();
    const { key, apiKey } = made.data!.createApiKey;
    expect(apiKey).toMatchObject({
      role: "EDITOR",
      councils: [{ gssCode: harlow }],
      revokedAt: null,
      expiresAt: "2030-02-01T00:00:00.000Z",
    });
    // An editor cannot list keys, and a key's ID is "not found" to it, exactly as an ID naming nothing.
    const asEditor = { authorization: `Bearer ${key}` };
    const listed = await t.execute(`{ apiKeys(first: 5) { totalCount } }`, undefined, asEditor);
    expect(listed.errors?.[0]?.extensions).toMatchObject({ reason: "auth.admin_required" });
    const node = await t.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: apiKey.id }, asEditor);
    expect(node.errors?.[0]?.extensions).toMatchObject({ reason: "node.not_found" });
    const adminNode = await t.execute<{ node: { prefix: string } }>(
      `query($id: ID!) { node(id: $id) { ... on ApiKey { prefix } } }`,
      { id: apiKey.id },
      { admin: true },
    );
    expect(adminNode.data?.node.prefix).toBe(key.slice(0, 13));
    const revoked = await t.execute<{ revokeApiKey: { revokedAt: string | null } }>(
      `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: apiKey.id },
      { admin: true },
    );
    expect(revoked.data?.revokeApiKey.revokedAt).not.toBeNull();
    const id = Number(Buffer.from(apiKey.id, "base64url").toString().split(":")[1]);
    const events = await t.database.db.select().from(auditEventsTable).where(eq(auditEventsTable.objectId, id));
    const mine = events.filter((e) => e.objectType === "ApiKey").map((e) => [e.operation, e.keyName, e.role]);
    expect(mine).toEqual([
      ["api_key.create", "ADMIN_TOKEN", "ADMIN"],
      ["api_key.revoke", "ADMIN_TOKEN", "ADMIN"],
    ]);
    expect(JSON.stringify(events)).not.toContain(key.slice(13));
  });

  it("revokes nothing when revokeApiKey is given another type's ID, answering as for a key that does not exist", async () => {
    const { key } = await keys().create(
      { role: "analyst", name: "Not a council", councils: [], expiresOn: null },
      bootstrapAdmin,
    );
    const revoke = (id: string) =>
      t.execute(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id }, { admin: true });
    // The same number, under another type: once decoded without its type, it named this key.
    const asCouncil = await revoke(toGlobalId("Council", key.id));
    const missing = await revoke(toGlobalId("ApiKey", 2_147_483_647));
    expect(asCouncil.errors?.[0]?.extensions).toEqual({
      code: "NOT_FOUND",
      reason: "api_key.not_found",
      argument: "id",
    });
    expect(asCouncil.errors?.[0]).toMatchObject({
      message: missing.errors?.[0]?.message,
      extensions: missing.errors?.[0]?.extensions,
    });
    const [row] = await t.database.db.select().from(apiKeysTable).where(eq(apiKeysTable.id, key.id));
    expect(row!.revokedAt).toBeNull();
  });

  describe("over HTTP", () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createHttpServer(t.app, httpRoutes);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const query = (authorization?: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ council(gssCode: "E07000073") { name } }' }),
      });

    it("answers a request with an unusable key 401, naming the code, on /graphql and the CSV export", async () => {
      const response = await query("Bearer cpcg_000000000000000000000000000000000000");
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "auth.invalid_key" });
      const csv = await fetch(`${url}/export/benchmark.csv`, { headers: { authorization: "Bearer nope" } });
      expect(csv.status).toBe(401);
    });

    it("serves a live key's request as any other", async () => {
      const { token } = await keys().create(
        { role: "analyst", name: "HTTP", councils: [], expiresOn: null },
        bootstrapAdmin,
      );
      const response = await query(`Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: { council: { name: "Harlow" } },
        extensions: { cost: expect.objectContaining({ requested: 1 }) as unknown },
      });
    });
  });
});
