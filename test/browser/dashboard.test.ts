import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runningService } from "../support/entry-point.js";
import { harlowPlan, harlowUpdated } from "../support/harlow-plan.js";
import { controlsTabSkips, launchOffline, screenshot, seriousViolations, type Browser } from "./browser.js";

/**
 * The dashboard and the explorer in Debian's headless Chromium, against the service started as
 * `npm start` starts it (the built dist/, a freshly seeded embedded database, a free port), with
 * every request to anywhere else refused.
 */
describe("the dashboard in a browser", () => {
  const adminToken = "browser-test-admin-token-0123";
  const { entry, post } = runningService({ ADMIN_TOKEN: adminToken });
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchOffline(entry().base);
    page = await browser.context.newPage();
    // A step that cannot happen fails in seconds, well inside the test's own time.
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const api = async <T>(query: string, variables?: Record<string, unknown>, key?: string): Promise<T> => {
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    const body = (await (await post(JSON.stringify({ query, variables }), headers)).json()) as {
      data: T;
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const open = async (path: string) => {
    await page.goto(`${entry().base}${path}`);
    await page.locator("main h1").waitFor();
    await page.locator("[role=status].loading").waitFor({ state: "detached" });
  };
  const counts = (gss: string, theme: string) =>
    page.locator(`tr[data-council="${gss}"] td[data-theme="${theme}"] .counts`).innerText();

  interface Cell {
    council: { gssCode: string } | null;
    lgaComponent: { code: string } | null;
    measures: { overdue: number; withDeadline: number; overdueRate: number | null };
  }
  /** The heatmap's figures as the API gives them, for a day. */
  const matrix = async (asOf: string) =>
    (
      await api<{ benchmark: { rows: Cell[] } }>(
        `{ benchmark(asOf: "${asOf}", peerGroup: "greater-essex", groupBy: [COUNCIL, LGA_COMPONENT]) {
             rows { council { gssCode } lgaComponent { code } measures { overdue withDeadline overdueRate } } } }`,
      )
    ).benchmark.rows;

  /** Every cell the API has a row for reads its counts; a row without deadlines reads "no data". */
  const expectHeatmapToEqual = async (rows: Cell[]) => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const cell = page.locator(
        `tr[data-council="${row.council?.gssCode}"] td[data-theme="${row.lgaComponent?.code}"]`,
      );
      expect(await cell.locator(".counts").innerText()).toBe(`${row.measures.overdue}/${row.measures.withDeadline}`);
      if (row.measures.overdueRate === null) expect(await cell.locator(".rate").innerText()).toBe("no data");
      else expect(await cell.locator(".rate").innerText()).toBe(`${Math.round(row.measures.overdueRate * 100)}%`);
    }
  };

  it("opens at / on the Greater Essex peer group, its cells the API's figures on 2026-11-22", async () => {
    await open("/?asOf=2026-11-22");
    expect(await page.locator("h1").innerText()).toBe("Greater Essex: overdue actions as of 2026-11-22");
    await expectHeatmapToEqual(await matrix("2026-11-22"));
    // Worked by hand in the README: Harlow 52 of 59 dated actions overdue, 13 of 14 under governance and culture;
    // Braintree prints no dates, so it has no data rather than a rate of zero.
    expect(await counts("E07000073", "plan")).toBe("52/59");
    expect(await counts("E07000073", "governance-culture")).toBe("13/14");
    expect(await page.locator('tr[data-council="E07000067"] td[data-theme="plan"] .rate').innerText()).toBe("no data");
    expect(await page.locator('tr[data-council="E07000068"] .freshness').innerText()).toContain("2024-06-30");
    await screenshot(page, "peer-group");
  });

  it("changes every cell when the date picker is set to another day, and puts the day in the URL", async () => {
    await open("/?asOf=2026-11-22");
    await page.locator("#as-of").fill("2024-06-30");
    await page.locator("#as-of").press("Enter");
    await page.locator("h1", { hasText: "as of 2024-06-30" }).waitFor();
    await page.locator("[role=status].loading").waitFor({ state: "detached" });
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2024-06-30");
    await expectHeatmapToEqual(await matrix("2024-06-30"));
    // The README's quarterly series: on 2024-06-30 Harlow had 50 overdue and Brentwood none yet.
    expect(await counts("E07000073", "plan")).toBe("50/59");
    expect(await counts("E07000068", "plan")).toBe("0/9");
  });

  it("sorts the rows by a column's header, councils with no data last", async () => {
    await open("/?asOf=2026-11-22");
    await page.getByRole("button", { name: "Whole plan" }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: "Whole plan" }).waitFor();
    const order = await page.locator("tbody tr th[scope=row]").allInnerTexts();
    // Rates 0.778 (Brentwood), 0.8 (Chelmsford), 0.881 (Harlow); then, by name, Braintree's no data and the
    // members with no plan.
    expect(order.slice(0, 3)).toEqual(["Brentwood", "Chelmsford", "Harlow"]);
    expect(order.slice(3)).toEqual([...order.slice(3)].sort((a, b) => a.localeCompare(b)));
    expect(order).toHaveLength(15);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("plan");
  });

  it("ranks Harlow in the council view as comparison does", async () => {
    await open("/council?gss=E07000073&peerGroup=greater-essex&asOf=2026-11-22");
    const { council } = await api<{
      council: {
        comparison: {
          overall: { rank: number | null; membersWithData: number };
          components: { theme: { code: string } | null; rank: number | null; membersWithData: number }[];
        };
      };
    }>(`{ council(gssCode: "E07000073") { comparison(peerGroup: "greater-essex", asOf: "2026-11-22") {
          overall { rank membersWithData } components { theme { code } rank membersWithData } } } }`);
    const rows = [{ ...council.comparison.overall, theme: { code: "plan" } }, ...council.comparison.components];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const shown = await page
        .locator(`#comparison-table tr[data-theme="${row.theme?.code ?? "none"}"] td.rank`)
        .innerText();
      expect(shown).toBe(row.rank === null ? "no data" : `${row.rank} of ${row.membersWithData}`);
    }
    // By hand (README): third of three on the whole plan, first of two on capacity for improvement.
    expect(await page.locator('#comparison-table tr[data-theme="plan"] td.rank').innerText()).toBe("3 of 3");
    expect(await page.locator('#comparison-table tr[data-theme="capacity"] td.rank').innerText()).toBe("1 of 2");
    expect(await page.locator("#timetable tbody tr").count()).toBe(1);
    expect(await page.locator(".badge.overdue").count()).toBe(52);
    await screenshot(page, "council");
  });

  it("lists the 60 overdue actions of 1 April 2025 in pages of 25, with the CSV link for the same filter", async () => {
    await open("/overdue?asOf=2025-04-01");
    expect(await page.locator("#overdue-count").innerText()).toBe("60 actions; page 1 of 3");
    expect(await page.locator("#overdue-table tbody tr").count()).toBe(25);
    const csv = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const response = await fetch(`${entry().base}${csv}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^council_gss,/);
    await screenshot(page, "overdue");
    const turn = async (button: string, to: string) => {
      await page.getByRole("button", { name: button }).click();
      await page.locator("#overdue-count", { hasText: to }).waitFor();
      await page.locator("[role=status].loading").waitFor({ state: "detached" });
    };
    const first = await page.locator("#overdue-table tbody tr").first().innerText();
    await turn("Next page", "page 2 of 3");
    expect(await page.locator("#overdue-table tbody tr").first().innerText()).not.toBe(first);
    await turn("Next page", "page 3 of 3");
    expect(await page.locator("#overdue-table tbody tr").count()).toBe(10);
    await turn("Previous page", "page 2 of 3");
    await turn("Previous page", "page 1 of 3");
    expect(await page.locator("#overdue-table tbody tr").first().innerText()).toBe(first);
  });

  it.each([
    ["the peer group view", "/?asOf=2026-11-22"],
    ["the council view", "/council?gss=E07000073&asOf=2026-11-22"],
    ["the overdue list", "/overdue?asOf=2025-04-01"],
    ["the draft review", "/drafts?asOf=2026-11-22"],
  ])("reaches every control of %s with Tab, and axe finds nothing serious", async (_view, path) => {
    await open(path);
    expect(await controlsTabSkips(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("runs a README query in the explorer, with nothing fetched from anywhere but the service", async () => {
    const explorer = await browser.context.newPage();
    // The editor runs a query once it has the schema: its introspection is the sign it is ready.
    const introspected = explorer.waitForResponse(
      (r) => r.request().postData()?.includes("IntrospectionQuery") ?? false,
    );
    await explorer.goto(`${entry().base}/graphql`);
    await explorer.locator(".graphiql-container").waitFor();
    await introspected;
    // The first tab is the README's first example: Brentwood's plan. A click before the editor has
    // settled is dropped, so it is repeated until the answer shows.
    const answer = explorer.locator(".result-window", { hasText: '"name": "Brentwood"' });
    for (let attempt = 0; attempt < 10 && !(await answer.isVisible()); attempt++) {
      await explorer.getByRole("button", { name: /Execute query/ }).click();
      await answer.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await answer.waitFor({ timeout: 1_000 });
    expect(await explorer.getByRole("tab").count()).toBeGreaterThan(5);
    await screenshot(explorer, "explorer");
    await explorer.close();
  });

  it("reviews a draft beside its source with an editor's key: corrects an action, publishes, discards another", async () => {
    // Camden, outside Greater Essex, so that what is published changes no figure the other tests read.
    const camden = "E09000007";
    const { createApiKey } = await api<{ createApiKey: { key: string } }>(
      `mutation { createApiKey(input: { role: EDITOR, name: "Camden performance team", councils: ["${camden}"] }) { key } }`,
      undefined,
      adminToken,
    );
    const editor = createApiKey.key;
    const importDraft = (text: string) =>
      api<{ importPlan: { draftId: string } }>(
        `mutation($input: ImportPlanInput!) { importPlan(input: $input) { draftId } }`,
        {
          input: {
            text,
            filename: "camden-plan.txt",
            council: camden,
            challenge: "2024-01-01",
            recordedOn: "2024-06-01",
          },
        },
        editor,
      );
    const first = (await importDraft(harlowPlan)).importPlan.draftId;
    const readDraft = (id: string) =>
      api<{
        node: {
          status: string;
          version: number;
          sourceText: string;
          recommendations: { actions: { lead: string | null }[] }[];
        };
      }>(
        `query($id: ID!) { node(id: $id) { ... on PlanDraft { status version sourceText recommendations { actions { lead } } } } }`,
        { id },
        editor,
      );
    const before = (await readDraft(first)).node;

    await open(`/drafts?gss=${camden}&asOf=2026-11-22`);
    expect(await page.getByText("No open draft can be shown without a key").count()).toBe(1);
    await page.getByLabel("Editor's key").fill(editor);
    await page.getByRole("button", { name: "Use key" }).click();
    await page.locator("h2", { hasText: "camden-plan.txt" }).waitFor();
    expect(await page.locator(".source-text [data-line]").count()).toBe(before.sourceText.split("\n").length);
    expect(await controlsTabSkips(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "draft-review");

    await page.getByRole("button", { name: "Edit action 1.1", exact: true }).click();
    await page.getByLabel("Lead", { exact: true }).fill("Chief Executive (checked)");
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.getByText("Saved the correction of action 1.1.").waitFor();
    const corrected = (await readDraft(first)).node;
    expect(corrected.recommendations[0]?.actions[0]?.lead).toBe("Chief Executive (checked)");
    expect(corrected.version).toBe(before.version + 1);

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published camden-plan.txt.").waitFor();
    expect((await readDraft(first)).node.status).toBe("PUBLISHED");
    const published = await api<{ actions: { nodes: { lead: string | null }[] } }>(
      `{ actions(filter: { councils: ["${camden}"], search: "(checked)" }) { nodes { lead } } }`,
    );
    expect(published.actions.nodes).toEqual([{ lead: "Chief Executive (checked)" }]);

    const second = (await importDraft(harlowUpdated())).importPlan.draftId;
    await page.reload();
    await page.locator("h2", { hasText: "camden-plan.txt" }).waitFor();
    await page.getByRole("button", { name: "Discard" }).click();
    await page.getByText("Discarded camden-plan.txt.").waitFor();
    expect((await readDraft(second)).node.status).toBe("DISCARDED");
  });

  it("asked for nothing outside the service on any page", () => {
    expect(browser.refused).toEqual([]);
  });
});
