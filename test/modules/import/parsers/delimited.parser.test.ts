import { describe, expect, it } from "vitest";
import { parseDelimitedTable } from "../../../../src/modules/import/parsers/delimited.parser.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { doc, readSeedPlan } from "./seed-plans.js";

describe("delimited tables: Harlow (tab-separated, continuation rows)", () => {
  const plan = parsePlan(readSeedPlan("harlow"));
  const actions = plan.recommendations.flatMap((recommendation) => recommendation.actions);

  it("reads thirteen recommendations with sixty-six actions between them", () => {
    expect(plan.layout).toBe("DELIMITED_TABLE");
    expect(plan.title).toBe("Key Recommendations – Corporate Peer Review 2023");
    expect(plan.recommendations.map((r) => r.reference)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
    ]);
    expect(plan.recommendations.map((r) => r.actions.length)).toEqual([10, 5, 5, 2, 6, 4, 5, 5, 6, 3, 3, 5, 7]);
    expect(actions).toHaveLength(66);
  });

  it("finds a deadline for fifty-nine actions and seven complete ones", () => {
    expect(actions.filter((a) => a.target.deadline !== null)).toHaveLength(59);
    expect(actions.filter((a) => a.status?.status === "COMPLETE")).toHaveLength(7);
  });

  it("keeps a continuation row after a blank line with the recommendation above, at its own line", () => {
    const second = plan.recommendations[1];
    expect(second?.actions.at(-1)).toMatchObject({
      order: 5,
      text: "Create wider Discover Harlow implementation plan with partners.",
      line: 21,
    });
  });

  it("carries the last printed lead down a recommendation's rows", () => {
    const eighth = plan.recommendations[7];
    expect(eighth?.actions.map((a) => a.lead)).toEqual(["Simon Freeman", "WLT", "WLT", "WLT", "WLT"]);
  });

  it("reads an empty status cell as UNKNOWN with empty text and leaves accountable and responsible null", () => {
    expect(plan.recommendations[0]?.actions[2]?.status).toEqual({ text: "", status: "UNKNOWN", rag: null });
    expect(
      plan.recommendations.every((r) => r.accountable === null && r.responsible === null && r.position === null),
    ).toBe(true);
    expect(plan.warnings).toEqual([]);
  });
});

