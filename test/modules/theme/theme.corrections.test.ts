import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOverrides, loadRules } from "../../../src/modules/theme/theme.taxonomy.js";
import { harlowUpdated } from "../../support/harlow-plan.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const overrides = loadOverrides("seeds/themes");
const rules = loadRules("seeds/themes");

interface Links {
  recommendations: { nodes: { reference: string; themeLinks: { method: string; theme: { code: string } }[] }[] };
}

describe(`hand theme links win over the classifier, and are exported (${databaseKind})`, () => {
  let t: TestApp;
  // A fresh database per test: one test adds an override's hand links, which the others must not see.
  beforeEach(async () => {
    t = await createTestApp();
    // A person's correction as an editor's review stores it: Harlow 4's rule link (senior
    // structure) replaced by a hand link to workforce.
    await t.database.db.execute(sql`
      with rec as (
        select r.id from recommendations r join peer_challenges pc on pc.id = r.peer_challenge_id
        join councils c on c.id = pc.council_id where c.gss_code = 'E07000073' and r.reference = '4'),
      gone as (delete from recommendation_themes where recommendation_id = (select id from rec))
      insert into recommendation_themes (recommendation_id, theme_id, method, confidence)
      select (select id from rec), id, 'HAND', 1 from themes where code = 'capacity.workforce'`);
  });
  afterEach(async () => t.close());

  const harlowLinks = async () => {
    const { data } = await t.execute<Links>(
      `{ recommendations(filter: { councils: ["E07000073"] }, first: 20) { nodes { reference themeLinks { method theme { code } } } } }`,
    );
    return new Map((data?.recommendations.nodes ?? []).map((n) => [n.reference, n.themeLinks]));
  };

  it("keeps a hand link when the plan is imported again, and the rule links of the rest", async () => {
    const before = await harlowLinks();
    expect(before.get("4")).toEqual([{ method: "HAND", theme: { code: "capacity.workforce" } }]);
    const { report } = await t.app.services.import.importPlan({
      content: new TextEncoder().encode(harlowUpdated()),
      filename: "harlow-2024.txt",
      councilGss: "E07000073",
      challengeHeldOn: "2023-01-01",
      recordedOn: "2024-06-01",
    });
    expect(report.statusChanges).toBe(3);
    expect(await harlowLinks()).toEqual(before);
  });

  it("exports the overrides file's corrections and the stored hand links as labelled examples", async () => {
    const lines = await t.app.services.theme.corrections(overrides);
    expect(lines.map((l) => [l.council, l.reference, l.source, l.subThemes])).toEqual([
      [
        "E07000070",
        "6",
        "overrides",
        ["leadership.reorganisation", "governance-culture.member-officer-relations", "governance-culture.risk"],
      ],
      [
        "E07000068",
        "3",
        "overrides",
        ["governance-culture.member-officer-relations", "leadership.political-leadership"],
      ],
      ["E07000073", "4", "stored", ["capacity.workforce"]],
    ]);
    // What the database holds, as the importer read it: Chelmsford's response column as the action.
    expect(lines[0]?.actions).toEqual([expect.stringMatching(/preparation for Devolution and LGR/)]);
    expect(lines[0]?.text).toMatch(/^Ensure that members and officers are prepared for the challenges ahead/);
    expect(lines[1]?.text).toMatch(/^Introduce a monthly meeting of senior officers/);
    expect(lines[1]?.reason).toMatch(/statutory and senior officers/);
    expect(lines[2]).toMatchObject({ reason: null, title: null });
    expect(lines[2]?.text).toMatch(/^Consider how to respond to what is seen as the time being ripe for structural/);
    expect(lines[2]?.actions).toHaveLength(2);
  });

  it("exports an override whose recommendation this database does not hold, without its text", () => {
    const lines = t.app.services.theme.corrections({
      overrides: [
        {
          council: "E07000075",
          reference: "9",
          subThemes: [{ subThemeCode: "finance.budget-mtfs", componentCode: "finance" }],
          reason: "invented",
        },
      ],
    });
    return expect(lines).resolves.toEqual([
      {
        council: "E07000075",
        reference: "9",
        source: "overrides",
        subThemes: ["finance.budget-mtfs"],
        title: null,
        text: null,
        themeLabel: null,
        actions: [],
        reason: "invented",
      },
      expect.objectContaining({ council: "E07000068", reference: "3", source: "stored" }),
      expect.objectContaining({ council: "E07000070", reference: "6", source: "stored" }),
      expect.objectContaining({ council: "E07000073", reference: "4", source: "stored" }),
    ]);
  });

  it("reclassifies every recommendation no person has classified, and none that a person has", async () => {
    // The seed links were made by these same rules: nothing moves. 48 less three hand-classified.
    expect(await t.app.services.theme.reclassify(rules, overrides)).toEqual({ examined: 45, changed: 0 });
    // No seed recommendation's best link reaches 0.99 (the highest is Southend-on-Sea 7's 0.972),
    // so a threshold that high abstains on all 45 and leaves only the hand links.
    const strict = { ...rules, abstainBelow: 0.99 };
    expect(await t.app.services.theme.reclassify(strict, overrides)).toEqual({ examined: 45, changed: 45 });
    const links = await harlowLinks();
    expect(links.get("4")).toEqual([{ method: "HAND", theme: { code: "capacity.workforce" } }]);
    expect([...links.values()].filter((l) => l.length > 0)).toHaveLength(1);
    const { data } = await t.execute<{ themeReview: { totalCount: number } }>(`{ themeReview { totalCount } }`);
    expect(data?.themeReview.totalCount).toBe(45);
    expect(await t.app.services.theme.reclassify(rules, overrides)).toEqual({ examined: 45, changed: 45 });
  });

  it("turns an override added after the import into hand links on reclassifying", async () => {
    const added = {
      overrides: [
        ...overrides.overrides,
        {
          council: "E07000073",
          reference: "5",
          subThemes: [{ subThemeCode: "governance-culture.culture-values", componentCode: "governance-culture" }],
          reason: "invented for the test",
        },
      ],
    };
    expect(await t.app.services.theme.reclassify(rules, added)).toEqual({ examined: 45, changed: 1 });
    expect((await harlowLinks()).get("5")).toEqual([
      { method: "HAND", theme: { code: "governance-culture.culture-values" } },
    ]);
    expect(await t.app.services.theme.reclassify(rules, added)).toEqual({ examined: 44, changed: 0 });
  });
});
