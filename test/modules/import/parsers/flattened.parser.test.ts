import { describe, expect, it } from "vitest";
import { maxTrailerChars, parseFlattenedTable } from "../../../../src/modules/import/parsers/flattened.parser.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { doc, readSeedPlan } from "./seed-plans.js";

describe("flattened tables: Brentwood", () => {
  const plan = parsePlan(readSeedPlan("brentwood"));

  it("reads nine recommendations, each with exactly one action", () => {
    expect(plan.layout).toBe("FLATTENED_TABLE");
    expect(plan.title).toBe("Corporate Peer Review");
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(plan.recommendations.every((r) => r.actions.length === 1)).toBe(true);
    expect(
      plan.recommendations.filter((r) => r.actions[0]?.status?.status === "COMPLETE").map((r) => r.reference),
    ).toEqual(["3", "7"]);
  });

  it("splits the first line at the council's own voice, not at an en dash inside the recommendation", () => {
    const fifth = plan.recommendations[4];
    expect(fifth?.text).toBe(
      "Make a political decision on the future of the one team arrangements with Rochford District Council – options paper for future",
    );
    expect(fifth?.position).toBe(
      "We have engaged the East of England Local Government Association to conduct a review\nWe will present a report back to members at Committee following this review",
    );
  });

  it("reads people, timescale and status from the end of the run-together last line", () => {
    expect(
      plan.recommendations.map((r) => [
        r.accountable,
        r.responsible,
        r.actions[0]?.target.raw,
        r.actions[0]?.status?.text,
      ]),
    ).toEqual([
      ["Leader of the Council", "Chief Executive", "Oct 24", "In progress"],
      ["Chief Executive", "Director of Policy & Transformation", "Dec 24", "In progress"],
      ["Chief Executive", "Director of Policy & Transformation", "May 24", "Complete"],
      ["Leader of the Council", "Chief Executive", "Sep 24", "In progress"],
      ["Strategic Director & Deputy Chief Executive", "Director of Policy & Transformation", "Jan 25", "In progress"],
      ["Strategic Director & Deputy Chief Executive", "Director of Policy & Transformation", "Nov 24", "In progress"],
      ["Chief Executive", "Interim Director of Resources (s151)", "Jun 24", "Complete"],
      ["Strategic Director & Deputy Chief Executive", "Director of Policy & Transformation", "Nov 24", "In progress"],
      ["Chief Executive", "Strategic Director", "Oct 24", "In progress"],
    ]);
  });

  it("makes the position the action's text and the responsible role its lead", () => {
    const first = plan.recommendations[0];
    expect(first?.actions[0]).toMatchObject({ text: first?.position, lead: "Chief Executive", line: 16 });
  });

  it("leaves page text before the header and after the last record unplaced, without warnings", () => {
    expect(plan.unplaced.map((u) => u.line)).toEqual([1, 5, 7, 9, 11, 13, 44]);
    expect(plan.warnings).toEqual([]);
  });
});

describe("flattened tables from another council", () => {
  const text = doc(
    "Northtown District Council",
    "Peer challenge: our response",
    "",
    "No. Recommendation Action Lead Officer Target date Status",
    "R1 Agree a medium-term financial strategy - Our draft strategy goes to Cabinet in June",
    "- Savings options are being worked up with each service",
    "Section 151 Officer Q2 2025/26 Not started",
    "R2 Refresh the workforce strategy - We will consult staff on a new strategy",
    "Head of HR March 2026 On track",
    "",
    "Contact us",
  );

  it("reads other roles, a financial-year quarter and the action column in place of a position", () => {
    const plan = parsePlan(text);
    expect(plan.layout).toBe("FLATTENED_TABLE");
    expect(plan.title).toBe("Peer challenge: our response");
    const [first, second] = plan.recommendations;
    expect(first).toMatchObject({
      reference: "R1",
      text: "Agree a medium-term financial strategy",
      position: null,
      accountable: null,
      responsible: null,
    });
    expect(first?.actions[0]).toMatchObject({
      text: "Our draft strategy goes to Cabinet in June\nSavings options are being worked up with each service",
      lead: "Section 151 Officer",
      target: { raw: "Q2 2025/26", deadline: "2025-09-30" },
      status: { status: "NOT_STARTED" },
    });
    expect(second?.actions[0]).toMatchObject({
      lead: "Head of HR",
      target: { deadline: "2026-03-31" },
      status: { status: "IN_PROGRESS" },
      line: 8,
    });
    expect(plan.unplaced.map((u) => u.text)).toEqual(["Northtown District Council", "Contact us"]);
  });

  it("gives one person both roles when only one is printed under Accountable and Responsible", () => {
    const plan = parseFlattenedTable(
      doc(
        "Ref Recommendation Position Accountable Responsible Timescale Status",
        "1 Publish a plan - We have drafted it",
        "Chief Executive Dec 24 Complete",
      ),
    );
    expect(plan.recommendations[0]).toMatchObject({ accountable: "Chief Executive", responsible: "Chief Executive" });
  });

  it("warns when a record never reaches its people, timescale and status line", () => {
    const plan = parseFlattenedTable(
      doc(
        "Ref Recommendation Position Accountable Responsible Timescale Status",
        "1 Publish a plan - We have drafted it",
        "2 Consult residents - We will run a survey",
        "Leader Chief Executive Oct 24 In progress",
      ),
    );
    expect(plan.recommendations).toHaveLength(2);
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.row_shape", 2]]);
    expect(plan.recommendations[0]?.actions[0]?.status).toEqual({ text: "", status: "UNKNOWN", rag: null });
  });
});