describe("delimited tables: Chelmsford (one response per recommendation, HTML in cells)", () => {
  const plan = parsePlan(readSeedPlan("chelmsford"));

  it("reads each row as one recommendation with the planned response as its only action", () => {
    expect(plan.recommendations).toHaveLength(9);
    expect(plan.recommendations.every((r) => r.actions.length === 1)).toBe(true);
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  it("takes the short Action column as the theme label when Detail holds the recommendation", () => {
    const first = plan.recommendations[0];
    expect(first).toMatchObject({
      themeLabel: "Scrutiny Effectiveness",
      title: null,
      text: "Review and strengthen overview and Scrutiny.",
    });
    expect(first?.actions[0]?.lead).toBe("Director of Connected Chelmsford");
  });

  it("turns HTML inside a cell into lines with bullets", () => {
    expect(plan.recommendations[0]?.actions[0]?.text).toContain(
      "including:\n• Training and development of Chair and Vice Chair\n• Training for all committee members",
    );
  });

  it("skips repeated header rows, even one whose last column reads Timescale, with a warning each", () => {
    expect(plan.warnings.filter((w) => w.code === "import.repeated_header").map((w) => w.line)).toEqual([20, 25]);
    expect(plan.recommendations.map((r) => r.line)).toEqual([16, 17, 18, 21, 22, 23, 26, 27, 28]);
    expect(plan.recommendations[6]?.actions[0]?.status?.status).toBe("ONGOING");
  });

  it("reads target and status from the one Timescale and status cell", () => {
    const fourth = plan.recommendations[3]?.actions[0];
    expect(fourth?.target).toMatchObject({ raw: "Complete January 2025. Ongoing", deadline: "2025-01-31" });
    expect(fourth?.status).toMatchObject({ text: "Complete January 2025. Ongoing", status: "COMPLETE" });
  });
});

describe("delimited tables: layouts the five documents do not use", () => {
  it("reads a comma CSV with quoted cells that hold commas, doubled quotes and line breaks", () => {
    const plan = parsePlan(
      doc(
        "Example Borough Council peer challenge action plan",
        "",
        "Ref,Recommendation,Associated actions,Responsible Officer,Deadline,Status",
        'R1,"Refresh the council\'s vision, with partners","Hold two workshops with partners',
        'and publish the outcome",Head of Policy,March 2025,Complete',
        ',,"Publish the ""vision"" document",,Q3 2025/26,In progress',
        "R2,Strengthen scrutiny,Train committee chairs,Monitoring Officer,TBC,Not started",
      ),
    );
    expect(plan.layout).toBe("DELIMITED_TABLE");
    expect(plan.title).toBe("Example Borough Council peer challenge action plan");
    const [first, second] = plan.recommendations;
    expect(first).toMatchObject({ reference: "R1", text: "Refresh the council's vision, with partners", line: 4 });
    expect(first?.actions.map((a) => [a.text, a.lead, a.target.deadline, a.status?.status, a.line])).toEqual([
      ["Hold two workshops with partners and publish the outcome", "Head of Policy", "2025-03-31", "COMPLETE", 4],
      ['Publish the "vision" document', "Head of Policy", "2025-12-31", "IN_PROGRESS", 6],
    ]);
    expect(second).toMatchObject({ reference: "R2", line: 7 });
    expect(second?.actions[0]).toMatchObject({ lead: "Monitoring Officer", target: { raw: "TBC", deadline: null } });
    expect(plan.warnings).toEqual([]);
  });

  it("reads a Markdown table with Ref, Owner, Timeframe and RAG columns and an escaped pipe", () => {
    const plan = parsePlan(
      doc(
        "# Peer challenge action plan — Example Borough Council",
        "",
        "| Ref | Recommendation | Action | Owner | Timeframe | RAG |",
        "|-----|:---------------|--------|-------|-----------|-----|",
        "| R1 | Set a balanced medium-term budget | Agree a savings plan | Section 151 Officer | Q3 2025/26 | Green |",
        "|  |  | Report monthly to Cabinet |  | Ongoing | Amber |",
        "| R2 | Improve internal communications | Publish a strategy \\| toolkit | Head of Communications | 2024/25 | Red |",
      ),
    );
    expect(plan.title).toBe("Peer challenge action plan — Example Borough Council");
    expect(plan.recommendations.map((r) => [r.reference, r.text, r.actions.length])).toEqual([
      ["R1", "Set a balanced medium-term budget", 2],
      ["R2", "Improve internal communications", 1],
    ]);
    const first = plan.recommendations[0];
    expect(first?.actions[0]?.status).toMatchObject({ text: "Green", rag: "GREEN" });
    expect(first?.actions[1]).toMatchObject({
      lead: "Section 151 Officer",
      target: { precision: "ONGOING" },
      status: { rag: "AMBER" },
      line: 6,
    });
    expect(plan.recommendations[1]?.actions[0]).toMatchObject({
      text: "Publish a strategy | toolkit",
      target: { deadline: "2025-03-31" },
    });
    expect(plan.warnings).toEqual([]);
  });

  it("reads an HTML table, with list items as bullet lines and text outside the table unplaced", () => {
    const plan = parsePlan(
      doc(
        "<html><body>",
        "<h1>Example District Council – CPC action plan</h1>",
        "<table>",
        "<thead><tr><th>No.</th><th>Recommendation</th><th>Actions</th><th>Lead</th><th>Target date</th><th>Progress</th></tr></thead>",
        "<tbody>",
        "<tr><td>1</td><td>Develop a <b>new</b> corporate plan</td><td><ul><li>Consult residents</li><li>Draft the plan</li></ul></td><td>Chief Executive</td><td>Dec 2024</td><td>In progress</td></tr>",
        "<tr><td></td><td></td><td>Adopt the plan at Council</td><td></td><td>March 2025</td><td>Not started</td></tr>",
        "<tr>",
        "  <td>2</td><td>Review the constitution &amp; delegations</td><td>Commission a review</td><td>Monitoring Officer</td><td>TBC</td><td></td>",
        "</tr>",
        "</tbody></table>",
        "<p>Download this plan</p>",
        "</body></html>",
      ),
    );
    expect(plan.layout).toBe("DELIMITED_TABLE");
    expect(plan.title).toBe("Example District Council – CPC action plan");
    const [first, second] = plan.recommendations;
    expect(first).toMatchObject({ reference: "1", text: "Develop a new corporate plan", line: 6 });
    expect(first?.actions.map((a) => [a.text, a.lead, a.line])).toEqual([
      ["• Consult residents\n• Draft the plan", "Chief Executive", 6],
      ["Adopt the plan at Council", "Chief Executive", 7],
    ]);
    expect(second).toMatchObject({ reference: "2", text: "Review the constitution & delegations", line: 8 });
    expect(second?.actions[0]?.status).toEqual({ text: "", status: "UNKNOWN", rag: null });
    expect(plan.unplaced).toEqual([{ line: 12, text: "Download this plan" }]);
  });

  it("reads a pipe table without outer pipes, with an Update column", () => {
    const plan = parsePlan(
      doc(
        "Reference | Recommendation | Planned actions | Owner | Due | Progress | Comments",
        "3.1 | Embed the new performance framework | Quarterly reports to Cabinet | Head of Performance | June 2025 | On track | First report went to Cabinet in May",
        "3.2 | Publish performance data | Open data page | Head of Digital | Sept 2025 | Not started | ",
      ),
    );
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["3.1", "3.2"]);
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      update: "First report went to Cabinet in May",
      status: { status: "IN_PROGRESS" },
    });
    expect(plan.recommendations[1]?.actions[0]?.update).toBeNull();
  });

  it("numbers recommendations by order and carries a theme printed once over several rows", () => {
    const plan = parsePlan(
      doc(
        "Theme\tDetail\tLead\tPlanned response\tTimescale and status",
        "Finance\tClose the budget gap\tDirector of Finance\tAgree a savings programme\tMarch 2026 - in progress",
        "\tReview the capital programme\tDirector of Finance\tCommission an external review\tComplete",
        "Place\tRefresh the local plan\tHead of Planning\tConsult on the draft plan\tQ4 2025/26",
      ),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.themeLabel, r.text, r.actions[0]?.text])).toEqual([
      ["1", "Finance", "Close the budget gap", "Agree a savings programme"],
      ["2", "Finance", "Review the capital programme", "Commission an external review"],
      ["3", "Place", "Refresh the local plan", "Consult on the draft plan"],
    ]);
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      target: { deadline: "2026-03-31" },
      status: { status: "IN_PROGRESS" },
    });
  });

  it("gives a table with Accountable and Responsible columns but no action column one action holding the position", () => {
    const plan = parsePlan(
      doc(
        "Ref\tRecommendation\tPosition\tAccountable\tResponsible\tTimescale\tStatus",
        "1\tAgree a vision\tWe have drafted the vision\tLeader of the Council\tChief Executive\tOct 24\tIn progress",
        "\t\tWe will consult on it\t\t\t\t",
      ),
    );
    const [only] = plan.recommendations;
    expect(only).toMatchObject({
      position: "We have drafted the vision\nWe will consult on it",
      accountable: "Leader of the Council",
      responsible: "Chief Executive",
    });
    expect(only?.actions).toHaveLength(1);
    expect(only?.actions[0]).toMatchObject({
      text: "We have drafted the vision\nWe will consult on it",
      lead: "Chief Executive",
      status: { status: "IN_PROGRESS" },
    });
  });

  it("does not carry a lead from one recommendation into the next", () => {
    const plan = parsePlan(
      doc(
        "No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)",
        "1\tFirst\tDo one thing\tHead of Policy\tJune 2024\tComplete",
        "2\tSecond\tDo another thing\t\tJuly 2024\t",
      ),
    );
    expect(plan.recommendations.map((r) => r.actions[0]?.lead)).toEqual(["Head of Policy", null]);
  });
});

