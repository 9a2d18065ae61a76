import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

describe(`councils and peer groups (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("holds all 332 current English councils of the register", async () => {
    const { data } = await t.execute<{ councils: { totalCount: number } }>(`{ councils { totalCount } }`);
    expect(data?.councils.totalCount).toBe(332);
  });

  it("finds a council by GSS code and by slug, with its county and plan", async () => {
    const { data } = await t.execute<{ a: unknown; b: { gssCode: string } }>(
      `{ a: council(gssCode: "E07000073") { name officialName typeCode region county { gssCode name } hasPeerChallenge
           peerChallenges { heldOn heldOnPrecision recommendations { reference } } }
         b: council(slug: "southend-on-sea") { gssCode } }`,
    );
    expect(data?.a).toEqual({
      name: "Harlow",
      officialName: "Harlow District Council",
      typeCode: "NMD",
      region: "East of England",
      county: { gssCode: "E10000012", name: "Essex" },
      hasPeerChallenge: true,
      peerChallenges: [
        {
          heldOn: "2023-01-01",
          heldOnPrecision: "YEAR",
          recommendations: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"].map((reference) => ({
            reference,
          })),
        },
      ],
    });
    expect(data?.b.gssCode).toBe("E06000033");
  });

  it("filters councils by peer group, county, type and whether they have a CPC", async () => {
    const { data } = await t.execute<Record<string, { totalCount: number }>>(
      `{ essex: councils(filter: { peerGroup: "greater-essex" }) { totalCount }
         county: councils(filter: { counties: ["E10000012"] }) { totalCount }
         districts: councils(filter: { types: ["NMD"] }) { totalCount }
         withPlans: councils(filter: { hasPeerChallenge: true }) { totalCount }
         named: councils(filter: { search: "chelms" }) { totalCount } }`,
    );
    // Greater Essex: Essex CC + 12 districts + Southend-on-Sea + Thurrock; the county area: Essex CC + 12 districts.
    expect(data).toEqual({
      essex: { totalCount: 15 },
      county: { totalCount: 13 },
      districts: { totalCount: 164 },
      withPlans: { totalCount: 5 },
      named: { totalCount: 1 },
    });
  });

  it("pages through councils with cursors, never repeating or skipping one", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data: {
          councils: { nodes: { gssCode: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        } | null;
      } = await t.execute(
        `query($after: String) { councils(first: 100, after: $after) { nodes { gssCode } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const councils = page.data?.councils;
      if (!councils) throw new Error("no page");
      seen.push(...councils.nodes.map((n) => n.gssCode));
      if (!councils.pageInfo.hasNextPage) break;
      after = councils.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(332);
    expect(new Set(seen).size).toBe(332);
  });

  it("returns any object again from its global ID", async () => {
    const { data } = await t.execute<{ council: { id: string } }>(`{ council(gssCode: "E07000068") { id } }`);
    const id = data?.council.id;
    const again = await t.execute<{ node: { __typename: string; gssCode: string } }>(
      `query($id: ID!) { node(id: $id) { __typename ... on Council { gssCode } } }`,
      { id },
    );
    expect(again.data?.node).toEqual({ __typename: "Council", gssCode: "E07000068" });
  });

  it("lists the built-in and named peer groups with their members", async () => {
    const { data } = await t.execute<{
      peerGroup: { kind: string; memberCount: number; members: { gssCode: string }[] };
      peerGroups: { totalCount: number };
    }>(
      `{ peerGroup(slug: "greater-essex") { kind memberCount members { gssCode } } peerGroups(kinds: [COUNTY]) { totalCount } }`,
    );
    expect(data?.peerGroup.kind).toBe("NAMED");
    expect(data?.peerGroup.memberCount).toBe(15);
    expect(data?.peerGroup.members.map((m) => m.gssCode)).toContain("E06000034");
    // 21 county councils in the register, each a county-area group.
    expect(data?.peerGroups.totalCount).toBe(21);
  });

  it("gives the theme taxonomy as five LGA components in LGA order, each with sub-themes", async () => {
    const { data } = await t.execute<{ themes: { position: number; name: string; children: { level: number }[] }[] }>(
      `{ themes { position name children { level } } }`,
    );
    expect(data?.themes.map((c) => c.name)).toEqual([
      "Local priorities and outcomes",
      "Organisational and place leadership",
      "Governance and culture",
      "Financial planning and management",
      "Capacity for improvement",
    ]);
    for (const component of data?.themes ?? []) {
      expect(component.children.length).toBeGreaterThan(0);
      expect(component.children.every((c) => c.level === 2)).toBe(true);
    }
  });

  it("classifies every recommendation under at least one sub-theme, saying how", async () => {
    const { data } = await t.execute<{
      recommendations: {
        totalCount: number;
        nodes: { themeLinks: { method: string; confidence: number; theme: { level: number } }[] }[];
      };
    }>(`{ recommendations(first: 100) { totalCount nodes { themeLinks { method confidence theme { level } } } } }`);
    // 7 + 9 + 9 + 13 recommendations and Southend's 10 commitments.
    expect(data?.recommendations.totalCount).toBe(48);
    for (const rec of data?.recommendations.nodes ?? []) {
      expect(rec.themeLinks.length).toBeGreaterThan(0);
      for (const link of rec.themeLinks) {
        expect(link.theme.level).toBe(2);
        expect(link.confidence).toBeGreaterThan(0);
        expect(link.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
