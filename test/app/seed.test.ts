import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../src/app/seed.js";
import * as schema from "../../src/shared/database/database.schema.js";
import { createLogger } from "../../src/shared/logger.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

const tables = {
  councils: schema.councilsTable,
  peerGroups: schema.peerGroupsTable,
  peerGroupMembers: schema.peerGroupMembersTable,
  themes: schema.themesTable,
  peerChallenges: schema.peerChallengesTable,
  sourceDocuments: schema.sourceDocumentsTable,
  recommendations: schema.recommendationsTable,
  recommendationThemes: schema.recommendationThemesTable,
  actions: schema.actionsTable,
  progressUpdates: schema.progressUpdatesTable,
};

describe(`seeding (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // Seeds here rather than taking the suite's pre-seeded copy, so that seeding itself is tested.
    t = await createTestApp({ seed: false });
    await seedDatabase({
      repos: t.app.repositories,
      services: t.app.services,
      projectRoot: process.cwd(),
      logger: createLogger("silent"),
    });
  });
  afterAll(async () => t.close());

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(tables).map(async ([name, table]) => [
          name,
          (await t.database.db.select({ n: count() }).from(table))[0]?.n,
        ]),
      ),
    ) as Record<keyof typeof tables, number>;

  it("yields the register, the five plans and one progress update per printed status", async () => {
    expect(await counts()).toMatchObject({
      councils: 332,
      themes: 27,
      peerChallenges: 5,
      sourceDocuments: 5,
      // 7 + 9 + 9 + 13 recommendations and Southend-on-Sea's 10 commitments.
      recommendations: 48,
      // Braintree 31 bullets, Brentwood 9, Chelmsford 9, Harlow 66; Southend none.
      actions: 115,
      // Only plans with a status column yield updates: Brentwood 9 + Chelmsford 9 + Harlow 66.
      progressUpdates: 84,
    });
  });

  it("changes nothing when run a second time", async () => {
    const before = await counts();
    const summary = await seedDatabase({
      repos: t.app.repositories,
      services: t.app.services,
      projectRoot: process.cwd(),
      logger: createLogger("silent"),
    });
    expect(summary.plans.map((p) => p.outcome)).toEqual([
      "UNCHANGED",
      "UNCHANGED",
      "UNCHANGED",
      "UNCHANGED",
      "UNCHANGED",
    ]);
    expect(await counts()).toEqual(before);
  });
});