describe("delimited tables: problems in single rows", () => {
  it("warns about a row with fewer or more cells than the header, naming its line, and still places it", () => {
    const plan = parsePlan(
      doc(
        "No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)",
        "1\tAgree a vision\tHold a workshop\tChief Executive\tJune 2024\tComplete",
        "\t\tShare the vision",
        "2\tFix the budget\tAgree savings\tS151 Officer\tMarch 2025\tIn progress\tstray\ttext",
      ),
    );
    const shapes = plan.warnings.filter((w) => w.code === "import.row_shape");
    expect(shapes.map((w) => w.line)).toEqual([3, 4]);
    expect(shapes[0]?.message).toContain("Line 3");
    expect(plan.recommendations[0]?.actions[1]).toMatchObject({
      text: "Share the vision",
      lead: "Chief Executive",
      target: { raw: null },
      line: 3,
    });
    expect(plan.recommendations[1]?.actions[0]?.status?.text).toBe("In progress stray text");
  });

  it("ignores trailing empty cells beyond the header without a warning", () => {
    const plan = parsePlan(
      doc("Ref,Recommendation,Action,Owner", "1,Agree a vision,Hold a workshop,Chief Executive,,", ""),
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.recommendations[0]?.actions[0]?.lead).toBe("Chief Executive");
  });

  it("warns about a target it cannot read and a status it does not know, keeping both as printed", () => {
    const plan = parsePlan(
      doc(
        "Ref\tRecommendation\tAction\tLead\tDeadline\tStatus",
        "1\tAgree a vision\tHold a workshop\tChief Executive\tWhen resources allow\tPurple",
      ),
    );
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([
      ["import.unparsed_date", 2],
      ["import.unknown_status", 2],
    ]);
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      target: { raw: "When resources allow", precision: "UNKNOWN" },
      status: { text: "Purple", status: "UNKNOWN" },
    });
  });

  it("uses the columns of a header printed again with different columns", () => {
    const plan = parsePlan(
      doc(
        "Ref\tRecommendation\tAction\tLead",
        "1\tAgree a vision\tHold a workshop\tChief Executive",
        "",
        "Ref\tRecommendation\tAction\tStatus",
        "2\tFix the budget\tAgree savings\tComplete",
      ),
    );
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.repeated_header", 4]]);
    expect(plan.recommendations[1]?.actions[0]).toMatchObject({ lead: null, status: { status: "COMPLETE" } });
  });

  it("sends lines without cells inside a tab table to unplaced with a warning, and trailing ones without", () => {
    const plan = parseDelimitedTable(
      doc(
        "Ref\tRecommendation\tAction\tLead",
        "1\tAgree a vision\tHold a workshop\tChief Executive",
        "a stray note",
        "2\tFix the budget\tAgree savings\tS151 Officer",
        "",
        "Peer review documents",
      ),
    );
    expect(plan.unplaced).toEqual([
      { line: 3, text: "a stray note" },
      { line: 6, text: "Peer review documents" },
    ]);
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unplaced_line", 3]]);
  });
});

