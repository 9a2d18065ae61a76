import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

interface Page {
  totalCount: number;
  nodes: { id: string }[];
  pageInfo: { endCursor: string | null };
}

const page = "totalCount nodes { id } pageInfo { endCursor }";

describe(`Theme.recommendations (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("pages each theme's recommendations exactly as the recommendations list filtered by that theme", async () => {
    const { data, errors } = await t.execute<{
      themes: { code: string; recommendations: Page; children: { code: string; recommendations: Page }[] }[];
    }>(
      `{ themes { code recommendations(first: 100) { ${page} } children { code recommendations(first: 100) { ${page} } } } }`,
    );
    expect(errors).toBeUndefined();
    const themes = (data?.themes ?? []).flatMap((c) => [c, ...c.children]);
    expect(themes.length).toBeGreaterThan(5);
    let nonEmpty = 0;
    for (const theme of themes) {
      const list = await t.execute<{ recommendations: Page }>(
        `query ($code: String!) { recommendations(filter: { themes: [$code] }, first: 100) { ${page} } }`,
        { code: theme.code },
      );
      expect(theme.recommendations, theme.code).toEqual(list.data?.recommendations);
      if (theme.recommendations.totalCount > 0) nonEmpty += 1;
    }
    // A component covers its sub-themes, so every component with data counts at least as many as any child.
    for (const component of data?.themes ?? []) {
      for (const child of component.children) {
        expect(component.recommendations.totalCount).toBeGreaterThanOrEqual(child.recommendations.totalCount);
      }
    }
    expect(nonEmpty).toBeGreaterThan(5);
  });

  it("continues after a cursor, and counts the whole list on a page past its end or of size 0", async () => {
    const first = await t.execute<{ theme: { recommendations: Page } }>(
      `{ theme(code: "governance-culture") { recommendations(first: 2) { ${page} } } }`,
    );
    const total = first.data?.theme.recommendations.totalCount ?? 0;
    expect(total).toBeGreaterThan(3);
    const cursor = first.data?.theme.recommendations.pageInfo.endCursor;
    const [next, none, beyond, whole] = await Promise.all([
      t.execute<{ theme: { recommendations: Page } }>(
        `query ($after: String) { theme(code: "governance-culture") { recommendations(first: 2, after: $after) { ${page} } } }`,
        { after: cursor },
      ),
      t.execute<{ theme: { recommendations: Page } }>(
        `{ theme(code: "governance-culture") { recommendations(first: 0) { ${page} } } }`,
      ),
      t.execute<{ theme: { recommendations: Page } }>(
        `query ($after: String) { theme(code: "governance-culture") { recommendations(first: 2, after: $after) { ${page} } } }`,
        { after: Buffer.from(`offset:${total + 5}`).toString("base64url") },
      ),
      t.execute<{ theme: { recommendations: Page } }>(
        `{ theme(code: "governance-culture") { recommendations(first: 100) { ${page} } } }`,
      ),
    ]);
    const ids = whole.data?.theme.recommendations.nodes.map((n) => n.id) ?? [];
    expect(next.data?.theme.recommendations.nodes.map((n) => n.id)).toEqual(ids.slice(2, 4));
    expect(none.data?.theme.recommendations).toMatchObject({ totalCount: total, nodes: [] });
    expect(beyond.data?.theme.recommendations).toMatchObject({ totalCount: total, nodes: [] });
  });
});
