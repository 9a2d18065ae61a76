import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEventsTable } from "../../../src/modules/audit/audit-event.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { recommendationRevisionsTable } from "../../../src/modules/recommendation/recommendation-revision.table.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Figures by hand from seeds/plans/brentwood.txt (statuses of 2024-06-30): recommendation 8 ("Increase
 * and enhance two-way communication between organisational layers") has one action, deadline
 * 2024-11-30, In progress, so it is overdue on 2025-02-01; recommendation 9 likewise (2024-10-31, In
 * progress). Each correction of a recommendation's themes therefore moves exactly one overdue action.
 */

const brentwood = "E07000068";
const harlow = "E07000073";

interface RecommendationView {
  id: string;
  version: number;
  title: string | null;
  text: string;
  position: string | null;
  accountable: string | null;
  responsible: string | null;
  themeLinks: { method: string; confidence: number; linkedByName: string | null; theme: { code: string } }[];
  revisions: {
    version: number;
    field: string;
    before: string | null;
    after: string | null;
    reason: string | null;
    keyName: string;
  }[];
}

const recommendationFields = `id version title text position accountable responsible
  themeLinks { method confidence linkedByName theme { code } }
  revisions { version field before after reason keyName }`;

const update = `mutation U($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { ${recommendationFields} } }`;

const reasons = (errors: readonly GraphQLFormattedError[] | undefined) =>
  (errors ?? []).map((e) => [e.extensions?.["reason"], e.extensions?.["argument"]]);

describe(`correcting recommendations: fields, theme links, history and versions (${databaseKind})`, () => {
  let t: TestApp;
  let brentwoodEditor = "";
  let harlowEditor = "";

  beforeAll(async () => {
    t = await createTestApp();
    const make = async (name: string, councils: string[]) =>
      `Bearer ${(await t.app.services.apiKey.create({ role: "editor", name, councils, expiresOn: null }, bootstrapAdmin)).token}`;
    brentwoodEditor = await make("Brentwood policy team", [brentwood]);
    harlowEditor = await make("Harlow performance team", [harlow]);
  });
  afterAll(async () => t.close());

  async function find(council: string, search: string): Promise<RecommendationView> {
    const { data, errors } = await t.execute<{ recommendations: { nodes: RecommendationView[] } }>(
      `query F($councils: [String!], $search: String) {
        recommendations(filter: { councils: $councils, search: $search }, first: 2) { nodes { ${recommendationFields} } } }`,
      { councils: [council], search },
    );
    expect(errors).toBeUndefined();
    expect(data?.recommendations.nodes).toHaveLength(1);
    return data!.recommendations.nodes[0]!;
  }

  async function overdueUnder(theme: string, asOf: string): Promise<string[]> {
    const { data, errors } = await t.execute<{ actions: { nodes: { text: string }[] } }>(
      `query O($themes: [String!], $asOf: LocalDate) {
        actions(filter: { councils: ["${brentwood}"], themes: $themes, overdue: true }, asOf: $asOf, first: 100) { nodes { text } } }`,
      { themes: [theme], asOf },
    );
    expect(errors).toBeUndefined();
    return data!.actions.nodes.map((n) => n.text);
  }

  async function overdueByComponent(asOf: string): Promise<Map<string, number>> {
    const { data, errors } = await t.execute<{
      benchmark: { rows: { lgaComponent: { code: string } | null; measures: { overdue: number } }[] };
    }>(
      `query B($asOf: LocalDate) { benchmark(asOf: $asOf, groupBy: [LGA_COMPONENT], filter: { councils: ["${brentwood}"] }) {
        rows { lgaComponent { code } measures { overdue } } } }`,
      { asOf },
    );
    expect(errors).toBeUndefined();
    return new Map(data!.benchmark.rows.map((r) => [r.lgaComponent?.code ?? "unclassified", r.measures.overdue]));
  }

  it("corrects printed fields, keeping each old value as a revision, and audits it in the same write", async () => {
    const before = await find(brentwood, "value for money review of SAIL");
    expect(before.version).toBe(1);
    const { data, errors } = await t.execute<{ updateRecommendation: RecommendationView }>(
      update,
      {
        input: {
          recommendation: before.id,
          expectedVersion: 1,
          title: "  SAIL value for money  ",
          accountable: "Leader of the Council",
          responsible: before.responsible, // as held: not a change
        },
      },
      { authorization: brentwoodEditor },
    );
    expect(errors).toBeUndefined();
    const after = data!.updateRecommendation;
    expect(after).toMatchObject({
      version: 2,
      title: "SAIL value for money",
      accountable: "Leader of the Council",
      text: before.text,
    });
    const by = { version: 2, reason: null, keyName: "Brentwood policy team" };
    expect(after.revisions).toEqual([
      { ...by, field: "title", before: null, after: "SAIL value for money" },
      { ...by, field: "accountable", before: before.accountable, after: "Leader of the Council" },
    ]);
    const events = await t.database.db
      .select({ before: auditEventsTable.before, after: auditEventsTable.after, keyName: auditEventsTable.keyName })
      .from(auditEventsTable)
      .where(eq(auditEventsTable.operation, "recommendation.update"));
    expect(events).toContainEqual({
      before: { version: 1, title: null, accountable: before.accountable },
      after: { version: 2, title: "SAIL value for money", accountable: "Leader of the Council" },
      keyName: "Brentwood policy team",
    });
  });

  it("refuses a stale version with write.conflict and changes nothing", async () => {
    const held = await find(brentwood, "monthly meeting of senior officers");
    const first = await t.execute(
      update,
      { input: { recommendation: held.id, expectedVersion: held.version, text: `${held.text}.` } },
      { authorization: brentwoodEditor },
    );
    expect(first.errors).toBeUndefined();
    const stale = await t.execute(
      update,
      { input: { recommendation: held.id, expectedVersion: held.version, text: "overwritten" } },
      { authorization: brentwoodEditor },
    );
    expect(reasons(stale.errors)).toEqual([["write.conflict", "input.expectedVersion"]]);
    const now = await find(brentwood, "monthly meeting of senior officers");
    expect(now.text).toBe(`${held.text}.`);
    expect(now.version).toBe(held.version + 1);
    expect(now.revisions.map((r) => r.after)).toEqual([`${held.text}.`]);
  });

  it("refuses bad input by argument, writing nothing", async () => {
    const held = await find(brentwood, "political vision for the borough");
    const attempt = (input: Record<string, unknown>) =>
      t.execute(
        update,
        { input: { recommendation: held.id, expectedVersion: held.version, ...input } },
        { authorization: brentwoodEditor },
      );
    expect(reasons((await attempt({ text: "   " })).errors)).toEqual([["input.invalid", "input.text"]]);
    expect(reasons((await attempt({ text: "a\u0000b" })).errors)).toEqual([["input.invalid", "input.text"]]);
    expect(reasons((await attempt({ accountable: "x".repeat(501) })).errors)).toEqual([
      ["input.invalid", "input.accountable"],
    ]);
    expect(reasons((await attempt({ themes: ["finance"] })).errors)).toEqual([["input.invalid", "input.themes"]]);
    expect(reasons((await attempt({ recommendation: "QWN0aW9uOjE=" })).errors)).toEqual([
      ["recommendation.not_found", "input.recommendation"],
    ]);
    const now = await find(brentwood, "political vision for the borough");
    expect(now).toEqual(held);
  });

  it("answers another council's editor and an anonymous caller as if the recommendation did not exist", async () => {
    const held = await find(brentwood, "pay and costs appropriately apportioned");
    const input = { recommendation: held.id, expectedVersion: held.version, text: "not yours" };
    expect(reasons((await t.execute(update, { input }, { authorization: harlowEditor })).errors)).toEqual([
      ["recommendation.not_found", "input.recommendation"],
    ]);
    const anonymous = await t.execute(update, { input });
    expect(anonymous.errors?.[0]?.extensions?.["reason"]).toBe("auth.required");
    expect(await find(brentwood, "pay and costs appropriately apportioned")).toEqual(held);
  });

  it("moves a recommendation's actions between theme rows from every day, as a person's links the rules never replace", async () => {
    const asOf = "2025-02-01";
    const held = await find(brentwood, "two-way communication between organisational layers");
    const ruled = held.themeLinks.map((l) => l.theme.code);
    expect(held.themeLinks.every((l) => l.method === "RULE")).toBe(true);
    expect(ruled).not.toContain("finance.budget-mtfs");
    const financeBefore = await overdueUnder("finance.budget-mtfs", asOf);
    const componentsBefore = await overdueByComponent(asOf);

    const { data, errors } = await t.execute<{ updateRecommendation: RecommendationView }>(
      update,
      { input: { recommendation: held.id, expectedVersion: held.version, themes: ["finance.budget-mtfs"] } },
      { authorization: brentwoodEditor },
    );
    expect(errors).toBeUndefined();
    const after = data!.updateRecommendation;
    expect(after.themeLinks).toEqual([
      { method: "HAND", confidence: 1, linkedByName: "Brentwood policy team", theme: { code: "finance.budget-mtfs" } },
    ]);
    expect(after.revisions).toEqual([
      {
        version: held.version + 1,
        field: "themes",
        before: ruled.join(", "),
        after: "finance.budget-mtfs",
        reason: null,
        keyName: "Brentwood policy team",
      },
    ]);

    // Its one overdue action now counts under finance, and under none of the components the rules gave.
    const financeAfter = await overdueUnder("finance.budget-mtfs", asOf);
    expect(financeAfter.filter((text) => !financeBefore.includes(text))).toHaveLength(1);
    expect(financeAfter.length).toBe(financeBefore.length + 1);
    const componentsAfter = await overdueByComponent(asOf);
    const ruledComponents = new Set(ruled.map((code) => code.split(".")[0] ?? code));
    expect(componentsAfter.get("finance")).toBe((componentsBefore.get("finance") ?? 0) + 1);
    for (const component of ruledComponents)
      expect(componentsAfter.get(component) ?? 0).toBe((componentsBefore.get(component) ?? 0) - 1);

    // A re-import of the plan with a changed status keeps the person's links.
    const original = readFileSync("seeds/plans/brentwood.txt", "utf8");
    // Recommendation 8's row runs over three lines; its status ends the third.
    const changed = original.replace(/(Increase and enhance two-way communication[^]*?)In progress/u, "$1Complete");
    expect(changed).not.toBe(original);
    const imported = await t.app.services.draft.importPlan(
      bootstrapAdmin,
      {
        councilGss: brentwood,
        content: new TextEncoder().encode(changed),
        filename: "brentwood-2025.txt",
        challengeHeldOn: "2024-03-01",
        recordedOn: "2025-03-01",
      },
      true,
    );
    expect(imported.report.statusChanges).toBe(1);
    const reread = await find(brentwood, "two-way communication between organisational layers");
    expect(reread.themeLinks.map((l) => [l.method, l.theme.code])).toEqual([["HAND", "finance.budget-mtfs"]]);
  });

  it("20 concurrent writers of one recommendation: one wins, the rest get write.conflict, one revision", async () => {
    const held = await find(brentwood, "clarify structures, systems and the timescales");
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.execute(
          update,
          { input: { recommendation: held.id, expectedVersion: held.version, responsible: `Writer ${i}` } },
          { authorization: brentwoodEditor },
        ),
      ),
    );
    const won = attempts.filter((a) => a.errors === undefined);
    expect(won).toHaveLength(1);
    expect(attempts.filter((a) => a.errors !== undefined).flatMap((a) => reasons(a.errors))).toEqual(
      Array.from({ length: 19 }, () => ["write.conflict", "input.expectedVersion"]),
    );
    const revisions = await t.database.db
      .select()
      .from(recommendationRevisionsTable)
      .where(eq(recommendationRevisionsTable.recommendationId, fromGlobalId(held.id).id));
    expect(revisions).toHaveLength(1);
    const now = await find(brentwood, "clarify structures, systems and the timescales");
    expect(now.version).toBe(held.version + 1);
    expect(now.responsible).toBe(revisions[0]!.after);
  });

  it("keeps revisions append-only in the database itself", async () => {
    const held = await find(brentwood, "Senior members need to be more visible");
    await t.execute(
      update,
      { input: { recommendation: held.id, expectedVersion: held.version, title: "Visible members" } },
      { authorization: brentwoodEditor },
    );
    const id = fromGlobalId(held.id).id;
    await expect(
      t.database.db
        .update(recommendationRevisionsTable)
        .set({ after: "rewritten" })
        .where(eq(recommendationRevisionsTable.recommendationId, id)),
    ).rejects.toThrow();
    await expect(
      t.database.db.delete(recommendationRevisionsTable).where(eq(recommendationRevisionsTable.recommendationId, id)),
    ).rejects.toThrow();
  });
});
