import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

const walk = `{
  councils(first: 100, filter: { hasPeerChallenge: true }) {
    totalCount
    nodes {
      gssCode county { name } peerGroups { slug }
      peerChallenges {
        heldOn sourceDocuments { filename }
        recommendations {
          reference themes { code parent { code } }
          actions { text target { deadline } status(asOf: "2026-11-22") isOverdue(asOf: "2026-11-22") progressUpdates { status } }
        }
      }
    }
  }
}`;

/** A plan for another council, in Harlow's layout, with `n` recommendations of two actions each. */
function plan(n: number): string {
  const rows = ["No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)"];
  for (let i = 1; i <= n; i += 1) {
    rows.push(
      `${i}\tImprove governance and scrutiny arrangements, part ${i}\tReview the constitution ${i}.\tMonitoring Officer\tMarch 2025\tIn progress`,
    );
    rows.push(`\t\tTrain members on scrutiny ${i}.\t\tQ3 2025/26\tNot started`);
  }
  return rows.join("\n");
}

describe(`statements per request (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("walks councils → challenges → recommendations → actions → themes in the same number of statements for 5 plans or 25", async () => {
    t.database.counter.reset();
    const small = await t.execute<{ councils: { totalCount: number } }>(walk);
    const withFive = t.database.counter.count;
    expect(small.errors).toBeUndefined();
    expect(small.data?.councils.totalCount).toBe(5);

    // Twenty more councils with plans, in the South East, each with 8 recommendations and 16 actions.
    const { data } = await t.execute<{ councils: { nodes: { gssCode: string }[] } }>(
      `{ councils(first: 20, filter: { regions: ["South East"] }) { nodes { gssCode } } }`,
    );
    for (const council of data?.councils.nodes ?? []) {
      await t.app.services.import.importPlan({
        content: new TextEncoder().encode(plan(8)),
        filename: "plan.txt",
        councilGss: council.gssCode,
        recordedOn: "2025-01-01",
      });
    }

    t.database.counter.reset();
    const large = await t.execute<{
      councils: { totalCount: number; nodes: { peerChallenges: { recommendations: { actions: unknown[] }[] }[] }[] };
    }>(walk);
    expect(large.errors).toBeUndefined();
    expect(large.data?.councils.totalCount).toBe(25);
    const actions =
      large.data?.councils.nodes.flatMap((c) =>
        c.peerChallenges.flatMap((p) => p.recommendations.flatMap((r) => r.actions)),
      ) ?? [];
    expect(actions.length).toBe(115 + 20 * 16);
    expect(t.database.counter.count).toBe(withFive);
    // page + count, county, peer groups, challenges, documents, recommendations, theme links,
    // the taxonomy, actions, statuses as of the day, progress updates.
    expect(withFive).toBe(12);
  });

  it("pages every theme's recommendations in the same number of statements for the 5 components or all 27 themes", async () => {
    const page = "recommendations(first: 3) { totalCount nodes { reference } }";
    t.database.counter.reset();
    const components = await t.execute<{ themes: { recommendations: { totalCount: number } }[] }>(
      `{ themes { code ${page} } }`,
    );
    const forComponents = t.database.counter.count;
    expect(components.errors).toBeUndefined();
    expect(components.data?.themes).toHaveLength(5);

    t.database.counter.reset();
    const all = await t.execute<{ themes: { children: { recommendations: { totalCount: number } }[] }[] }>(
      `{ themes { code ${page} children { code ${page} } } }`,
    );
    const forAll = t.database.counter.count;
    expect(all.errors).toBeUndefined();
    expect(all.data?.themes.flatMap((c) => c.children)).toHaveLength(22);

    t.database.counter.reset();
    const one = await t.execute(`{ theme(code: "governance-culture") { code ${page} } }`);
    expect(one.errors).toBeUndefined();
    // The theme by code, then its page: one theme costs what five do.
    expect(t.database.counter.count).toBe(2);
    // The taxonomy, then one statement for the components' pages.
    expect(forComponents).toBe(2);
    // The taxonomy for the components, the taxonomy again for their children (a second loader
    // tick), and one statement per level of pages: the components', then the sub-themes'.
    expect(forAll).toBe(4);
  });
});
