import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/*
 * Expected figures worked out by hand from seeds/plans/*.txt (see seeds/plans/REVIEW.md):
 * Harlow has 66 actions; 7 have the target "Ongoing", so 59 have a deadline; 7 are "Complete"
 * (all with May/June 2023 targets). As of 2026-11-22 every deadline has passed: 59 − 7 = 52
 * overdue. As of 2024-06-30, "June 2024" (2024-06-30, not before T) and "Budget 2024/25"
 * (2025-03-31) have not passed, so 57 − 7 = 50. Brentwood: 9 actions, all with deadlines, 2
 * complete: 7 overdue on 2026-11-22; on 2024-06-30 only "May 24" has passed and it is complete: 0.
 * Statuses hold from each plan's recordedOn (seeds/plans/manifest.json): Harlow 2023-06-30,
 * Brentwood 2024-06-30, Chelmsford 2025-05-02; before that an action's status is UNKNOWN.
 * Chelmsford: deadlines 2025-09-30, 2025-01-31 (complete), 2025-05-31, 2025-04-30, 2025-11-30:
 * 4 overdue on 2026-11-22, none on 2024-06-30. Braintree's and Southend's plans print no dates.
 */
const overdueCount = `query Overdue($councils: [String!], $asOf: LocalDate) {
  actions(filter: { councils: $councils, overdue: true }, asOf: $asOf, first: 100) { totalCount }
}`;