describe("delimited tables: references", () => {
  const header = "Ref\tRecommendation\tAction\tLead";
  const references = (text: string): string[] => parseDelimitedTable(text).recommendations.map((r) => r.reference);
  const duplicateWarnings = (text: string): [number, string][] =>
    parseDelimitedTable(text)
      .warnings.filter((w) => w.code === "import.duplicate_reference")
      .map((w) => [w.line, w.message]);

  it("keeps a repeated printed reference as a new recommendation under a unique reference, with a warning naming its line", () => {
    const text = doc(
      header,
      "1\tAgree a vision\tHold a workshop\tChief Executive",
      "2\tFix the budget\tAgree savings\tS151 Officer",
      "1\tRefresh the plan\tConsult staff\tHead of HR",
      "3\tA third\tDo it\tHead of HR",
      "1\tA fourth\tDo it\tHead of HR",
    );
    expect(references(text)).toEqual(["1", "2", "1 (2)", "3", "1 (3)"]);
    expect(duplicateWarnings(text)).toEqual([
      [4, 'Line 4: reference "1" is already used by the recommendation at line 2; this recommendation is "1 (2)".'],
      [6, 'Line 6: reference "1" is already used by the recommendation at line 2; this recommendation is "1 (3)".'],
    ]);
  });

  it("does not give a repeat a reference the document prints itself", () => {
    expect(
      references(doc(header, "1\tFirst\tA\tX", "2\tSecond\tB\tY", "1\tThird\tC\tZ", "1 (2)\tFourth\tD\tW")),
    ).toEqual(["1", "2", "1 (3)", "1 (2)"]);
  });

  it("keeps a printed reference for its recommendation and moves the order number of an unnumbered one out of its way", () => {
    const text = doc(
      header,
      "\tAgree a vision\tHold a workshop\tChief Executive",
      "1\tFix the budget\tAgree savings\tS151 Officer",
    );
    const plan = parseDelimitedTable(text);
    // The printed "1" is a recommendation of its own, not a further action of the unnumbered one.
    expect(plan.recommendations.map((r) => [r.reference, r.text, r.actions.length])).toEqual([
      ["1 (2)", "Agree a vision", 1],
      ["1", "Fix the budget", 1],
    ]);
    expect(duplicateWarnings(text)).toEqual([
      [
        2,
        'Line 2: this recommendation prints no reference and its order "1" is printed by the recommendation at line 3; it is "1 (2)".',
      ],
    ]);
  });

  it("still reads a row repeating the current reference as a further action, without a warning", () => {
    const text = doc(header, "1\tAgree a vision\tHold a workshop\tChief Executive", "1\t\tPublish the vision\t");
    expect(parseDelimitedTable(text).recommendations.map((r) => [r.reference, r.actions.length])).toEqual([["1", 2]]);
    expect(duplicateWarnings(text)).toEqual([]);
  });
});

