import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/app/http-server.js";
import { httpRoutes } from "../../../src/app/routes.js";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { fromGlobalId, toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { parseCsv } from "../../../src/shared/csv.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const harlow = "E07000073";
const brentwood = "E07000068";
const chelmsford = "E07000070";

interface Group {
  id: string;
  slug: string;
  name: string;
  kind: string;
  version: number;
  shared: boolean;
  ownerKeyId: string | null;
  ownerName: string | null;
  members: { gssCode: string }[];
}
const groupFields = "id slug name kind version shared ownerKeyId ownerName members { gssCode }";

const create = `mutation ($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { ${groupFields} } }`;
const rename = `mutation ($input: RenamePeerGroupInput!) { renamePeerGroup(input: $input) { ${groupFields} } }`;
const setMembers = `mutation ($input: SetPeerGroupMembersInput!) { setPeerGroupMembers(input: $input) { ${groupFields} } }`;
const share = `mutation ($input: SharePeerGroupInput!) { sharePeerGroup(input: $input) { ${groupFields} } }`;
const remove = `mutation ($input: DeletePeerGroupInput!) { deletePeerGroup(input: $input) { id slug } }`;

type Errors = readonly { extensions?: Record<string, unknown> }[] | undefined;
const reasons = (errors: Errors) => (errors ?? []).map((e) => [e.extensions?.reason, e.extensions?.argument]);

describe(`user-defined peer groups (${databaseKind})`, () => {
  let t: TestApp;
  let owner: { header: string; keyId: number };
  let other: { header: string; keyId: number };
  let editor: { header: string; keyId: number };
  let slugCounter = 0;

  const key = async (role: string, name: string, councils: string[] = []) => {
    const made = await t.app.services.apiKey.create({ role, name, councils, expiresOn: null }, bootstrapAdmin);
    return { header: `Bearer ${made.token}`, keyId: made.key.id };
  };
  /** A fresh group per test, so that each passes alone and in any order. */
  const makeGroup = async (
    as: { header: string },
    councils = [harlow, brentwood],
    extra: Record<string, unknown> = {},
  ): Promise<Group> => {
    slugCounter += 1;
    const { data, errors } = await t.execute<{ createPeerGroup: Group }>(
      create,
      { input: { name: `Test group ${slugCounter}`, slug: `test-group-${slugCounter}`, councils, ...extra } },
      { authorization: as.header },
    );
    expect(errors).toBeUndefined();
    return data!.createPeerGroup;
  };
  const eventsOf = (group: Group) =>
    t.database.db
      .select()
      .from(auditEventsTable)
      .where(
        and(eq(auditEventsTable.objectType, "PeerGroup"), eq(auditEventsTable.objectId, fromGlobalId(group.id).id)),
      )
      .orderBy(desc(auditEventsTable.id));

  beforeAll(async () => {
    t = await createTestApp();
    owner = await key("analyst", "Essex benchmarking");
    other = await key("analyst", "Kent benchmarking");
    editor = await key("editor", "Harlow performance team", [harlow]);
  });
  afterAll(() => t.close());

  it("lets an analyst make a private group of their own, audited with its members in the same transaction", async () => {
    const group = await makeGroup(owner, [harlow, brentwood, harlow]);
    expect(group).toMatchObject({
      kind: "USER",
      version: 1,
      shared: false,
      ownerKeyId: toGlobalId("ApiKey", owner.keyId),
      ownerName: "Essex benchmarking",
    });
    expect(group.members.map((m) => m.gssCode).sort()).toEqual([brentwood, harlow]);
    const [event] = await eventsOf(group);
    expect(event).toMatchObject({
      operation: "peer_group.create",
      keyId: owner.keyId,
      keyName: "Essex benchmarking",
      role: "ANALYST",
      councilId: null,
      before: null,
      after: { slug: group.slug, version: 1, shared: false, councils: [brentwood, harlow] },
    });
  });

  it("derives the slug from the name when none is given", async () => {
    const { data, errors } = await t.execute<{ createPeerGroup: Group }>(
      create,
      { input: { name: "Harlow & Brentwood (2026)", councils: [brentwood, harlow] } },
      { authorization: editor.header },
    );
    expect(errors).toBeUndefined();
    expect(data?.createPeerGroup.slug).toBe("harlow-and-brentwood-2026");
  });

  it("shows a private group to its owner and admins only; to anyone else it answers as not found everywhere", async () => {
    const group = await makeGroup(owner);
    const lookups = `query ($slug: String!, $id: ID!) {
      peerGroup(slug: $slug) { slug }
      node(id: $id) { id }
      peerGroups(kinds: [USER], first: 100) { nodes { slug } }
      council(gssCode: "${harlow}") { peerGroups { slug } }
    }`;
    const asOwner = await t.execute<{
      peerGroups: { nodes: { slug: string }[] };
      council: { peerGroups: { slug: string }[] };
    }>(lookups, { slug: group.slug, id: group.id }, { authorization: owner.header });
    expect(asOwner.errors).toBeUndefined();
    expect(asOwner.data?.peerGroups.nodes.map((n) => n.slug)).toContain(group.slug);
    expect(asOwner.data?.council.peerGroups.map((g) => g.slug)).toContain(group.slug);
    const asAdmin = await t.execute(lookups, { slug: group.slug, id: group.id }, { admin: true });
    expect(asAdmin.errors).toBeUndefined();

    for (const authorization of [other.header, editor.header, undefined]) {
      const { data, errors } = await t.execute<{
        peerGroup: null;
        node: null;
        peerGroups: { nodes: { slug: string }[] };
        council: { peerGroups: { slug: string }[] };
      }>(lookups, { slug: group.slug, id: group.id }, authorization ? { authorization } : {});
      // Fields resolve concurrently: the errors' order is the drivers', not the query's.
      expect(reasons(errors).sort()).toEqual([
        ["node.not_found", "id"],
        ["peer_group.not_found", "slug"],
      ]);
      expect(data?.peerGroups.nodes.map((n) => n.slug)).not.toContain(group.slug);
      expect(data?.council.peerGroups.map((g) => g.slug)).not.toContain(group.slug);
      expect(data?.council.peerGroups.map((g) => g.slug)).toContain("greater-essex");
    }
  });

  /*
   * From the seed plans as of 2026-11-22 (benchmark.comparison.test.ts has the working): overdue /
   * with deadline, whole plan: Harlow 52/59, Brentwood 7/9. A group of the two: totals 59/68.
   * Harlow against it: both have data; Brentwood's 7/9 = .778 is lower than Harlow's 52/59 = .881,
   * so Harlow ranks 2 with percentile 0/1 = 0; median = mean = (52/59 + 7/9) / 2.
   */
  it("benchmarks, compares and charts over a user group exactly as over a built-in one", async () => {
    const group = await makeGroup(owner);
    const query = `query ($g: String!) {
      benchmark(asOf: "2026-11-22", groupBy: [COUNCIL], peerGroup: $g) {
        rows { council { gssCode } measures { overdue withDeadline } } totals { overdue withDeadline } }
      benchmarkSeries(from: "2026-11-01", to: "2026-11-30", interval: MONTH, peerGroup: $g) {
        points { period { asOf } totals { overdue withDeadline } } }
      actions(filter: { peerGroup: $g, overdue: true }, asOf: "2026-11-22") { totalCount }
      council(gssCode: "${harlow}") { comparison(peerGroup: $g, asOf: "2026-11-22") {
        councilIsMember peerGroup { slug } overall { rank percentile membersWithData groupMedian { overdueRate } groupMean { overdueRate } } } }
    }`;
    const { data, errors } = await t.execute<{
      benchmark: {
        rows: { council: { gssCode: string }; measures: { overdue: number; withDeadline: number } }[];
        totals: { overdue: number; withDeadline: number };
      };
      benchmarkSeries: { points: { period: { asOf: string }; totals: { overdue: number; withDeadline: number } }[] };
      actions: { totalCount: number };
      council: {
        comparison: {
          councilIsMember: boolean;
          peerGroup: { slug: string };
          overall: {
            rank: number;
            percentile: number;
            membersWithData: number;
            groupMedian: { overdueRate: number };
            groupMean: { overdueRate: number };
          };
        };
      };
    }>(query, { g: group.slug }, { authorization: owner.header });
    expect(errors).toBeUndefined();
    const byCouncil = Object.fromEntries(data!.benchmark.rows.map((r) => [r.council.gssCode, r.measures]));
    expect(byCouncil).toEqual({
      [harlow]: { overdue: 52, withDeadline: 59 },
      [brentwood]: { overdue: 7, withDeadline: 9 },
    });
    expect(data!.benchmark.totals).toEqual({ overdue: 59, withDeadline: 68 });
    // Every dated seed action is due before 2026-11-22 and no status changes after it: 30 November counts the same.
    expect(data!.benchmarkSeries.points).toEqual([
      { period: { asOf: "2026-11-30" }, totals: { overdue: 59, withDeadline: 68 } },
    ]);
    expect(data!.actions.totalCount).toBe(59);
    const comparison = data!.council.comparison;
    expect(comparison.councilIsMember).toBe(true);
    expect(comparison.peerGroup.slug).toBe(group.slug);
    expect(comparison.overall.rank).toBe(2);
    expect(comparison.overall.percentile).toBe(0);
    expect(comparison.overall.membersWithData).toBe(2);
    expect(comparison.overall.groupMedian.overdueRate).toBeCloseTo((52 / 59 + 7 / 9) / 2, 10);
    expect(comparison.overall.groupMean.overdueRate).toBeCloseTo((52 / 59 + 7 / 9) / 2, 10);

    const asOther = await t.execute(query, { g: group.slug }, { authorization: other.header });
    expect(asOther.data).toBeNull();
    expect(asOther.errors?.length).toBeGreaterThan(0);
    expect(asOther.errors?.map((e) => e.extensions?.reason)).toEqual(asOther.errors?.map(() => "peer_group.not_found"));
    for (const field of ["benchmark", "benchmarkSeries"]) {
      const alone = await t.execute(
        `query ($g: String!) { ${field}(${field === "benchmark" ? "" : 'from: "2026-11-01", to: "2026-11-30", interval: MONTH, '}peerGroup: $g) { __typename } }`,
        { g: group.slug },
        { authorization: other.header },
      );
      expect(reasons(alone.errors)).toEqual([["peer_group.not_found", "peerGroup"]]);
    }
    const filtered = await t.execute(`query ($g: String!) { actions(filter: { peerGroup: $g }) { totalCount } }`, {
      g: group.slug,
    });
    expect(reasons(filtered.errors)).toEqual([["peer_group.not_found", "filter.peerGroup"]]);
    const comparedByOther = await t.execute(
      `query ($g: String!) { council(gssCode: "${harlow}") { comparison(peerGroup: $g) { councilIsMember } } }`,
      { g: group.slug },
      { authorization: other.header },
    );
    expect(reasons(comparedByOther.errors)).toEqual([["peer_group.not_found", "peerGroup"]]);
  });

  it("exports a user group's benchmark as CSV to its owner only", async () => {
    const group = await makeGroup(owner);
    const server: Server = createHttpServer(t.app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export/benchmark.csv?asOf=2026-11-22&groupBy=COUNCIL&peerGroup=${group.slug}`;
      const mine = await fetch(url, { headers: { authorization: owner.header } });
      expect(mine.status).toBe(200);
      const [header, ...rows] = parseCsv(await mine.text());
      const overdue = header!.indexOf("overdue");
      expect(rows.map((r) => Number(r[overdue])).sort((a, b) => a - b)).toEqual([7, 52]);
      const theirs = await fetch(url, { headers: { authorization: other.header } });
      expect(theirs.status).toBe(400);
      expect(await theirs.json()).toMatchObject({
        errors: [{ extensions: { reason: "peer_group.not_found", argument: "peerGroup" } }],
      });
    } finally {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    }
  });

  it("makes a shared group readable by everyone but still changeable by its owner and admins only", async () => {
    const group = await makeGroup(owner);
    const shared = await t.execute<{ sharePeerGroup: Group }>(
      share,
      { input: { id: group.id, expectedVersion: 1, shared: true } },
      { authorization: owner.header },
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data?.sharePeerGroup).toMatchObject({ shared: true, version: 2 });
    const read = await t.execute<{ peerGroup: { slug: string; ownerName: string } }>(
      `query ($s: String!) { peerGroup(slug: $s) { slug ownerName } }`,
      { s: group.slug },
    );
    expect(read.data?.peerGroup).toEqual({ slug: group.slug, ownerName: "Essex benchmarking" });
    const byOther = await t.execute(
      rename,
      { input: { id: group.id, expectedVersion: 2, name: "Taken over" } },
      { authorization: other.header },
    );
    expect(reasons(byOther.errors)).toEqual([["peer_group.not_found", "id"]]);
    const byAdmin = await t.execute<{ renamePeerGroup: Group }>(
      rename,
      { input: { id: group.id, expectedVersion: 2, name: "Renamed by an admin" } },
      { admin: true },
    );
    expect(byAdmin.data?.renamePeerGroup).toMatchObject({ name: "Renamed by an admin", version: 3 });
    const [event] = await eventsOf(group);
    expect(event).toMatchObject({ operation: "peer_group.rename", keyId: null, keyName: "ADMIN_TOKEN", role: "ADMIN" });
  });

  it("refuses a stale version with write.conflict and changes nothing", async () => {
    const group = await makeGroup(owner);
    await t.execute(
      rename,
      { input: { id: group.id, expectedVersion: 1, name: "First" } },
      { authorization: owner.header },
    );
    const stale = await t.execute(
      setMembers,
      { input: { id: group.id, expectedVersion: 1, councils: [chelmsford] } },
      { authorization: owner.header },
    );
    expect(reasons(stale.errors)).toEqual([["write.conflict", "expectedVersion"]]);
    expect(stale.errors?.[0]?.extensions?.version).toBe(2);
    const after = await t.execute<{ node: Group }>(
      `query ($id: ID!) { node(id: $id) { ... on PeerGroup { ${groupFields} } } }`,
      { id: group.id },
      { authorization: owner.header },
    );
    expect(after.data?.node).toMatchObject({ name: "First", version: 2 });
    expect(after.data?.node.members.map((m) => m.gssCode).sort()).toEqual([brentwood, harlow]);
    expect((await eventsOf(group)).map((e) => e.operation)).toEqual(["peer_group.rename", "peer_group.create"]);
  });

  it("lets exactly one of two writers stating the same version change the members", async () => {
    const group = await makeGroup(owner);
    const results = await Promise.all(
      [[chelmsford], [brentwood]].map((councils) =>
        t.execute(
          setMembers,
          { input: { id: group.id, expectedVersion: 1, councils } },
          { authorization: owner.header },
        ),
      ),
    );
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(results.flatMap((r) => reasons(r.errors))).toEqual([["write.conflict", "expectedVersion"]]);
    expect((await eventsOf(group)).map((e) => e.operation)).toEqual(["peer_group.set_members", "peer_group.create"]);
  });

  it("replaces the members, keeping the old and new lists in the audit event", async () => {
    const group = await makeGroup(owner);
    const { data, errors } = await t.execute<{ setPeerGroupMembers: Group }>(
      setMembers,
      { input: { id: group.id, expectedVersion: 1, councils: [chelmsford, harlow] } },
      { authorization: owner.header },
    );
    expect(errors).toBeUndefined();
    expect(data?.setPeerGroupMembers.version).toBe(2);
    expect(data?.setPeerGroupMembers.members.map((m) => m.gssCode).sort()).toEqual([chelmsford, harlow]);
    const [event] = await eventsOf(group);
    expect(event).toMatchObject({
      operation: "peer_group.set_members",
      before: { version: 1, councils: [brentwood, harlow] },
      after: { version: 2, councils: [chelmsford, harlow] },
    });
  });

  it("deletes a group outright, its audit event keeping what it held, and frees its slug", async () => {
    const group = await makeGroup(owner);
    const { data, errors } = await t.execute<{ deletePeerGroup: { id: string; slug: string } }>(
      remove,
      { input: { id: group.id, expectedVersion: 1 } },
      { authorization: owner.header },
    );
    expect(errors).toBeUndefined();
    expect(data?.deletePeerGroup).toEqual({ id: group.id, slug: group.slug });
    const gone = await t.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id: group.id }, { admin: true });
    expect(reasons(gone.errors)).toEqual([["node.not_found", "id"]]);
    const [event] = await eventsOf(group);
    expect(event).toMatchObject({
      operation: "peer_group.delete",
      before: { slug: group.slug, councils: [brentwood, harlow] },
      after: null,
    });
    const again = await t.execute(
      create,
      { input: { name: "Again", slug: group.slug, councils: [harlow] } },
      { authorization: other.header },
    );
    expect(again.errors).toBeUndefined();
    const twice = await t.execute(
      remove,
      { input: { id: group.id, expectedVersion: 1 } },
      { authorization: owner.header },
    );
    expect(reasons(twice.errors)).toEqual([["peer_group.not_found", "id"]]);
  });

  it("keeps slugs unique across every group, built-in ones too, and names the argument", async () => {
    const group = await makeGroup(owner);
    for (const [query, input] of [
      [create, { name: "Mine", slug: "greater-essex", councils: [harlow] }],
      [create, { name: "Mine", slug: group.slug, councils: [harlow] }],
      [rename, { id: group.id, expectedVersion: 1, name: "Mine", slug: "greater-essex" }],
    ] as const) {
      const { errors } = await t.execute(query, { input }, { authorization: owner.header });
      expect(reasons(errors)).toEqual([["peer_group.slug_taken", "slug"]]);
    }
    const malformed = await t.execute(
      create,
      { input: { name: "Mine", slug: "Not A Slug", councils: [harlow] } },
      { authorization: owner.header },
    );
    expect(reasons(malformed.errors)).toEqual([["input.invalid", "slug"]]);
    const reserved = await t.execute(
      create,
      { input: { name: "Mine", slug: "county-mine", councils: [harlow] } },
      { authorization: owner.header },
    );
    expect(reasons(reserved.errors)).toEqual([["input.invalid", "slug"]]);
  });

  it("names the unknown council by its index", async () => {
    const { errors } = await t.execute(
      create,
      { input: { name: "Typo", slug: "typo-group", councils: [harlow, "E07999999"] } },
      { authorization: owner.header },
    );
    expect(reasons(errors)).toEqual([["council.not_found", "councils[1]"]]);
    const none = await t.execute(
      create,
      { input: { name: "Empty", slug: "empty-group", councils: [] } },
      { authorization: owner.header },
    );
    expect(reasons(none.errors)).toEqual([["input.invalid", "councils"]]);
  });

  it("refuses every change to a built-in group, even by an admin", async () => {
    const builtIn = await t.execute<{ peerGroup: { id: string } }>(`{ peerGroup(slug: "greater-essex") { id } }`);
    const id = builtIn.data!.peerGroup.id;
    for (const [query, input] of [
      [rename, { id, expectedVersion: 1, name: "Mine now" }],
      [setMembers, { id, expectedVersion: 1, councils: [harlow] }],
      [share, { id, expectedVersion: 1, shared: true }],
      [remove, { id, expectedVersion: 1 }],
    ] as const) {
      const { errors } = await t.execute(query, { input }, { admin: true });
      expect(reasons(errors)).toEqual([["peer_group.built_in", "id"]]);
    }
  });

  it("asks an anonymous caller for a key before any change", async () => {
    const group = await makeGroup(owner);
    const made = await t.execute(create, { input: { name: "Anon", slug: "anon-group", councils: [harlow] } });
    expect(reasons(made.errors)).toEqual([["auth.required", "Authorization"]]);
    const changed = await t.execute(remove, { input: { id: group.id, expectedVersion: 1 } });
    expect(reasons(changed.errors)).toEqual([["auth.required", "Authorization"]]);
    expect((await eventsOf(group)).map((e) => e.operation)).toEqual(["peer_group.create"]);
  });
});