describe(`overdue actions as of a date (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const cases: [string, string, string, number][] = [
    ["Harlow", "E07000073", "2026-11-22", 52],
    ["Harlow", "E07000073", "2024-06-30", 50],
    ["Brentwood", "E07000068", "2026-11-22", 7],
    ["Brentwood", "E07000068", "2024-06-30", 0],
    ["Chelmsford", "E07000070", "2026-11-22", 4],
    ["Chelmsford", "E07000070", "2024-06-30", 0],
    ["Braintree", "E07000067", "2026-11-22", 0],
    ["Southend-on-Sea", "E06000033", "2026-11-22", 0],
  ];
  it.each(cases)("%s (%s) has the hand-counted number of overdue actions on %s", async (_name, gss, asOf, expected) => {
    const { data, errors } = await t.execute<{ actions: { totalCount: number } }>(overdueCount, {
      councils: [gss],
      asOf,
    });
    expect(errors).toBeUndefined();
    expect(data?.actions.totalCount).toBe(expected);
  });

  it("counts Harlow's 66 actions, 59 with a deadline and 7 complete", async () => {
    const { data } = await t.execute<{
      all: { totalCount: number };
      dated: { totalCount: number };
      done: { totalCount: number };
    }>(
      `{ all: actions(filter: { councils: ["E07000073"] }) { totalCount }
         dated: actions(filter: { councils: ["E07000073"], hasDeadline: true }) { totalCount }
         done: actions(filter: { councils: ["E07000073"], statuses: [COMPLETE] }, asOf: "2026-11-22") { totalCount } }`,
    );
    expect(data).toEqual({ all: { totalCount: 66 }, dated: { totalCount: 59 }, done: { totalCount: 7 } });
  });

  it("reports an action's status, deadline and days overdue as DOMAIN.md defines them", async () => {
    // Harlow recommendation 1, action 2: "August 2023", "Not started" on 2023-06-30.
    const { data } = await t.execute<{
      actions: {
        nodes: {
          text: string;
          target: unknown;
          status: string;
          statusText: string;
          isOverdue: boolean;
          daysOverdue: number | null;
          before: string;
        }[];
      };
    }>(
      `{ actions(filter: { councils: ["E07000073"], search: "WLT and Cabinet review resident survey" }, asOf: "2023-09-01") {
          nodes { text target { raw deadline precision milestones } status statusText isOverdue daysOverdue before: status(asOf: "2023-06-29") } } }`,
    );
    expect(data?.actions.nodes).toEqual([
      {
        text: "WLT and Cabinet review resident survey results and suggested themes produced.",
        target: { raw: "August 2023", deadline: "2023-08-31", precision: "MONTH", milestones: [] },
        status: "NOT_STARTED",
        statusText: "Not started",
        isOverdue: true,
        daysOverdue: 1,
        before: "UNKNOWN",
      },
    ]);
  });

  /** One Harlow action's flag and days on a day, through the resolver fields. */
  async function overdueOn(search: string, asOf: string) {
    const { data, errors } = await t.execute<{
      actions: { nodes: { status: string; isOverdue: boolean; daysOverdue: number | null }[] };
    }>(
      `query($search: String!, $asOf: LocalDate) { actions(filter: { councils: ["E07000073"], search: $search }, asOf: $asOf) {
          nodes { status isOverdue daysOverdue } } }`,
      { search, asOf },
    );
    expect(errors).toBeUndefined();
    expect(data?.actions.nodes).toHaveLength(1);
    return data?.actions.nodes[0];
  }

  // "WLT and Cabinet review resident survey results…": "August 2023" (2023-08-31), "Not started" from 2023-06-30.
  it("does not count an action as overdue before its deadline", async () => {
    expect(await overdueOn("WLT and Cabinet review resident survey", "2023-08-30")).toEqual({
      status: "NOT_STARTED",
      isOverdue: false,
      daysOverdue: null,
    });
  });

  it("does not count an action as overdue on the day of its deadline", async () => {
    expect(await overdueOn("WLT and Cabinet review resident survey", "2023-08-31")).toEqual({
      status: "NOT_STARTED",
      isOverdue: false,
      daysOverdue: null,
    });
  });

  it("does not count an action complete on the day as overdue, though its deadline has passed", async () => {
    // "Carry out staff survey.": "May 2023" (2023-05-31), "Complete" as recorded on 2023-06-30; the
    // day before, its status is unknown and the passed deadline makes it overdue by 29 days.
    expect(await overdueOn("Carry out staff survey", "2023-06-30")).toEqual({
      status: "COMPLETE",
      isOverdue: false,
      daysOverdue: null,
    });
    expect(await overdueOn("Carry out staff survey", "2023-06-29")).toEqual({
      status: "UNKNOWN",
      isOverdue: true,
      daysOverdue: 29,
    });
  });

  it("does not count an action with no deadline as overdue, however late the day", async () => {
    // "Enhance digital training for members where identified.": target "Ongoing", no status printed.
    expect(await overdueOn("Enhance digital training for members", "2030-01-01")).toEqual({
      status: "UNKNOWN",
      isOverdue: false,
      daysOverdue: null,
    });
  });

  it("never counts an action without a deadline as overdue", async () => {
    const { data } = await t.execute<{ actions: { totalCount: number } }>(
      `{ actions(filter: { hasDeadline: false, overdue: true }, asOf: "2030-01-01") { totalCount } }`,
    );
    expect(data?.actions.totalCount).toBe(0);
  });

  it("splits Brentwood's run-together roles into accountable and responsible", async () => {
    const { data } = await t.execute<{
      recommendations: { nodes: { reference: string; accountable: string; responsible: string }[] };
    }>(
      `{ recommendations(filter: { councils: ["E07000068"] }, first: 20) { nodes { reference accountable responsible } } }`,
    );
    const byRef = new Map(data?.recommendations.nodes.map((r) => [r.reference, r]));
    expect(data?.recommendations.nodes).toHaveLength(9);
    expect(byRef.get("2")).toMatchObject({
      accountable: "Chief Executive",
      responsible: "Director of Policy & Transformation",
    });
    expect(byRef.get("5")).toMatchObject({
      accountable: "Strategic Director & Deputy Chief Executive",
      responsible: "Director of Policy & Transformation",
    });
    expect(byRef.get("7")).toMatchObject({
      accountable: "Chief Executive",
      responsible: "Interim Director of Resources (s151)",
    });
  });

  it("splits every action into overdue or not, with nothing lost to missing deadlines or statuses", async () => {
    const { data } = await t.execute<{
      yes: { totalCount: number };
      no: { totalCount: number };
      all: { totalCount: number };
    }>(
      `{ yes: actions(filter: { peerGroup: "greater-essex", overdue: true }, asOf: "2025-04-01") { totalCount }
         no: actions(filter: { peerGroup: "greater-essex", overdue: false }, asOf: "2025-04-01") { totalCount }
         all: actions(filter: { peerGroup: "greater-essex" }) { totalCount } }`,
    );
    // On 2025-04-01: Harlow 52 (every deadline passed, 7 complete), Brentwood 7 (all passed, 2
    // complete), Chelmsford 1 (its January 2025 action: statuses only recorded from 2025-05-02).
    // All 115 seeded actions belong to Greater Essex councils.
    expect(data).toEqual({ yes: { totalCount: 60 }, no: { totalCount: 55 }, all: { totalCount: 115 } });
  });

  it("counts an ONGOING action whose deadline has passed as overdue", async () => {
    // Chelmsford "May 2025 and Ongoing" (2025-05-31), status ONGOING on 2025-05-02.
    const { data } = await t.execute<{
      actions: { nodes: { status: string; isOverdue: boolean; daysOverdue: number }[] };
    }>(
      `{ actions(filter: { councils: ["E07000070"], statuses: [ONGOING], hasDeadline: true, deadlineTo: "2025-05-31", deadlineFrom: "2025-05-31" }, asOf: "2025-06-30") {
          nodes { status isOverdue daysOverdue } } }`,
    );
    expect(data?.actions.nodes).toEqual([{ status: "ONGOING", isOverdue: true, daysOverdue: 30 }]);
  });
});
