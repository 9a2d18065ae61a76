import { count, eq } from "drizzle-orm";
import { apiKeysTable } from "../../../src/modules/identity/api-key.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";

const admins = ["adminKey", "adminToken"] as const;

/** A key of its own for one cell, to revoke or look up. */
async function freshKey(world: MatrixWorld) {
  const { key } = await world.t.app.services.apiKey.create(
    { role: "analyst", name: world.unique("matrix key"), councils: [], expiresOn: null },
    bootstrapAdmin,
  );
  return key;
}

async function keyRow(world: MatrixWorld, id: number) {
  return (await world.t.database.db.select().from(apiKeysTable).where(eq(apiKeysTable.id, id)))[0];
}

export const apiKeyRows: MatrixRow[] = [
  row({
    name: "createApiKey",
    document: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
    arrange: (world) => Promise.resolve({ name: world.unique("made by the matrix") }),
    variables: (_world, { name }) => ({ input: { role: "ADMIN", name } }),
    allowed: admins,
    refused: "auth.admin_required",
    observe: async ({ world, fixture }) =>
      (await world.t.database.db.select().from(apiKeysTable).where(eq(apiKeysTable.name, fixture.name))).length > 0,
  }),
  row({
    name: "revokeApiKey",
    document: `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
    arrange: freshKey,
    variables: (_world, key) => ({ id: toGlobalId("ApiKey", key.id) }),
    allowed: admins,
    refused: "auth.admin_required",
    observe: async ({ world, fixture }) => (await keyRow(world, fixture.id))?.revokedAt != null,
  }),
  row({
    name: "apiKeys",
    document: `query { apiKeys(first: 100) { totalCount nodes { prefix } } }`,
    arrange: freshKey,
    allowed: admins,
    refused: "auth.admin_required",
    // Seen when the listing counts every key there is, this cell's among them.
    observe: async ({ world, data }) => {
      const listed = data?.["apiKeys"] as { totalCount: number; nodes: unknown[] } | null | undefined;
      const [held] = await world.t.database.db.select({ n: count() }).from(apiKeysTable);
      return listed != null && listed.totalCount === held?.n && listed.nodes.length > 0;
    },
  }),
  row({
    name: "node(id:) on an ApiKey",
    document: `query($id: ID!) { node(id: $id) { id ... on ApiKey { prefix } } }`,
    arrange: freshKey,
    variables: (_world, key) => ({ id: toGlobalId("ApiKey", key.id) }),
    allowed: admins,
    // Exactly as an ID that names nothing.
    refused: "node.not_found",
    observe: ({ data, fixture }) => (data?.["node"] as { prefix?: string } | null)?.prefix === fixture.prefix,
  }),
];