describe("delimited tables: pathological cells", () => {
  const header = "Ref\tRecommendation\tAction\tLead\tDeadline\tStatus";

  it("warns about a 200 KB target cell and a 200 KB status cell by line, keeping them unread", () => {
    const target = "from Oct 24 ".repeat(17_000);
    const status = "to done ".repeat(25_000);
    const plan = parsePlan(
      doc(
        header,
        "1\tAgree a vision\tHold a workshop\tChief Executive\tJune 2024\tComplete",
        `2\tFix the budget\tAgree savings\tS151 Officer\t${target}\t${status}`,
      ),
    );
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([
      ["import.unparsed_date", 3],
      ["import.unknown_status", 3],
    ]);
    // The message quotes the start of the cell, not all of it.
    expect(plan.warnings.every((w) => w.message.length < 400)).toBe(true);
    expect(plan.recommendations[1]?.actions[0]).toMatchObject({
      target: { deadline: null, precision: "UNKNOWN" },
      status: { status: "UNKNOWN" },
    });
  });

  it("warns about a 200 KB combined timescale-and-status cell", () => {
    const plan = parsePlan(
      doc(
        "Theme\tDetail\tLead\tPlanned response\tTimescale and status",
        `Finance\tClose the gap\tDirector of Finance\tAgree savings\t${"Complete Oct 24 ".repeat(13_000)}`,
      ),
    );
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unparsed_date", 2]]);
    expect(plan.recommendations[0]?.actions[0]?.status?.status).toBe("UNKNOWN");
  });

  it("reads an HTML table whose 200 KB status cell is unclosed comments, and warns about it", () => {
    const plan = parsePlan(
      doc(
        "<table><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Status</th></tr>",
        `<tr><td>1</td><td>Agree a vision</td><td>Hold a workshop</td><td>&amp;${"<!--".repeat(50_000)}</td></tr>`,
        "</table>",
      ),
    );
    expect(plan.recommendations.map((r) => r.text)).toEqual(["Agree a vision"]);
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unknown_status", 2]]);
  });

  it.each(["<table ", "<tr ", "<td ", "<th "])(
    "refuses 200 KB of %j with no closing '>' as a document with no known layout",
    (opening) => {
      expect(() => parsePlan(`<table>${opening.repeat(Math.ceil(200_000 / opening.length))}`)).toThrow(
        expect.objectContaining({ reason: "import.unknown_layout" }),
      );
    },
  );

  it("reads the rows of an HTML table followed by 200 KB of unclosed row and cell tags", () => {
    const plan = parsePlan(
      doc(
        "<table><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Status</th></tr>",
        "<tr><td>1</td><td>Agree a vision</td><td>Hold a workshop</td><td>Complete</td></tr>",
        `<tr><td>2</td><td>Fix the budget</td><td>Agree savings</td><td>In progress</td></tr>${"<tr <td ".repeat(25_000)}`,
      ),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.actions[0]?.status?.status])).toEqual([
      ["1", "COMPLETE"],
      ["2", "IN_PROGRESS"],
    ]);
  });

  it("returns on a 200 KB header-like cell of colons", () => {
    const plan = parsePlan(
      doc(
        `${":".repeat(200_000)}x\tRef\tRecommendation`,
        header,
        "1\tAgree a vision\tHold a workshop\tChief Executive\tJune 2024\tComplete",
      ),
    );
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["1"]);
  });
});