describe("flattened tables: text around the table", () => {
  it("warns only about unplaced lines that look like records", () => {
    const plan = parseFlattenedTable(
      doc(
        "Our action plan",
        "1 stray numbered line above the table",
        "Ref Recommendation Position Accountable Responsible Timescale Status",
        "1 Publish a plan - We have drafted it",
        "Chief Executive Dec 24 Complete",
        "",
        "Related documents",
      ),
    );
    expect(plan.unplaced.map((u) => u.line)).toEqual([2, 7]);
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unplaced_line", 2]]);
  });
});

describe("flattened tables: references", () => {
  it("keeps a repeated record number as a new recommendation under a unique reference, with a warning naming its line", () => {
    const plan = parseFlattenedTable(
      doc(
        "Ref Recommendation Position Accountable Responsible Timescale Status",
        "1 Publish a plan - We have drafted it",
        "Chief Executive Dec 24 Complete",
        "2 Consult residents - We will run a survey",
        "Leader Chief Executive Oct 24 In progress",
        "1 Review the plan - We will review it yearly",
        "Chief Executive Dec 25 Not started",
      ),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.text])).toEqual([
      ["1", "Publish a plan"],
      ["2", "Consult residents"],
      ["1 (2)", "Review the plan"],
    ]);
    expect(plan.warnings).toEqual([
      {
        line: 6,
        code: "import.duplicate_reference",
        message:
          'Line 6: reference "1" is already used by the recommendation at line 2; this recommendation is "1 (2)".',
      },
    ]);
  });
});

describe("flattened tables: over-long closing lines", () => {
  const header = "Ref Recommendation Position Accountable Responsible Timescale Status";

  it("does not split a closing line over the length limit, warns about it and keeps it unplaced", () => {
    const closing = `Chief Executive Director of ${"Policy and Transformation ".repeat(20)}Dec 24 Complete`;
    expect(closing.length).toBeGreaterThan(maxTrailerChars);
    const plan = parseFlattenedTable(doc(header, "1 Publish a plan - We have drafted it", closing));
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.row_shape", 3]]);
    expect(plan.unplaced).toEqual([{ line: 3, text: closing }]);
    expect(plan.recommendations[0]).toMatchObject({
      accountable: null,
      responsible: null,
      position: "We have drafted it",
    });
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      target: { raw: null },
      status: { text: "", status: "UNKNOWN" },
    });
  });

  it("returns on a 200 KB closing line of role modifiers, with the same warning", () => {
    const closing = `Chief Executive Director of ${"Acting ".repeat(30_000)}Dec 24 Complete`;
    const plan = parsePlan(
      doc(
        header,
        "1 Publish a plan - We have drafted it",
        closing,
        "2 Consult residents - We will run a survey",
        "Leader Chief Executive Oct 24 In progress",
      ),
    );
    expect(plan.layout).toBe("FLATTENED_TABLE");
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.row_shape", 3]]);
    expect(plan.recommendations[1]).toMatchObject({ accountable: "Leader", responsible: "Chief Executive" });
  });
});
