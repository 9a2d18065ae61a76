import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAuditEvent } from "../../../src/modules/audit/audit.writer.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const harlow = "E07000073";
const brentwood = "E07000068";

interface Event {
  id: string;
  occurredAt: string;
  keyId: string | null;
  keyName: string;
  role: string;
  operation: string;
  objectType: string;
  objectId: string | null;
  council: { gssCode: string } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
interface Events {
  auditEvents: { totalCount: number; nodes: Event[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const eventsQuery = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id occurredAt keyId keyName role operation objectType objectId council { gssCode } before after requestId }
  }
}`;

describe(`the audit trail (${databaseKind})`, () => {
  let t: TestApp;
  let analyst: { header: string; keyId: number };
  let harlowEditor: { header: string; keyId: number };
  let counter = 0;

  const key = async (role: string, name: string, councils: string[] = []) => {
    const made = await t.app.services.apiKey.create({ role, name, councils, expiresOn: null }, bootstrapAdmin);
    return { header: `Bearer ${made.token}`, keyId: made.key.id };
  };
  const events = (filter: Record<string, unknown>, as: { admin?: boolean; authorization?: string }, first = 20) =>
    t.execute<Events>(eventsQuery, { filter, first }, as);
  /** Records a council's event through the real writer: no council-scoped mutation is on this branch yet. */
  const councilEvent = async (gss: string, operation: string) => {
    const [council] = await t.app.services.council.requireByGss([gss], "council");
    await writeAuditEvent(t.database.db, bootstrapAdmin, {
      operation,
      objectType: "Action",
      objectId: 1,
      councilId: council!.id,
      before: { status: "NOT_STARTED" },
      after: { status: "COMPLETE" },
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await key("analyst", "Essex benchmarking");
    harlowEditor = await key("editor", "Harlow performance team", [harlow]);
  });
  afterAll(() => t.close());

  it("lists what a peer group's mutations recorded, newest first, with who, role, object and before and after", async () => {
    counter += 1;
    const created = await t.execute<{ createPeerGroup: { id: string } }>(
      `mutation ($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id } }`,
      { input: { name: "Audited", slug: `audited-${counter}`, councils: [harlow] } },
      { authorization: analyst.header },
    );
    const id = created.data!.createPeerGroup.id;
    await t.execute(
      `mutation ($input: RenamePeerGroupInput!) { renamePeerGroup(input: $input) { id } }`,
      { input: { id, expectedVersion: 1, name: "Audited, renamed" } },
      { authorization: analyst.header },
    );
    const { data, errors } = await events({ object: id }, { admin: true });
    expect(errors).toBeUndefined();
    expect(data?.auditEvents.totalCount).toBe(2);
    const [renamed, made] = data!.auditEvents.nodes;
    expect(made).toMatchObject({
      keyId: toGlobalId("ApiKey", analyst.keyId),
      keyName: "Essex benchmarking",
      role: "ANALYST",
      operation: "peer_group.create",
      objectType: "PeerGroup",
      objectId: id,
      council: null,
      before: null,
      after: { name: "Audited", version: 1, councils: [harlow] },
    });
    expect(renamed).toMatchObject({
      operation: "peer_group.rename",
      before: { name: "Audited", version: 1 },
      after: { name: "Audited, renamed", version: 2 },
    });
    expect(Date.parse(renamed!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(made!.occurredAt));
    const byOperation = await events({ object: id, operation: "peer_group.rename" }, { admin: true });
    expect(byOperation.data?.auditEvents.nodes.map((e) => e.operation)).toEqual(["peer_group.rename"]);
  });

  it("records createApiKey and revokeApiKey made over GraphQL, and pages through them", async () => {
    const made = await t.execute<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation { createApiKey(input: { role: ANALYST, name: "Short-lived" }) { apiKey { id } } }`,
      {},
      { admin: true },
    );
    const id = made.data!.createApiKey.apiKey.id;
    await t.execute(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, { admin: true });
    const first = await events({ object: id }, { admin: true }, 1);
    expect(first.data?.auditEvents).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.data?.auditEvents.nodes.map((e) => [e.operation, e.keyName, e.keyId])).toEqual([
      ["api_key.revoke", "ADMIN_TOKEN", null],
    ]);
    const second = await t.execute<Events>(
      eventsQuery,
      {
        filter: { object: id },
        first: 1,
        after: first.data!.auditEvents.pageInfo.endCursor,
      },
      { admin: true },
    );
    expect(second.data?.auditEvents.nodes.map((e) => e.operation)).toEqual(["api_key.create"]);
    expect(second.data?.auditEvents.pageInfo.hasNextPage).toBe(false);
    const byType = await events({ objectType: "ApiKey", operation: "api_key.revoke" }, { admin: true });
    expect(byType.data?.auditEvents.nodes.map((e) => e.objectId)).toContain(id);
  });

  it("shows an editor only the events of their councils, filtered in SQL, and finds them by node(id:)", async () => {
    await councilEvent(harlow, "action.test_harlow");
    await councilEvent(brentwood, "action.test_brentwood");
    const mine = await events({ objectType: "Action" }, { authorization: harlowEditor.header });
    expect(mine.errors).toBeUndefined();
    expect(new Set(mine.data?.auditEvents.nodes.map((e) => e.council?.gssCode))).toEqual(new Set([harlow]));
    expect(mine.data?.auditEvents.nodes.map((e) => e.operation)).toContain("action.test_harlow");
    expect(mine.data?.auditEvents.nodes.map((e) => e.operation)).not.toContain("action.test_brentwood");
    // Global objects (keys, peer groups) belong to no council: an editor sees none of them.
    const global = await events({ objectType: "ApiKey" }, { authorization: harlowEditor.header });
    expect(global.data?.auditEvents.totalCount).toBe(0);
    const theirs = await events({ council: brentwood }, { authorization: harlowEditor.header });
    expect(theirs.data?.auditEvents.totalCount).toBe(0);
    const asAdmin = await events({ council: brentwood, operation: "action.test_brentwood" }, { admin: true });
    expect(asAdmin.data?.auditEvents.nodes.map((e) => e.council?.gssCode)).toEqual([brentwood]);

    const brentwoodEventId = asAdmin.data!.auditEvents.nodes[0]!.id;
    const harlowEventId = mine.data!.auditEvents.nodes.find((e) => e.operation === "action.test_harlow")!.id;
    const node = `query ($id: ID!) { node(id: $id) { ... on AuditEvent { operation } } }`;
    const found = await t.execute(node, { id: harlowEventId }, { authorization: harlowEditor.header });
    expect(found.data).toEqual({ node: { operation: "action.test_harlow" } });
    const hidden = await t.execute(node, { id: brentwoodEventId }, { authorization: harlowEditor.header });
    expect(hidden.errors?.map((e) => e.extensions?.reason)).toEqual(["node.not_found"]);
  });

  it("answers analysts and anonymous requests with an empty list, not an error", async () => {
    await councilEvent(harlow, "action.test_hidden");
    for (const as of [{ authorization: analyst.header }, {}]) {
      const { data, errors } = await events({}, as);
      expect(errors).toBeUndefined();
      expect(data?.auditEvents).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    }
  });

  it("narrows by day and names the arguments it cannot read", async () => {
    await councilEvent(harlow, "action.test_dated");
    const past = await events({ operation: "action.test_dated", to: "2020-01-01" }, { admin: true });
    expect(past.data?.auditEvents.totalCount).toBe(0);
    const since = await events({ operation: "action.test_dated", from: "2020-01-01" }, { admin: true });
    expect(since.data?.auditEvents.totalCount).toBe(1);
    const backwards = await events({ from: "2026-02-01", to: "2026-01-01" }, { admin: true });
    expect(backwards.errors?.map((e) => [e.extensions?.reason, e.extensions?.argument])).toEqual([
      ["input.invalid", "filter.from"],
    ]);
    const unknown = await events({ council: "E07999999" }, { admin: true });
    expect(unknown.errors?.map((e) => [e.extensions?.reason, e.extensions?.argument])).toEqual([
      ["council.not_found", "filter.council"],
    ]);
    const badId = await events({ object: "nonsense" }, { admin: true });
    expect(badId.errors?.map((e) => [e.extensions?.reason, e.extensions?.argument])).toEqual([
      ["node.bad_id", "filter.object"],
    ]);
  });
});