describe("delimited tables: quoted cells over several lines", () => {
  it("finds a header whose cells break over lines, as Excel writes Alt+Enter", () => {
    const plan = parsePlan(doc('Ref,Recommendation,"Target', 'date",Status', "1,Agree a vision,March 2025,Complete"));
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      target: { deadline: "2025-03-31" },
      status: { status: "COMPLETE" },
    });
  });

  it("reads a quoted cell over many lines, and takes one that closes over 200 lines later literally", () => {
    const header = "Ref,Recommendation,Action,Status";
    const long = parsePlan(
      doc(header, '1,Agree a vision,"Hold', ...Array.from({ length: 150 }, () => "a workshop"), 'and report",Complete'),
    );
    // Line breaks inside a plain-text cell are folded to spaces, like any other whitespace.
    expect(long.recommendations[0]?.actions[0]?.text).toBe(
      ["Hold", ...Array.from({ length: 150 }, () => "a workshop"), "and report"].join(" "),
    );
    expect(long.recommendations[0]?.actions[0]?.status?.status).toBe("COMPLETE");

    const runaway = parseDelimitedTable(
      doc(
        header,
        '1,Agree a vision,"Hold a workshop,Complete',
        ...Array.from({ length: 201 }, () => "x"),
        'end",Complete',
      ),
    );
    expect(runaway.recommendations[0]?.actions[0]).toMatchObject({
      text: '"Hold a workshop',
      status: { text: "Complete" },
    });
  });

  it("returns on 200 KB of rows that each open a quote and never close it, reading them literally", () => {
    const plan = parsePlan(
      doc(
        "Ref,Recommendation,Action,Status",
        ...Array.from({ length: 8_000 }, (_, i) => `${i + 1},Agree,"Hold,Complete`),
      ),
    );
    expect(plan.recommendations).toHaveLength(8_000);
    expect(plan.recommendations.at(-1)?.actions[0]).toMatchObject({ text: '"Hold', status: { status: "COMPLETE" } });
  });
});
