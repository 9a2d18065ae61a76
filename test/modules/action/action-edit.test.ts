import { and, eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Expected figures worked out by hand from seeds/plans/*.txt (see test/modules/action/action.overdue.test.ts
 * for the unedited counts): Harlow 52 overdue on 2026-11-22 and 50 on 2024-06-30; on 2024-03-31 the
 * deadlines 2025-03-31, 2024-06-30, 2024-05-31 and 2024-03-31 (= T) have not passed, so 52 − 4 = 48.
 * Brentwood (statuses of 2024-06-30): nine actions, one per recommendation; deadlines Oct 24, Dec 24,
 * May 24 (complete), Sep 24, Jan 25, Nov 24, Jun 24 (complete), Nov 24, Oct 24: all passed by
 * 2025-02-01, so 7 overdue from then on. Chelmsford: 4 overdue on 2026-11-22 (deadlines 2025-09-30,
 * 2025-05-31, 2025-04-30, 2025-11-30; 2025-01-31 is complete), the same 4 on 2025-12-31.
 * Southend's and Braintree's plans print no dates: nothing overdue.
 */

const harlow = "E07000073";
const brentwood = "E07000068";
const chelmsford = "E07000070";
const braintree = "E07000067";
const southend = "E06000033";

interface ActionView {
  id: string;
  version: number;
  text: string;
  lead: string | null;
  retiredOn: string | null;
  target: { raw: string | null; deadline: string | null; precision: string; milestones: string[] };
}

const actionFields = "id version text lead retiredOn target { raw deadline precision milestones }";

const reasons = (errors: readonly GraphQLFormattedError[] | undefined) =>
  (errors ?? []).map((e) => e.extensions?.["reason"]);

describe(`editing plans: progress updates, corrections, new and retired actions (${databaseKind})`, () => {
  let t: TestApp;
  const bearer: Record<"harlow" | "brentwood" | "chelmsford" | "braintree" | "southend" | "analyst", string> = {
    harlow: "",
    brentwood: "",
    chelmsford: "",
    braintree: "",
    southend: "",
    analyst: "",
  };

  beforeAll(async () => {
    t = await createTestApp();
    const keys = t.app.services.apiKey;
    const make = async (name: string, role: string, councils: string[]) =>
      `Bearer ${(await keys.create({ role, name, councils, expiresOn: null }, bootstrapAdmin)).token}`;
    bearer.harlow = await make("Harlow performance team", "editor", [harlow]);
    bearer.brentwood = await make("Brentwood policy team", "editor", [brentwood]);
    bearer.chelmsford = await make("Chelmsford PMO", "editor", [chelmsford]);
    bearer.braintree = await make("Braintree performance", "editor", [braintree]);
    bearer.southend = await make("Southend corporate plan team", "editor", [southend]);
    bearer.analyst = await make("Essex analyst", "analyst", []);
  });
  afterAll(async () => t.close());

  async function findAction(council: string, search: string): Promise<ActionView> {
    const { data, errors } = await t.execute<{ actions: { nodes: ActionView[] } }>(
      `query Find($councils: [String!], $search: String) {
        actions(filter: { councils: $councils, search: $search }, first: 2) { nodes { ${actionFields} } } }`,
      { councils: [council], search },
    );
    expect(errors).toBeUndefined();
    expect(data?.actions.nodes).toHaveLength(1);
    return data!.actions.nodes[0]!;
  }

  async function overdue(council: string, asOf: string): Promise<number> {
    const { data, errors } = await t.execute<{ actions: { totalCount: number } }>(
      `query O($councils: [String!], $asOf: LocalDate) {
        actions(filter: { councils: $councils, overdue: true }, asOf: $asOf) { totalCount } }`,
      { councils: [council], asOf },
    );
    expect(errors).toBeUndefined();
    return data!.actions.totalCount;
  }

  async function totals(
    council: string,
    asOf: string,
  ): Promise<{ actions: number; overdue: number; complete: number }> {
    const { data, errors } = await t.execute<{
      benchmark: { totals: { actions: number; overdue: number; complete: number } };
    }>(
      `query B($councils: [String!], $asOf: LocalDate) {
        benchmark(filter: { councils: $councils }, asOf: $asOf) { totals { actions overdue complete } } }`,
      { councils: [council], asOf },
    );
    expect(errors).toBeUndefined();
    return data!.benchmark.totals;
  }

  async function series(
    council: string,
    from: string,
    to: string,
  ): Promise<{ asOf: string; actions: number; overdue: number }[]> {
    const { data, errors } = await t.execute<{
      benchmarkSeries: { points: { period: { asOf: string }; totals: { actions: number; overdue: number } }[] };
    }>(
      `query S($councils: [String!], $from: LocalDate!, $to: LocalDate!) {
        benchmarkSeries(filter: { councils: $councils }, from: $from, to: $to, interval: QUARTER) {
          points { period { asOf } totals { actions overdue } } } }`,
      { councils: [council], from, to },
    );
    expect(errors).toBeUndefined();
    return data!.benchmarkSeries.points.map((p) => ({ asOf: p.period.asOf, ...p.totals }));
  }

  const recordProgress = `mutation R($input: RecordProgressInput!) {
    recordProgress(input: $input) { id recordedOn status statusText note source recordedByName action { version } } }`;
  const updateAction = `mutation U($input: UpdateActionInput!) { updateAction(input: $input) { ${actionFields}
    revisions { version field before after reason effectiveOn keyName } } }`;
  const retireAction = `mutation X($input: RetireActionInput!) { retireAction(input: $input) { ${actionFields} retiredReason } }`;
  const addAction = `mutation A($input: AddActionInput!) { addAction(input: $input) { ${actionFields} source { line } status(asOf: "2026-11-22") isOverdue(asOf: "2026-11-22") } }`;

  async function auditOf(actionGlobalId: string, operation: string) {
    const { id } = fromGlobalId(actionGlobalId);
    return t.database.db
      .select()
      .from(auditEventsTable)
      .where(and(eq(auditEventsTable.objectId, id), eq(auditEventsTable.operation, operation)));
  }

  it("counts an editor's progress update in status, isOverdue, the overdue filter, benchmark and series from its day, not before", async () => {
    // Harlow R1 action 2: "August 2023" (2023-08-31), "Not started" since 2023-06-30.
    const action = await findAction(harlow, "WLT and Cabinet review resident survey");
    expect(action.version).toBe(1);
    const { data, errors } = await t.execute<{ recordProgress: Record<string, unknown> }>(
      recordProgress,
      {
        input: {
          action: action.id,
          expectedVersion: 1,
          status: "COMPLETE",
          recordedOn: "2024-01-15",
          note: "Themes agreed by Cabinet",
        },
      },
      { authorization: bearer.harlow },
    );
    expect(errors).toBeUndefined();
    expect(data?.recordProgress).toMatchObject({
      recordedOn: "2024-01-15",
      status: "COMPLETE",
      statusText: "Complete",
      note: "Themes agreed by Cabinet",
      source: "EDITOR",
      recordedByName: "Harlow performance team",
      action: { version: 2 },
    });

    const { data: judged } = await t.execute<{ node: Record<string, unknown> }>(
      `query J($id: ID!) { node(id: $id) { ... on Action {
        before: status(asOf: "2024-01-14") on: status(asOf: "2024-01-15")
        overdueBefore: isOverdue(asOf: "2024-01-14") overdueOn: isOverdue(asOf: "2024-01-15") } } }`,
      { id: action.id },
    );
    expect(judged?.node).toEqual({ before: "NOT_STARTED", on: "COMPLETE", overdueBefore: true, overdueOn: false });
    // One fewer overdue wherever the update is in force: 52 → 51, 50 → 49, 48 → 47.
    expect(await overdue(harlow, "2026-11-22")).toBe(51);
    expect(await overdue(harlow, "2024-06-30")).toBe(49);
    expect(await totals(harlow, "2026-11-22")).toEqual({ actions: 66, overdue: 51, complete: 8 });
    expect(await series(harlow, "2024-01-01", "2024-06-30")).toEqual([
      { asOf: "2024-03-31", actions: 66, overdue: 47 },
      { asOf: "2024-06-30", actions: 66, overdue: 49 },
    ]);

    const audit = await auditOf(action.id, "progress.record");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ keyName: "Harlow performance team", role: "EDITOR", objectType: "Action" });
    expect(audit[0]!.after).toMatchObject({ version: 2, status: "COMPLETE", recordedOn: "2024-01-15" });

    // The same event through auditEvents: Harlow's editor sees it on the action, Braintree's does not.
    const trail = `query T($object: ID!) { auditEvents(filter: { object: $object, operation: "progress.record" }) {
      nodes { operation objectType objectId keyName role council { gssCode } after } } }`;
    const seen = await t.execute<{ auditEvents: { nodes: Record<string, unknown>[] } }>(
      trail,
      { object: action.id },
      { authorization: bearer.harlow },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.auditEvents.nodes).toHaveLength(1);
    expect(seen.data?.auditEvents.nodes).toMatchObject([
      {
        operation: "progress.record",
        objectType: "Action",
        objectId: action.id,
        keyName: "Harlow performance team",
        role: "EDITOR",
        council: { gssCode: harlow },
        after: { status: "COMPLETE", recordedOn: "2024-01-15" },
      },
    ]);
    const elsewhere = await t.execute<{ auditEvents: { nodes: unknown[] } }>(
      trail,
      { object: action.id },
      { authorization: bearer.braintree },
    );
    expect(elsewhere.data?.auditEvents.nodes).toEqual([]);
  });

  it("lets an editor's update win over the document's on the same day, being recorded later", async () => {
    // Harlow's plan holds statuses recorded on 2023-06-30; this action's cell was empty (UNKNOWN).
    const action = await findAction(harlow, "Run staff engagement workshops on corporate narrative");
    const { errors } = await t.execute(
      recordProgress,
      {
        input: { action: action.id, expectedVersion: action.version, status: "IN_PROGRESS", recordedOn: "2023-06-30" },
      },
      { authorization: bearer.harlow },
    );
    expect(errors).toBeUndefined();
    const { data } = await t.execute<{ node: { status: string; progressUpdates: { source: string }[] } }>(
      `query J($id: ID!) { node(id: $id) { ... on Action { status(asOf: "2023-06-30") progressUpdates { source } } } }`,
      { id: action.id },
    );
    expect(data?.node.status).toBe("IN_PROGRESS");
    // Sept 2023: not complete under either status, so Harlow's overdue count stays 52 or 51 (the test above).
    expect(data?.node.progressUpdates.map((u) => u.source)).toEqual(["DOCUMENT", "EDITOR"]);
  });

  it("refuses a progress update dated after today, naming recordedOn, and changes nothing", async () => {
    const action = await findAction(braintree, "Key player in regional planning network meetings");
    const { errors } = await t.execute(
      recordProgress,
      { input: { action: action.id, expectedVersion: action.version, status: "COMPLETE", recordedOn: "2100-01-01" } },
      { authorization: bearer.braintree },
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "progress.recorded_in_future",
      argument: "input.recordedOn",
    });
    expect((await findAction(braintree, "Key player in regional planning network meetings")).version).toBe(
      action.version,
    );
  });

  it("refuses a stale version with write.conflict and changes nothing", async () => {
    const action = await findAction(braintree, "Key player in regional planning network meetings");
    const { errors } = await t.execute(
      recordProgress,
      {
        input: { action: action.id, expectedVersion: action.version + 5, status: "COMPLETE", recordedOn: "2024-01-01" },
      },
      { authorization: bearer.braintree },
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "write.conflict",
      argument: "input.expectedVersion",
    });
    expect((await findAction(braintree, "Key player in regional planning network meetings")).version).toBe(
      action.version,
    );
  });

  it("corrects a target for every asOf, re-reading it into a deadline, and keeps the old text and target in revisions", async () => {
    // Chelmsford R7: "Training date likely Autumn 2025 Ongoing" (2025-11-30), ONGOING: overdue on both days.
    const search = "initiatives have been developed to support continuous improvement";
    const action = await findAction(chelmsford, search);
    expect(await overdue(chelmsford, "2026-11-22")).toBe(4);
    const { data, errors } = await t.execute<{ updateAction: ActionView & { revisions: unknown[] } }>(
      updateAction,
      {
        input: {
          action: action.id,
          expectedVersion: action.version,
          target: "Training in Q4 2026/27, then ongoing",
          text: "Member development programme, with training for all members",
        },
      },
      { authorization: bearer.chelmsford },
    );
    expect(errors).toBeUndefined();
    expect(data?.updateAction).toMatchObject({
      version: action.version + 1,
      text: "Member development programme, with training for all members",
      target: {
        raw: "Training in Q4 2026/27, then ongoing",
        deadline: "2027-03-31",
        precision: "QUARTER",
        milestones: [],
      },
    });
    expect(data?.updateAction.revisions).toEqual([
      {
        version: action.version + 1,
        field: "text",
        before: action.text,
        after: "Member development programme, with training for all members",
        reason: null,
        effectiveOn: null,
        keyName: "Chelmsford PMO",
      },
      {
        version: action.version + 1,
        field: "target",
        before: "Training date likely Autumn 2025 Ongoing",
        after: "Training in Q4 2026/27, then ongoing",
        reason: null,
        effectiveOn: null,
        keyName: "Chelmsford PMO",
      },
    ]);
    // A correction applies to every day: 4 → 3 now and on 2025-12-31, when the old deadline had passed too.
    expect(await overdue(chelmsford, "2026-11-22")).toBe(3);
    expect(await overdue(chelmsford, "2025-12-31")).toBe(3);
    const audit = await auditOf(action.id, "action.update");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      keyName: "Chelmsford PMO",
      before: { target: "Training date likely Autumn 2025 Ongoing" },
      after: { target: "Training in Q4 2026/27, then ongoing", version: action.version + 1 },
    });
  });

  it("retires an action from its day: counted as before until then, left out of benchmarks, series and overdue filters after", async () => {
    // Brentwood R5: "Jan 25" (2025-01-31), In progress: overdue from 2025-02-01.
    const action = await findAction(brentwood, "engaged the East of England");
    const { data, errors } = await t.execute<{ retireAction: ActionView & { retiredReason: string } }>(
      retireAction,
      {
        input: {
          action: action.id,
          expectedVersion: action.version,
          retiredOn: "2025-06-01",
          reason: "Merged into the OneTeam review",
        },
      },
      { authorization: bearer.brentwood },
    );
    expect(errors).toBeUndefined();
    expect(data?.retireAction).toMatchObject({
      version: action.version + 1,
      retiredOn: "2025-06-01",
      retiredReason: "Merged into the OneTeam review",
    });
    expect(await overdue(brentwood, "2025-05-31")).toBe(7);
    expect(await overdue(brentwood, "2026-11-22")).toBe(6);
    expect(await totals(brentwood, "2025-05-31")).toEqual({ actions: 9, overdue: 7, complete: 2 });
    expect(await totals(brentwood, "2026-11-22")).toEqual({ actions: 8, overdue: 6, complete: 2 });
    expect(await series(brentwood, "2025-01-01", "2025-12-31")).toEqual([
      { asOf: "2025-03-31", actions: 9, overdue: 7 },
      { asOf: "2025-06-30", actions: 8, overdue: 6 },
      { asOf: "2025-09-30", actions: 8, overdue: 6 },
      { asOf: "2025-12-31", actions: 8, overdue: 6 },
    ]);
    const { data: judged } = await t.execute<{ node: Record<string, unknown> }>(
      `query J($id: ID!) { node(id: $id) { ... on Action {
        before: isOverdue(asOf: "2025-05-31") after: isOverdue(asOf: "2025-06-01") days: daysOverdue(asOf: "2025-06-01")
        revisions { field before after reason effectiveOn keyName } } } }`,
      { id: action.id },
    );
    expect(judged?.node).toEqual({
      before: true,
      after: false,
      days: null,
      revisions: [
        {
          field: "retiredOn",
          before: null,
          after: "2025-06-01",
          reason: "Merged into the OneTeam review",
          effectiveOn: "2025-06-01",
          keyName: "Brentwood policy team",
        },
      ],
    });
    // Lists still show it, with its retirement; neither answer to "overdue?" includes it from its day.
    expect((await findAction(brentwood, "engaged the East of England")).retiredOn).toBe("2025-06-01");
    const { data: notOverdue } = await t.execute<{ actions: { totalCount: number } }>(
      `{ actions(filter: { councils: ["${brentwood}"], overdue: false }, asOf: "2026-11-22") { totalCount } }`,
    );
    expect(notOverdue?.actions.totalCount).toBe(2);
    const again = await t.execute(
      retireAction,
      { input: { action: action.id, expectedVersion: action.version + 1, retiredOn: "2025-07-01", reason: "again" } },
      { authorization: bearer.brentwood },
    );
    expect(reasons(again.errors)).toEqual(["action.already_retired"]);
    expect(await auditOf(action.id, "action.retire")).toHaveLength(1);
  });

  it("adds an action at the end of its recommendation, with no source document and its first status", async () => {
    const { data: recs } = await t.execute<{
      recommendations: { nodes: { id: string; actions: { order: number }[] }[] };
    }>(`{ recommendations(filter: { councils: ["${southend}"] }, first: 1) { nodes { id actions { order } } } }`);
    const rec = recs!.recommendations.nodes[0]!;
    expect(await overdue(southend, "2026-11-22")).toBe(0);
    const { data, errors } = await t.execute<{ addAction: ActionView & Record<string, unknown> }>(
      addAction,
      {
        input: {
          recommendation: rec.id,
          text: "Publish the corporate plan's first annual report",
          lead: "Director of Strategy",
          target: "March 2020",
          status: "IN_PROGRESS",
        },
      },
      { authorization: bearer.southend },
    );
    expect(errors).toBeUndefined();
    expect(data?.addAction).toMatchObject({
      version: 1,
      lead: "Director of Strategy",
      retiredOn: null,
      source: null,
      target: { raw: "March 2020", deadline: "2020-03-31", precision: "MONTH" },
      isOverdue: true,
    });
    const { data: after } = await t.execute<{ node: { actions: { order: number; text: string; status: string }[] } }>(
      `query R($id: ID!) { node(id: $id) { ... on Recommendation { actions { order text status } } } }`,
      { id: rec.id },
    );
    expect(after?.node.actions.at(-1)).toEqual({
      order: rec.actions.length + 1,
      text: "Publish the corporate plan's first annual report",
      status: "IN_PROGRESS",
    });
    expect(await overdue(southend, "2026-11-22")).toBe(1);
    expect(await auditOf(data!.addAction.id, "action.add")).toHaveLength(1);
    const stranger = await t.execute(
      addAction,
      { input: { recommendation: rec.id, text: "x" } },
      { authorization: bearer.harlow },
    );
    expect(reasons(stranger.errors)).toEqual(["recommendation.not_found"]);
  });

  it("answers other councils' editors and analysts as if the action did not exist, and anonymous callers with auth.required", async () => {
    const action = await findAction(braintree, "Innovation built into service design");
    const input = { action: action.id, expectedVersion: action.version, status: "COMPLETE" };
    for (const who of [bearer.harlow, bearer.analyst]) {
      const { errors } = await t.execute(recordProgress, { input }, { authorization: who });
      expect(errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", reason: "action.not_found" });
    }
    const missing = await t.execute(
      recordProgress,
      { input: { ...input, action: Buffer.from("Action:999999").toString("base64url") } },
      { authorization: bearer.harlow },
    );
    expect(missing.errors?.[0]?.message).toBe(
      (await t.execute(recordProgress, { input }, { authorization: bearer.harlow })).errors?.[0]?.message,
    );
    expect(reasons((await t.execute(recordProgress, { input })).errors)).toEqual(["auth.required"]);
    for (const [query, extra] of [
      [updateAction, { text: "x" }],
      [retireAction, { retiredOn: "2024-01-01", reason: "x" }],
    ] as const) {
      const { errors } = await t.execute(
        query,
        { input: { action: action.id, expectedVersion: action.version, ...extra } },
        { authorization: bearer.harlow },
      );
      expect(reasons(errors)).toEqual(["action.not_found"]);
    }
    expect((await findAction(braintree, "Innovation built into service design")).version).toBe(action.version);
  });
});
