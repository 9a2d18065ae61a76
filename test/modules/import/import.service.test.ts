import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsTable } from "../../../src/modules/action/action.table.js";
import { progressUpdatesTable } from "../../../src/modules/action/progress-update.table.js";
import { sourceDocumentsTable } from "../../../src/modules/import/source-document.table.js";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { recommendationsTable } from "../../../src/modules/recommendation/recommendation.table.js";
import { harlowPlan, harlowUpdated } from "../../support/harlow-plan.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const harlow = harlowPlan;
const utf8 = (text: string) => new TextEncoder().encode(text);

async function versionSum(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`sum(${actionsTable.version})::int` }).from(actionsTable);
  return Number(row?.n ?? 0);
}

async function tableCounts(t: TestApp) {
  const db = t.database.db;
  const n = async (
    table:
      | typeof actionsTable
      | typeof progressUpdatesTable
      | typeof recommendationsTable
      | typeof sourceDocumentsTable
      | typeof peerChallengesTable,
  ) => (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    challenges: await n(peerChallengesTable),
    documents: await n(sourceDocumentsTable),
    recommendations: await n(recommendationsTable),
    actions: await n(actionsTable),
    updates: await n(progressUpdatesTable),
  };
}

const importMutation = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
  outcome layout recommendations actions addedRecommendations addedActions statusChanges matchedActions disappeared { reference } warnings { line code } } }`;

describe(`importing, re-importing and updating a plan (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("changes nothing when the same content is imported again", async () => {
    const before = await tableCounts(t);
    const { data, errors } = await t.execute<{ importPlan: { outcome: string; statusChanges: number } }>(
      importMutation,
      { input: { text: harlow, council: "E07000073", challenge: "2023-01-01", recordedOn: "2023-06-30" } },
      { admin: true },
    );
    expect(errors).toBeUndefined();
    expect(data?.importPlan).toMatchObject({ outcome: "UNCHANGED", statusChanges: 0 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it("appends exactly three progress updates for three changed statuses and changes nothing else", async () => {
    const before = await tableCounts(t);
    const versionsBefore = await versionSum(t);
    const { data, errors } = await t.execute<{ importPlan: Record<string, unknown> }>(
      importMutation,
      {
        input: {
          text: harlowUpdated(),
          filename: "harlow-2024.txt",
          council: "E07000073",
          challenge: "2023-01-01",
          recordedOn: "2024-06-01",
          publish: true,
        },
      },
      { admin: true },
    );
    expect(errors).toBeUndefined();
    expect(data?.importPlan).toEqual({
      outcome: "UPDATED",
      layout: "DELIMITED_TABLE",
      recommendations: 13,
      actions: 66,
      addedRecommendations: 0,
      addedActions: 0,
      statusChanges: 3,
      matchedActions: 66,
      disappeared: [],
      warnings: [],
    });
    expect(await tableCounts(t)).toEqual({
      ...before,
      documents: (before.documents ?? 0) + 1,
      updates: (before.updates ?? 0) + 3,
    });
    // Each of the three actions whose status changed was written once, so an edit made on what was
    // read before the import is now stale.
    expect(await versionSum(t)).toBe(versionsBefore + 3);
  });

  it("reports actions that disappeared from a new version without deleting them", async () => {
    const shorter = harlowUpdated()
      .split("\n")
      .filter((l) => !l.includes("Consider changes to contracts"))
      .join("\n");
    const before = await tableCounts(t);
    const { data } = await t.execute<{ importPlan: { disappeared: { reference: string }[]; outcome: string } }>(
      importMutation,
      {
        input: { text: shorter, council: "E07000073", challenge: "2023-01-01", recordedOn: "2024-07-01", dryRun: true },
      },
      { admin: true },
    );
    expect(data?.importPlan.disappeared).toEqual([{ reference: "12" }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it("imports a plan from a council not among the five, in a known layout family, with no code change", async () => {
    const csv = [
      "Ref,Recommendation,Action,Owner,Timeframe,RAG",
      '1,"Refresh the medium term financial strategy","Publish a three-year MTFS",Section 151 Officer,Q3 2025/26,Amber',
      ',,"Report reserves position to Cabinet quarterly",,Ongoing,Green',
      '2,"Strengthen overview and scrutiny","Adopt a scrutiny work programme",Monitoring Officer,end of March 2025,Complete',
    ].join("\n");
    const { data, errors } = await t.execute<{
      importPlan: { outcome: string; recommendations: number; actions: number };
    }>(
      importMutation,
      {
        input: {
          text: csv,
          filename: "uttlesford.csv",
          council: "E07000077",
          challenge: "2024-10-01",
          recordedOn: "2025-04-15",
          publish: true,
        },
      },
      { admin: true },
    );
    expect(errors).toBeUndefined();
    expect(data?.importPlan).toMatchObject({ outcome: "CREATED", recommendations: 2, actions: 3 });
    const actions = await t.execute<{
      actions: {
        nodes: { target: { deadline: string | null; precision: string }; status: string; rag: string | null }[];
      };
    }>(
      `{ actions(filter: { councils: ["E07000077"] }, asOf: "2025-06-01") { nodes { target { deadline precision } status rag } } }`,
    );
    expect(actions.data?.actions.nodes).toEqual([
      { target: { deadline: "2025-12-31", precision: "QUARTER" }, status: "UNKNOWN", rag: "AMBER" },
      { target: { deadline: null, precision: "ONGOING" }, status: "UNKNOWN", rag: "GREEN" },
      { target: { deadline: "2025-03-31", precision: "MONTH" }, status: "COMPLETE", rag: null },
    ]);
  });

  it("refuses importPlan without a key and writes nothing", async () => {
    const before = await tableCounts(t);
    const { data, errors } = await t.execute(importMutation, {
      input: { text: harlowUpdated(), council: "E07000073" },
    });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "auth.required" });
    expect(await tableCounts(t)).toEqual(before);
  });

  it.each([
    ["an unknown GSS code", { text: harlow, council: "E07999999" }, "NOT_FOUND", "council.not_found"],
    ["a malformed GSS code", { text: harlow, council: "Harlow" }, "BAD_USER_INPUT", "council.bad_gss_code"],
    ["an empty document", { text: "  \n\n", council: "E07000073" }, "BAD_USER_INPUT", "import.empty_document"],
    [
      "NUL bytes",
      { text: "No.\tRecommendation\u0000", council: "E07000073" },
      "BAD_USER_INPUT",
      "import.binary_content",
    ],
    [
      "a document with no plan",
      { text: "12345 67890", council: "E07000073" },
      "BAD_USER_INPUT",
      "import.no_plan_found",
    ],
  ])("rejects %s with %s (%s) and writes nothing", async (_what, input, code, reason) => {
    const before = await tableCounts(t);
    const { errors } = await t.execute(
      importMutation,
      { input: { ...input, recordedOn: "2025-01-01" } },
      { admin: true },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(await tableCounts(t)).toEqual(before);
  });

  it("leaves no trace when an import fails part-way through its transaction", async () => {
    // A real database failure after the challenge, document and recommendation rows are written:
    // a trigger refuses one action, so the insert of the plan's second recommendation's actions fails.
    await t.database.db.execute(sql`create function refuse_poison() returns trigger as $$
      begin if new.text = 'Poisoned action' then raise exception 'refused by test trigger'; end if; return new; end $$ language plpgsql`);
    await t.database.db.execute(
      sql`create trigger refuse_poison before insert on actions for each row execute function refuse_poison()`,
    );
    const before = await tableCounts(t);
    const plan = [
      "No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)",
      "1\tFirst\tDo one\tX\tJune 2025\t",
      "2\tSecond\tPoisoned action\tY\tJuly 2025\t",
    ].join("\n");
    await expect(
      t.app.services.import.importPlan({
        content: utf8(plan),
        filename: "poisoned.txt",
        councilGss: "E07000075",
        challengeHeldOn: "2024-02-01",
        recordedOn: "2025-01-01",
      }),
    ).rejects.toThrow(/Failed query: insert into "actions"/);
    expect(await tableCounts(t)).toEqual(before);
    await t.database.db.execute(sql`drop trigger refuse_poison on actions`);
  });

  it("records an older document's statuses for its own day, even after a newer one was imported", async () => {
    const plan = (status: string) =>
      [
        "Ref\tRecommendation\tAction\tOwner\tTimeframe\tStatus",
        `1\tPublish a workforce strategy\tDraft the strategy\tHead of HR\tMarch 2025\t${status}`,
      ].join("\n");
    const file = { filename: "rochford.txt", councilGss: "E07000075", challengeHeldOn: "2023-11-01" };
    await t.app.services.import.importPlan({ ...file, content: utf8(plan("In progress")), recordedOn: "2024-01-01" });
    await t.app.services.import.importPlan({ ...file, content: utf8(plan("Complete")), recordedOn: "2025-01-01" });
    // Found later: a mid-2024 report that already said Complete.
    const { report } = await t.app.services.import.importPlan({
      ...file,
      content: utf8(`${plan("Complete")}\n`),
      recordedOn: "2024-06-01",
    });
    expect(report.statusChanges).toBe(1);
    const { data } = await t.execute<{ actions: { nodes: { status: string }[] } }>(
      `{ actions(filter: { councils: ["E07000075"], search: "Draft the strategy" }, asOf: "2024-07-01") { nodes { status } } }`,
    );
    expect(data?.actions.nodes).toEqual([{ status: "COMPLETE" }]);
  });

  it("puts recommendations new in a later version after the ones held", async () => {
    const header = "Ref\tRecommendation\tAction\tOwner\tTimeframe\tStatus";
    const a = "A\tAdopt a new constitution\tDraft it\tMonitoring Officer\tMay 2025\tIn progress";
    const b = "B\tPublish the medium term financial strategy\tDraft it\tS151 Officer\tJune 2025\tIn progress";
    const c = "C\tRun a residents survey\tCommission it\tHead of Communications\tJuly 2025\tNot started";
    const file = { filename: "maldon.txt", councilGss: "E07000074", challengeHeldOn: "2024-05-01" };
    await t.app.services.import.importPlan({
      ...file,
      content: utf8([header, a, b].join("\n")),
      recordedOn: "2025-01-01",
    });
    await t.app.services.import.importPlan({
      ...file,
      content: utf8([header, c, a, b].join("\n")),
      recordedOn: "2025-02-01",
    });
    const { data } = await t.execute<{ recommendations: { nodes: { reference: string; order: number }[] } }>(
      `{ recommendations(filter: { councils: ["E07000074"] }) { nodes { reference order } } }`,
    );
    expect(data?.recommendations.nodes).toEqual([
      { reference: "A", order: 1 },
      { reference: "B", order: 2 },
      { reference: "C", order: 3 },
    ]);
  });

  it("lets two simultaneous imports of a new plan create it once", async () => {
    const text = [
      "Ref\tRecommendation\tAction\tOwner\tTimeframe\tStatus",
      "1\tStrengthen risk management\tRefresh the risk register\tHead of Audit\tMay 2025\tIn progress",
    ].join("\n");
    const request = {
      content: utf8(text),
      filename: "tendring.txt",
      councilGss: "E07000076",
      challengeHeldOn: "2024-09-01",
      recordedOn: "2025-01-01",
    };
    const before = await tableCounts(t);
    const outcomes = await Promise.all([
      t.app.services.import.importPlan(request),
      t.app.services.import.importPlan(request),
    ]);
    expect(outcomes.map((o) => o.report.outcome).sort()).toEqual(["CREATED", "UNCHANGED"]);
    expect(await tableCounts(t)).toEqual({
      challenges: (before.challenges ?? 0) + 1,
      documents: (before.documents ?? 0) + 1,
      recommendations: (before.recommendations ?? 0) + 1,
      actions: (before.actions ?? 0) + 1,
      updates: (before.updates ?? 0) + 1,
    });
  });
});

describe(`the status an action had on a day, after an update (${databaseKind})`, () => {
  // A database of its own, so that the update is there whichever tests of the file ran first.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.services.import.importPlan({
      content: utf8(harlowUpdated()),
      filename: "harlow-2024.txt",
      councilGss: "E07000073",
      challengeHeldOn: "2023-01-01",
      recordedOn: "2024-06-01",
    });
  });
  afterAll(async () => t.close());

  it("shows the old status before the update's date and the new one after it", async () => {
    const query = `query($asOf: LocalDate) { actions(filter: { councils: ["E07000073"], search: "Consider changes to contracts" }, asOf: $asOf) {
      nodes { status statusText progressUpdates { recordedOn status } } } }`;
    const before = await t.execute<{
      actions: { nodes: { status: string; statusText: string; progressUpdates: unknown[] }[] };
    }>(query, { asOf: "2024-05-31" });
    const after = await t.execute<{ actions: { nodes: { status: string; statusText: string }[] } }>(query, {
      asOf: "2024-06-01",
    });
    expect(before.data?.actions.nodes[0]).toMatchObject({ status: "NOT_STARTED", statusText: "Not started" });
    expect(before.data?.actions.nodes[0]?.progressUpdates).toEqual([
      { recordedOn: "2023-06-30", status: "NOT_STARTED" },
      { recordedOn: "2024-06-01", status: "IN_PROGRESS" },
    ]);
    expect(after.data?.actions.nodes[0]).toMatchObject({ status: "IN_PROGRESS", statusText: "In progress" });
    // Harlow on 2026-11-22: 52 overdue before; two of the three changes completed overdue actions.
    const overdue = await t.execute<{ actions: { totalCount: number } }>(
      `{ actions(filter: { councils: ["E07000073"], overdue: true }, asOf: "2026-11-22") { totalCount } }`,
    );
    expect(overdue.data?.actions.totalCount).toBe(50);
  });
});
