import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRevisionsTable } from "../../../src/modules/action/action-revision.table.js";
import { progressUpdatesTable } from "../../../src/modules/action/progress-update.table.js";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Twenty writers on one action at once. On PostgreSQL they run on separate pooled connections and
 * really contend for the row; on PGlite (one connection) they queue, which must give the same
 * answers. Either way: one success per progress update or revision written, and every failure is
 * write.conflict — never a deadlock or an internal error.
 */
const writers = 20;
const braintree = "E07000067";

const recordProgress = `mutation R($input: RecordProgressInput!) { recordProgress(input: $input) { id action { version } } }`;
const updateAction = `mutation U($input: UpdateActionInput!) { updateAction(input: $input) { version } }`;
const readVersion = `query V($id: ID!) { node(id: $id) { ... on Action { version } } }`;

describe(`${writers} concurrent writers on one action (${databaseKind})`, () => {
  let t: TestApp;
  let editor = "";

  beforeAll(async () => {
    // The test asks whether writes are lost, not how often one key may write: rate limits off.
    t = await createTestApp({ config: { rateLimitMutationsPerMinute: 0 } });
    const { token } = await t.app.services.apiKey.create(
      { role: "editor", name: "Braintree performance", councils: [braintree], expiresOn: null },
      bootstrapAdmin,
    );
    editor = `Bearer ${token}`;
  });
  afterAll(async () => t.close());

  async function actionOf(search: string): Promise<{ id: string; version: number; dbId: number }> {
    const { data } = await t.execute<{ actions: { nodes: { id: string; version: number }[] } }>(
      `query F($search: String) { actions(filter: { councils: ["${braintree}"], search: $search }, first: 2) { nodes { id version } } }`,
      { search },
    );
    expect(data?.actions.nodes).toHaveLength(1);
    const node = data!.actions.nodes[0]!;
    return { ...node, dbId: fromGlobalId(node.id).id };
  }

  const reasonOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
    errors?.[0]?.extensions?.["reason"] ?? null;

  it("lets exactly one of twenty writers stating the same version through, refusing the rest with write.conflict", async () => {
    const action = await actionOf("Risk appetite aligned with Corporate Strategy ambitions");
    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        t.execute(
          recordProgress,
          {
            input: {
              action: action.id,
              expectedVersion: action.version,
              status: "IN_PROGRESS",
              recordedOn: "2024-01-01",
              note: `writer ${i}`,
            },
          },
          { authorization: editor },
        ),
      ),
    );
    const ok = results.filter((r) => r.errors === undefined);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.errors !== undefined).map((r) => reasonOf(r.errors))).toEqual(
      Array(writers - 1).fill("write.conflict"),
    );
    const updates = await t.database.db
      .select()
      .from(progressUpdatesTable)
      .where(eq(progressUpdatesTable.actionId, action.dbId));
    expect(updates.filter((u) => u.source === "EDITOR")).toHaveLength(1);
    const audit = await t.database.db.select().from(auditEventsTable).where(eq(auditEventsTable.objectId, action.dbId));
    expect(audit.filter((e) => e.operation === "progress.record")).toHaveLength(1);
    expect((await actionOf("Risk appetite aligned with Corporate Strategy ambitions")).version).toBe(
      action.version + 1,
    );
  });

  it("loses none of twenty writers that re-read and retry on conflict: twenty revisions, version raised twenty times", async () => {
    const action = await actionOf("Risk Management training delivered to members and key officers");
    const unexpected: unknown[] = [];
    async function writer(i: number): Promise<void> {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { data } = await t.execute<{ node: { version: number } }>(readVersion, { id: action.id });
        const { errors } = await t.execute(
          updateAction,
          { input: { action: action.id, expectedVersion: data!.node.version, lead: `Lead set by writer ${i}` } },
          { authorization: editor },
        );
        if (errors === undefined) return;
        if (reasonOf(errors) !== "write.conflict") unexpected.push(errors);
      }
      throw new Error(`writer ${i} never got through`);
    }
    await Promise.all(Array.from({ length: writers }, (_, i) => writer(i)));
    expect(unexpected).toEqual([]);
    const revisions = await t.database.db
      .select()
      .from(actionRevisionsTable)
      .where(eq(actionRevisionsTable.actionId, action.dbId));
    expect(revisions).toHaveLength(writers);
    // Each revision produced its own version, and each picks up where the one before left off.
    expect(revisions.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: writers }, (_, i) => action.version + 1 + i),
    );
    const byVersion = [...revisions].sort((a, b) => a.version - b.version);
    byVersion.slice(1).forEach((r, i) => expect(r.before).toBe(byVersion[i]!.after));
    expect((await actionOf("Risk Management training delivered to members and key officers")).version).toBe(
      action.version + writers,
    );
  });
});
