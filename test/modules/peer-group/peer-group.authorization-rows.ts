import { eq } from "drizzle-orm";
import type { KeyIdentity } from "../../../src/modules/identity/identity.js";
import { peerGroupMembersTable, peerGroupsTable } from "../../../src/modules/peer-group/peer-group.table.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";

const owners = ["analyst", "adminKey", "adminToken"] as const;
const notYours = { anonymous: "auth.required", otherwise: "peer_group.not_found" } as const;

/** A private group of the analyst's own, for one cell: its owner and admins may change it, no one else. */
async function analystsGroup(world: MatrixWorld) {
  const keyId = world.keyIds.analyst ?? null;
  const owner: KeyIdentity = { kind: "key", keyId, name: "matrix analyst", role: "ANALYST", councilIds: [] };
  const slug = world
    .unique("matrix-group")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  const written = await world.t.app.repositories.peerGroup.insertUserGroup(
    { slug, name: slug, description: "matrix", ownerKeyId: keyId, ownerName: owner.name, shared: false },
    [world.council.id],
    owner,
  );
  if (written.outcome !== "written") throw new Error(`matrix group not stored: ${written.outcome}`);
  return written.group;
}

const groupNow = async (world: MatrixWorld, id: number) =>
  (await world.t.database.db.select().from(peerGroupsTable).where(eq(peerGroupsTable.id, id)))[0];

const edit = (group: { id: number }) => ({ id: toGlobalId("PeerGroup", group.id), expectedVersion: 1 });

export const peerGroupRows: MatrixRow[] = [
  row({
    name: "createPeerGroup",
    document: `mutation($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id } }`,
    arrange: (world) =>
      Promise.resolve({
        slug: world
          .unique("matrix-made")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-"),
      }),
    variables: (world, { slug }) => ({ input: { name: slug, slug, councils: [world.council.gss] } }),
    allowed: ["editorOfThisCouncil", "editorOfAnotherCouncil", "analyst", "adminKey", "adminToken"],
    refused: "auth.required",
    observe: async ({ world, fixture }) =>
      (await world.t.database.db.select().from(peerGroupsTable).where(eq(peerGroupsTable.slug, fixture.slug))).length >
      0,
  }),
  row({
    name: "renamePeerGroup",
    document: `mutation($input: RenamePeerGroupInput!) { renamePeerGroup(input: $input) { id } }`,
    arrange: analystsGroup,
    variables: (_world, group) => ({ input: { ...edit(group), name: "renamed by the matrix" } }),
    allowed: owners,
    refused: notYours,
    observe: async ({ world, fixture }) => (await groupNow(world, fixture.id))?.name === "renamed by the matrix",
  }),
  row({
    name: "setPeerGroupMembers",
    document: `mutation($input: SetPeerGroupMembersInput!) { setPeerGroupMembers(input: $input) { id } }`,
    arrange: analystsGroup,
    variables: (world, group) => ({ input: { ...edit(group), councils: [world.otherCouncil.gss] } }),
    allowed: owners,
    refused: notYours,
    observe: async ({ world, fixture }) => {
      const members = await world.t.database.db
        .select()
        .from(peerGroupMembersTable)
        .where(eq(peerGroupMembersTable.peerGroupId, fixture.id));
      return members.some((m) => m.councilId === world.otherCouncil.id);
    },
  }),
  row({
    name: "sharePeerGroup",
    document: `mutation($input: SharePeerGroupInput!) { sharePeerGroup(input: $input) { id } }`,
    arrange: analystsGroup,
    variables: (_world, group) => ({ input: { ...edit(group), shared: true } }),
    allowed: owners,
    refused: notYours,
    observe: async ({ world, fixture }) => (await groupNow(world, fixture.id))?.shared === true,
  }),
  row({
    name: "deletePeerGroup",
    document: `mutation($input: DeletePeerGroupInput!) { deletePeerGroup(input: $input) { id } }`,
    arrange: analystsGroup,
    variables: (_world, group) => ({ input: edit(group) }),
    allowed: owners,
    refused: notYours,
    observe: async ({ world, fixture }) => (await groupNow(world, fixture.id)) === undefined,
  }),
  row({
    name: "node(id:) on a private PeerGroup",
    document: `query($id: ID!) { node(id: $id) { id ... on PeerGroup { slug } } }`,
    arrange: analystsGroup,
    variables: (_world, group) => ({ id: toGlobalId("PeerGroup", group.id) }),
    allowed: owners,
    refused: "node.not_found",
    observe: ({ data, fixture }) => (data?.["node"] as { slug?: string } | null)?.slug === fixture.slug,
  }),
];
