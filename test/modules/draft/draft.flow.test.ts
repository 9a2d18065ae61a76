import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionRevisionsTable } from "../../../src/modules/action/action-revision.table.js";
import { actionsTable } from "../../../src/modules/action/action.table.js";
import { progressUpdatesTable } from "../../../src/modules/action/progress-update.table.js";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { sourceDocumentsTable } from "../../../src/modules/import/source-document.table.js";
import { recommendationsTable } from "../../../src/modules/recommendation/recommendation.table.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { harlowPlan, harlowUpdated } from "../../support/harlow-plan.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const harlowGss = "E07000073";
const harlow = harlowPlan;

/**
 * Harlow's plan a year on: three statuses changed (1.2 Not started → Complete, 12.5 Not started →
 * In progress, 4.1 empty → Complete) and a fourteenth recommendation with two actions.
 */
function harlowNextYear(): string {
  const changed = harlowUpdated();
  return `${changed.trimEnd()}\n14\tImprove waste collection across the town\tProcure a new waste contract.\tJane Doe\tMarch 2025\tNot started\n\t\tConsult residents on collection days.\t\tJune 2025\tIn progress\n`;
}

const importMutation = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
  outcome draftId recommendations actions addedRecommendations addedActions statusChanges sourceDocumentId } }`;

const draftFields = `id status version basePlanVersion createdBy
  lowConfidence { reference order field }
  report { outcome recommendations actions addedRecommendations addedActions statusChanges draftId }
  recommendations { id reference title text dropped confidence { reference text } themes { code }
    actions { id order text lead status statusText dropped target { raw deadline precision } confidence { text lead target status } } }`;

const draftQuery = `query($id: ID!) { node(id: $id) { ... on PlanDraft { ${draftFields} } } }`;

interface DraftAction {
  id: string;
  order: number;
  text: string;
  lead: string | null;
  status: string | null;
  dropped: boolean;
  target: { raw: string | null; deadline: string | null; precision: string };
  confidence: Record<string, number>;
}
interface DraftRec {
  id: string;
  reference: string;
  title: string | null;
  text: string;
  dropped: boolean;
  themes: { code: string }[];
  actions: DraftAction[];
}
interface Draft {
  id: string;
  status: string;
  version: number;
  basePlanVersion: number | null;
  createdBy: string;
  lowConfidence: { reference: string; order: number | null; field: string }[];
  report: Record<string, unknown>;
  recommendations: DraftRec[];
}

const publicView = `{
  actions(filter: { councils: ["${harlowGss}"] }, asOf: "2024-06-01", first: 100) { totalCount nodes { text lead status target { deadline } } }
  benchmark(asOf: "2024-06-01", groupBy: [COUNCIL], filter: { councils: ["${harlowGss}"] }) {
    totals { actions complete inProgress notStarted unknown } }
}`;

interface Totals {
  actions: number;
  complete: number;
  inProgress: number;
  notStarted: number;
  unknown: number;
}

describe(`imports become drafts, reviewed and published (${databaseKind})`, () => {
  let t: TestApp;
  let harlowEditor: string;
  let otherEditor: string;
  let analyst: string;

  beforeEach(async () => {
    t = await createTestApp();
    const key = async (role: string, councils: string[], name: string) =>
      `Bearer ${(await t.app.services.apiKey.create({ role, councils, name, expiresOn: null }, bootstrapAdmin)).token}`;
    harlowEditor = await key("editor", [harlowGss], "Harlow performance team");
    otherEditor = await key("editor", ["E07000067"], "Braintree performance team");
    analyst = await key("analyst", [], "An analyst");
  });
  afterEach(async () => t.close());

  const counts = async () => {
    const db = t.database.db;
    return {
      recommendations: (await db.select({ n: count() }).from(recommendationsTable))[0]?.n,
      actions: (await db.select({ n: count() }).from(actionsTable))[0]?.n,
      updates: (await db.select({ n: count() }).from(progressUpdatesTable))[0]?.n,
      documents: (await db.select({ n: count() }).from(sourceDocumentsTable))[0]?.n,
    };
  };
  const view = async () => {
    const { data, errors } = await t.execute<{
      actions: { totalCount: number; nodes: { text: string; lead: string | null; status: string }[] };
      benchmark: { totals: Totals };
    }>(publicView);
    expect(errors).toBeUndefined();
    return data!;
  };
  const importDraft = async (authorization: string, text = harlowNextYear()) =>
    t.execute<{ importPlan: Record<string, unknown> & { draftId: string | null } }>(
      importMutation,
      {
        input: {
          text,
          filename: "harlow-2024.txt",
          council: harlowGss,
          challenge: "2023-01-01",
          recordedOn: "2024-06-01",
        },
      },
      { authorization },
    );
  const readDraft = async (id: string, authorization = harlowEditor) =>
    t.execute<{ node: Draft | null }>(draftQuery, { id }, { authorization });
  const run = (query: string, input: Record<string, unknown>, authorization = harlowEditor) =>
    t.execute<Record<string, unknown>>(query, { input }, { authorization });

  const updateAction = `mutation($input: UpdateDraftActionInput!) { updateDraftAction(input: $input) { version } }`;
  const updateRecommendation = `mutation($input: UpdateDraftRecommendationInput!) { updateDraftRecommendation(input: $input) { version } }`;
  const publish = `mutation($input: DraftVersionInput!) { publishDraft(input: $input) {
    draft { status version publishedDocument { filename } }
    report { statusChanges addedRecommendations addedActions disappeared { reference order } } } }`;
  const discard = `mutation($input: DraftVersionInput!) { discardDraft(input: $input) { status version } }`;

  it("keeps a draft out of every public answer, then publishes exactly what the reviewed draft showed", async () => {
    const before = { view: await view(), counts: await counts() };

    const imported = await importDraft(harlowEditor);
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importPlan).toMatchObject({
      outcome: "UPDATED",
      recommendations: 14,
      actions: 68,
      addedRecommendations: 1,
      addedActions: 2,
      statusChanges: 3,
      sourceDocumentId: null,
    });
    const draftId = imported.data!.importPlan.draftId!;
    expect(draftId).toEqual(expect.any(String));
    // Nothing public moved: not a row, not a benchmark figure.
    expect(await view()).toEqual(before.view);
    expect(await counts()).toEqual(before.counts);

    const draft = (await readDraft(draftId)).data!.node!;
    expect(draft).toMatchObject({ status: "OPEN", version: 1, createdBy: "Harlow performance team" });
    expect(draft.report).toMatchObject({ statusChanges: 3, draftId });
    const rec = (reference: string) => draft.recommendations.find((r) => r.reference === reference)!;
    const waste = rec("14");
    expect(waste.actions.map((a) => [a.text, a.lead, a.status])).toEqual([
      ["Procure a new waste contract.", "Jane Doe", "NOT_STARTED"],
      ["Consult residents on collection days.", "Jane Doe", "IN_PROGRESS"],
    ]);
    expect(Object.keys(waste.actions[0]!.confidence).sort()).toEqual(["lead", "status", "target", "text"]);

    // Review: correct the new recommendation and one of its actions, drop the other, change a status, drop a row.
    let version = draft.version;
    const step = async (query: string, input: Record<string, unknown>) => {
      const { errors } = await run(query, { ...input, expectedVersion: version });
      expect(errors).toBeUndefined();
      version += 1;
    };
    await step(updateRecommendation, {
      id: waste.id,
      title: "Waste",
      text: "Improve waste and recycling collection across the town",
      themes: ["priorities-outcomes.performance-data"],
    });
    await step(updateAction, { id: waste.actions[0]!.id, lead: "Waste team", target: "April 2025" });
    await step(updateAction, { id: waste.actions[1]!.id, dropped: true });
    await step(updateAction, { id: rec("4").actions[0]!.id, status: "In progress" });
    const contracts = rec("12").actions.find((a) => a.text === "Consider changes to contracts.")!;
    await step(updateAction, { id: contracts.id, dropped: true });

    const reviewed = (await readDraft(draftId)).data!.node!;
    expect(reviewed.version).toBe(6);
    const reviewedWaste = reviewed.recommendations.find((r) => r.reference === "14")!;
    expect(reviewedWaste).toMatchObject({
      title: "Waste",
      text: "Improve waste and recycling collection across the town",
    });
    expect(reviewedWaste.themes).toEqual([{ code: "priorities-outcomes.performance-data" }]);
    expect(reviewedWaste.actions[0]).toMatchObject({
      lead: "Waste team",
      target: { raw: "April 2025", deadline: "2025-04-30", precision: "MONTH" },
      confidence: { lead: 1, target: 1 },
      dropped: false,
    });
    expect(reviewedWaste.actions[1]!.dropped).toBe(true);
    // Still nothing public.
    expect(await view()).toEqual(before.view);

    const published = await run(publish, { id: draftId, expectedVersion: version });
    expect(published.errors).toBeUndefined();
    expect(published.data?.["publishDraft"]).toEqual({
      draft: { status: "PUBLISHED", version: 7, publishedDocument: { filename: "harlow-2024.txt" } },
      report: {
        // 1.2 → Complete and 4.1 → In progress (as corrected); 12.5 was dropped, so it is reported as gone.
        statusChanges: 2,
        addedRecommendations: 1,
        addedActions: 1,
        disappeared: [{ reference: "12", order: 5 }],
      },
    });
    const after = await view();
    const b = before.view.benchmark.totals;
    expect(after.benchmark.totals).toEqual({
      actions: b.actions + 1,
      complete: b.complete + 1,
      inProgress: b.inProgress + 1,
      // 1.2 leaves Not started, the new waste action joins it.
      notStarted: b.notStarted,
      // 4.1 had no status.
      unknown: b.unknown - 1,
    });
    expect(after.actions.nodes).toContainEqual(
      expect.objectContaining({ text: "Procure a new waste contract.", lead: "Waste team", status: "NOT_STARTED" }),
    );
    expect(after.actions.nodes.map((a) => a.text)).not.toContain("Consult residents on collection days.");
    // Two status changes and the new action's first status; one new document.
    expect(await counts()).toEqual({
      recommendations: (before.counts.recommendations ?? 0) + 1,
      actions: (before.counts.actions ?? 0) + 1,
      updates: (before.counts.updates ?? 0) + 3,
      documents: (before.counts.documents ?? 0) + 1,
    });
    const [wasteRow] = await t.database.db
      .select({ title: recommendationsTable.title, text: recommendationsTable.text })
      .from(recommendationsTable)
      .where(eq(recommendationsTable.reference, "14"));
    expect(wasteRow).toEqual({ title: "Waste", text: "Improve waste and recycling collection across the town" });

    const audit = await t.database.db
      .select({ operation: auditEventsTable.operation, keyName: auditEventsTable.keyName })
      .from(auditEventsTable)
      .where(eq(auditEventsTable.objectType, "PlanDraft"));
    expect(audit).toEqual([
      { operation: "draft.create", keyName: "Harlow performance team" },
      { operation: "draft.publish", keyName: "Harlow performance team" },
    ]);
    // A closed draft takes no more changes.
    const again = await run(publish, { id: draftId, expectedVersion: 7 });
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: "draft.closed" });
  });

  it("publishes a corrected lead and target of a matched action as an edit, leaving uncorrected ones as held", async () => {
    const draftId = (await importDraft(harlowEditor)).data!.importPlan.draftId!;
    const draft = (await readDraft(draftId)).data!.node!;
    const actionOf = (reference: string, text: string) =>
      draft.recommendations.find((r) => r.reference === reference)!.actions.find((a) => a.text === text)!;
    const branding = "Agree Discover Harlow as place branding with Harlow Growth Board.";
    const fora = "Map existing fora and identify representation for each.";
    let version = draft.version;
    for (const input of [
      { id: actionOf("2", branding).id, lead: "Harlow Growth Board team", target: "September 2023" },
      // Marked as reviewed, but as held: nothing to apply.
      { id: actionOf("3", fora).id, lead: "Andrew Bramidge" },
    ]) {
      const { errors } = await run(updateAction, { ...input, expectedVersion: version });
      expect(errors).toBeUndefined();
      version += 1;
    }
    const published = await run(publish, { id: draftId, expectedVersion: version });
    expect(published.errors).toBeUndefined();

    const db = t.database.db;
    const held = async (text: string) => {
      const [row] = await db
        .select({
          id: actionsTable.id,
          lead: actionsTable.lead,
          targetRaw: actionsTable.targetRaw,
          deadline: actionsTable.deadline,
          precision: actionsTable.deadlinePrecision,
          version: actionsTable.version,
        })
        .from(actionsTable)
        .where(eq(actionsTable.text, text));
      const revisions = await db
        .select({
          version: actionRevisionsTable.version,
          field: actionRevisionsTable.field,
          before: actionRevisionsTable.before,
          after: actionRevisionsTable.after,
          reason: actionRevisionsTable.reason,
          keyName: actionRevisionsTable.keyName,
        })
        .from(actionRevisionsTable)
        .where(eq(actionRevisionsTable.actionId, row!.id))
        .orderBy(actionRevisionsTable.field);
      return { ...row!, revisions };
    };
    const draftNumber = fromGlobalId(draftId).id;
    const corrected = await held(branding);
    // Seeded at version 1, its status unchanged (Complete): the correction alone raises it.
    expect(corrected).toMatchObject({
      lead: "Harlow Growth Board team",
      targetRaw: "September 2023",
      deadline: "2023-09-30",
      precision: "MONTH",
      version: 2,
    });
    const by = { version: 2, reason: `corrected in draft ${draftNumber}`, keyName: "Harlow performance team" };
    expect(corrected.revisions).toEqual([
      { ...by, field: "lead", before: "Andrew Bramidge", after: "Harlow Growth Board team" },
      { ...by, field: "target", before: "June 2023", after: "September 2023" },
    ]);
    expect(await held(fora)).toMatchObject({
      lead: "Andrew Bramidge",
      targetRaw: "July 2023",
      deadline: "2023-07-31",
      precision: "MONTH",
      version: 1,
      revisions: [],
    });

    const updates = await db
      .select({ objectId: auditEventsTable.objectId, after: auditEventsTable.after })
      .from(auditEventsTable)
      .where(eq(auditEventsTable.operation, "action.update"));
    expect(updates).toEqual([
      {
        objectId: corrected.id,
        after: { version: 2, lead: "Harlow Growth Board team", target: "September 2023" },
      },
    ]);
    const [published_] = await db
      .select({ after: auditEventsTable.after })
      .from(auditEventsTable)
      .where(eq(auditEventsTable.operation, "draft.publish"));
    expect(published_?.after).toMatchObject({ correctedActions: [corrected.id] });
  });

  it("publishes a corrected title, text and theme links of a matched recommendation as updateRecommendation would", async () => {
    const draftId = (await importDraft(harlowEditor)).data!.importPlan.draftId!;
    const draft = (await readDraft(draftId)).data!.node!;
    const rec2 = draft.recommendations.find((r) => r.reference === "2")!;
    const rec3 = draft.recommendations.find((r) => r.reference === "3")!;
    const heldQuery = `query($search: String) { recommendations(filter: { councils: ["${harlowGss}"], search: $search }, first: 2) {
      nodes { id version title text themeLinks { method linkedByName theme { code } } revisions { version field before after reason keyName } } } }`;
    type Held = {
      id: string;
      version: number;
      title: string | null;
      text: string;
      themeLinks: { method: string; linkedByName: string | null; theme: { code: string } }[];
      revisions: Record<string, unknown>[];
    };
    const held = async (search: string) =>
      (await t.execute<{ recommendations: { nodes: Held[] } }>(heldQuery, { search })).data!.recommendations.nodes[0]!;
    const before2 = await held("vision and narrative of place");
    const before3 = await held(rec3.text.slice(0, 40));
    expect(before2.themeLinks.every((l) => l.method === "RULE")).toBe(true);

    let version = draft.version;
    for (const input of [
      { id: rec2.id, title: "Vision of place", themes: ["leadership.place-narrative", "leadership.partnerships"] },
      // Reviewed, but as held: nothing to apply.
      { id: rec3.id, text: rec3.text },
    ]) {
      const { errors } = await run(updateRecommendation, { ...input, expectedVersion: version });
      expect(errors).toBeUndefined();
      version += 1;
    }
    expect((await run(publish, { id: draftId, expectedVersion: version })).errors).toBeUndefined();

    const after2 = await held("vision and narrative of place");
    const reason = `corrected in draft ${fromGlobalId(draftId).id}`;
    expect(after2).toMatchObject({ version: before2.version + 1, title: "Vision of place", text: before2.text });
    expect(after2.themeLinks.map((l) => [l.method, l.linkedByName, l.theme.code]).sort()).toEqual([
      ["HAND", "Harlow performance team", "leadership.partnerships"],
      ["HAND", "Harlow performance team", "leadership.place-narrative"],
    ]);
    const by = { version: before2.version + 1, reason, keyName: "Harlow performance team" };
    expect(after2.revisions).toEqual([
      { ...by, field: "title", before: null, after: "Vision of place" },
      {
        ...by,
        field: "themes",
        before: before2.themeLinks.map((l) => l.theme.code).join(", "),
        after: "leadership.place-narrative, leadership.partnerships",
      },
    ]);
    expect(await held(rec3.text.slice(0, 40))).toEqual(before3);

    const [published] = await t.database.db
      .select({ after: auditEventsTable.after })
      .from(auditEventsTable)
      .where(eq(auditEventsTable.operation, "draft.publish"));
    expect(published?.after).toMatchObject({ correctedRecommendations: [fromGlobalId(after2.id).id] });
  });

  it("gives the draft's source text, whose lines its fields point to, for review beside it", async () => {
    const text = harlowNextYear();
    const { data } = await importDraft(harlowEditor, text);
    const id = data?.importPlan.draftId ?? "";
    const read = await t.execute<{
      node: {
        sourceText: string;
        recommendations: { reference: string; line: number; actions: { text: string; line: number }[] }[];
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on PlanDraft { sourceText recommendations { reference line actions { text line } } } } }`,
      { id },
      { authorization: harlowEditor },
    );
    expect(read.errors).toBeUndefined();
    const draft = read.data?.node;
    expect(draft?.sourceText).toBe(text);
    const lines = (draft?.sourceText ?? "").split("\n");
    const added = draft?.recommendations.find((r) => r.reference === "14");
    // The fourteenth recommendation is the last two lines of the document, as harlowNextYear writes them.
    expect(added?.line).toBe(lines.length - 2);
    expect(lines[(added?.line ?? 0) - 1]).toMatch(/^14\tImprove waste collection across the town\t/);
    expect(lines[(added?.actions[1]?.line ?? 0) - 1]).toContain("Consult residents on collection days.");
    const outsider = await t.execute(
      `query($id: ID!) { node(id: $id) { ... on PlanDraft { sourceText } } }`,
      { id },
      { authorization: analyst },
    );
    expect(outsider.data).toEqual({ node: null });
  });

  it("refuses a second open draft for the same challenge, naming the open one, until it is discarded", async () => {
    const first = await importDraft(harlowEditor);
    const draftId = first.data!.importPlan.draftId!;
    const second = await importDraft(harlowEditor, harlowNextYear().replace("Jane Doe", "John Doe"));
    expect(second.data).toBeNull();
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "draft.already_open",
      draftId,
    });

    const before = await counts();
    const discarded = await run(discard, { id: draftId, expectedVersion: 1 });
    expect(discarded.errors).toBeUndefined();
    expect(discarded.data?.["discardDraft"]).toEqual({ status: "DISCARDED", version: 2 });
    expect(await counts()).toEqual(before);
    const listed = await t.execute<{ drafts: { id: string; status: string }[] }>(
      `{ drafts(council: "${harlowGss}") { id status } }`,
      {},
      { authorization: harlowEditor },
    );
    expect(listed.data?.drafts).toEqual([{ id: draftId, status: "DISCARDED" }]);

    const third = await importDraft(harlowEditor);
    expect(third.errors).toBeUndefined();
    expect(third.data?.importPlan.draftId).not.toEqual(draftId);
  });

  it("refuses with write.conflict, writing nothing, a stale draft version and a draft the plan has moved past", async () => {
    const draftId = (await importDraft(harlowEditor)).data!.importPlan.draftId!;
    const draft = (await readDraft(draftId)).data!.node!;
    const stale = await run(updateAction, {
      id: draft.recommendations[0]!.actions[0]!.id,
      expectedVersion: 2,
      lead: "Someone",
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "write.conflict" });
    expect((await readDraft(draftId)).data!.node!.version).toBe(1);

    // An admin publishes another version directly: the plan moves on under the draft.
    const direct = await t.execute(
      importMutation,
      {
        input: {
          text: harlow.replace(
            "Approve delivery Plan.\t\tDec 2023\tNot started",
            "Approve delivery Plan.\t\tDec 2023\tComplete",
          ),
          council: harlowGss,
          challenge: "2023-01-01",
          recordedOn: "2024-03-01",
          publish: true,
        },
      },
      { admin: true },
    );
    expect(direct.errors).toBeUndefined();
    const before = { counts: await counts(), view: await view() };
    const refused = await run(publish, { id: draftId, expectedVersion: 1 });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "write.conflict" });
    expect(await counts()).toEqual(before.counts);
    expect(await view()).toEqual(before.view);
    expect((await readDraft(draftId)).data!.node!).toMatchObject({ status: "OPEN", version: 1 });
    const events = await t.database.db
      .select({ n: count() })
      .from(auditEventsTable)
      .where(and(eq(auditEventsTable.objectType, "PlanDraft"), eq(auditEventsTable.operation, "draft.publish")));
    expect(events[0]?.n).toBe(0);
  });

  it("shows drafts to editors of the council and admins only; to everyone else they do not exist", async () => {
    const draftId = (await importDraft(harlowEditor)).data!.importPlan.draftId!;
    const draft = (await readDraft(draftId)).data!.node!;
    const actionId = draft.recommendations[0]!.actions[0]!.id;
    const admin = (await readDraft(draftId, "Bearer test-admin-token-0123456789")).data?.node;
    expect(admin?.id).toBe(draftId);

    for (const [who, authorization] of [
      ["anonymous", undefined],
      ["an editor of another council", otherEditor],
      ["an analyst", analyst],
    ] as const) {
      const options = authorization === undefined ? {} : { authorization };
      const node = await t.execute<{ node: unknown }>(draftQuery, { id: draftId }, options);
      expect(node.data?.node, who).toBeNull();
      expect(node.errors?.[0]?.extensions, who).toMatchObject({ reason: "node.not_found" });
      const row = await t.execute<{ node: unknown }>(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: actionId },
        options,
      );
      expect(row.errors?.[0]?.extensions, who).toMatchObject({ reason: "node.not_found" });
      const list = await t.execute<{ drafts: unknown[] }>(`{ drafts(council: "${harlowGss}") { id } }`, {}, options);
      expect(list.data?.drafts, who).toEqual([]);
      const expected = authorization === undefined ? "auth.required" : "draft.not_found";
      for (const [query, input] of [
        [updateAction, { id: actionId, expectedVersion: 1, lead: "x" }],
        [publish, { id: draftId, expectedVersion: 1 }],
        [discard, { id: draftId, expectedVersion: 1 }],
      ] as const) {
        const { errors } = await t.execute(query, { input }, options);
        expect(errors?.[0]?.extensions?.["reason"], `${who} ${query.slice(0, 40)}`).toBe(expected);
      }
      const importing = await t.execute(
        importMutation,
        { input: { text: harlowNextYear(), council: harlowGss, dryRun: true } },
        options,
      );
      expect(importing.errors?.[0]?.extensions, who).toMatchObject(
        authorization === undefined
          ? { code: "UNAUTHENTICATED", reason: "auth.required" }
          : { code: "FORBIDDEN", reason: "auth.forbidden", argument: "input.council" },
      );
    }
    expect((await readDraft(draftId)).data!.node!).toMatchObject({ status: "OPEN", version: 1 });
    // An editor reviews, but does not bypass review.
    const direct = await t.execute(
      importMutation,
      { input: { text: harlowNextYear(), council: harlowGss, publish: true } },
      { authorization: harlowEditor },
    );
    expect(direct.errors?.[0]?.extensions).toMatchObject({ reason: "auth.forbidden", argument: "input.publish" });
  });
});
