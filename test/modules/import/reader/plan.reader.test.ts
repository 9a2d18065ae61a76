import { describe, expect, it } from "vitest";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";
import { readPlanModel } from "../../../../src/modules/import/reader/plan.reader.js";
import { ModelWriter } from "./model-builders.js";

const cpcIntro =
  "Following the LGA Corporate Peer Challenge, this action plan sets out our response to the peer team's recommendations.";

function noPlanReason(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof PlanParseError ? error.reason : String(error);
  }
}

describe("the plan reader over tables", () => {
  it("reads a table with merged recommendation cells: one recommendation, one action per row, each field under its column", () => {
    const model = new ModelWriter()
      .paragraph("Skip to main content")
      .heading("Corporate Peer Challenge action plan", 1)
      .paragraph(cpcIntro)
      .table([
        ["Ref", "Recommendation", "Actions", "Lead officer", "Due date", "RAG"],
        [
          ["1", 2],
          ["Develop a medium term financial strategy that closes the budget gap", 2],
          "Agree the budget strategy at Cabinet",
          "Director of Finance",
          "March 2025",
          "Green",
        ],
        ["Publish a savings programme for 2025/26", "Director of Finance", "30/06/2025", "Amber"],
        [
          "2",
          "Strengthen the scrutiny function and member training",
          "Commission scrutiny training for all members",
          "Monitoring Officer",
          "Q3 2025/26",
          "Complete",
        ],
      ])
      .model();
    const plan = readPlanModel(model);
    expect(plan.layout).toBe("TABLE");
    expect(plan.title).toBe("Corporate Peer Challenge action plan");
    expect(plan.recommendations.map((r) => [r.reference, r.actions.length])).toEqual([
      ["1", 2],
      ["2", 1],
    ]);
    const [first, second] = plan.recommendations[0]!.actions;
    expect(first).toMatchObject({ text: "Agree the budget strategy at Cabinet", lead: "Director of Finance" });
    expect(first!.target.deadline).toBe("2025-03-31");
    expect(first!.status).toMatchObject({ rag: "GREEN" });
    expect(second!.target.deadline).toBe("2025-06-30");
    // Q3 of the financial year 2025/26 is October–December 2025.
    expect(plan.recommendations[1]!.actions[0]!.target.deadline).toBe("2025-12-31");
    expect(plan.recommendations[1]!.actions[0]!.status?.status).toBe("COMPLETE");
    expect(first!.confidence.lead).toBeGreaterThanOrEqual(0.9);
    expect(first!.why).toContain('"Actions" column');
    expect(plan.lowConfidence).toEqual([]);
  });

  it("finds columns by keyword in any order, and carries a lead down a recommendation's blank cells", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          [
            "Target completion date",
            "Progress status",
            "What we will do",
            "Peer challenge recommendation",
            "Action owner",
          ],
          [
            "December 2025",
            "In progress",
            "Refresh the council's corporate plan with residents",
            "Set out a clear vision for the place",
            "Chief Executive",
          ],
          ["March 2026", "Not started", "Launch a residents' survey on the new priorities", "", ""],
        ])
        .model(),
    );
    expect(plan.recommendations).toHaveLength(1);
    const rec = plan.recommendations[0]!;
    expect(rec.text).toBe("Set out a clear vision for the place");
    expect(rec.actions.map((a) => [a.text, a.lead, a.target.deadline, a.status?.status])).toEqual([
      ["Refresh the council's corporate plan with residents", "Chief Executive", "2025-12-31", "IN_PROGRESS"],
      ["Launch a residents' survey on the new priorities", "Chief Executive", "2026-03-31", "NOT_STARTED"],
    ]);
    // Carried from the row above: surer than a guess, less sure than a printed value.
    expect(rec.actions[1]!.confidence.lead).toBeLessThan(rec.actions[0]!.confidence.lead);
  });

  it("splits several actions packed in one cell, each with its own line of the date cell", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["No.", "Recommendation", "Actions", "Lead", "Timescale"],
          [
            "1",
            "Improve the council's approach to performance management",
            "• Adopt a new performance framework\n• Report performance quarterly to Cabinet\n• Train managers in the new framework",
            "Head of Policy",
            "June 2025\nSeptember 2025\nDecember 2025",
          ],
        ])
        .model(),
    );
    const actions = plan.recommendations[0]!.actions;
    expect(actions.map((a) => [a.text, a.target.deadline, a.lead])).toEqual([
      ["Adopt a new performance framework", "2025-06-30", "Head of Policy"],
      ["Report performance quarterly to Cabinet", "2025-09-30", "Head of Policy"],
      ["Train managers in the new framework", "2025-12-31", "Head of Policy"],
    ]);
  });

  it("drops a packed action's own number after its bullet, and leaves an action the lead cell skips without one", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["No.", "Recommendation", "Actions", "Lead"],
          [
            "1",
            "Improve the council's approach to performance management",
            "• 1. Adopt a new performance framework\n• 2. Report performance quarterly to Cabinet\n• 3. Train managers",
            "Head of Policy\n\nHR",
          ],
        ])
        .model(),
    );
    expect(plan.recommendations[0]!.actions.map((a) => [a.text, a.lead])).toEqual([
      ["Adopt a new performance framework", "Head of Policy"],
      ["Report performance quarterly to Cabinet", null],
      ["Train managers", "HR"],
    ]);
  });

  it("reads a table continued over pages as one, without its repeated header becoming an action", () => {
    const header = ["Rec", "Recommendation", "Action", "Owner", "Deadline", "Status"];
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          header,
          [
            "1",
            "Review the council's governance arrangements",
            "Commission an external governance review",
            "Monitoring Officer",
            "April 2025",
            "Complete",
          ],
        ])
        .table([
          header,
          ["", "", "Implement the review's recommendations", "", "October 2025", "On track"],
          [
            "2",
            "Develop a workforce strategy for the organisation",
            "Adopt a workforce strategy",
            "Head of HR",
            "July 2025",
            "Not started",
          ],
        ])
        .model("PDF"),
    );
    expect(plan.recommendations.map((r) => r.actions.map((a) => a.text))).toEqual([
      ["Commission an external governance review", "Implement the review's recommendations"],
      ["Adopt a workforce strategy"],
    ]);
    expect(plan.recommendations[0]!.actions[1]!.lead).toBe("Monitoring Officer");
  });

  it("reads a table without a header from what its columns hold, and says so through confidence", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table(
          [
            [
              "1",
              "Develop a clear long term vision for the district with partners",
              "Director of Place",
              "March 2025",
              "Complete",
            ],
            [
              "2",
              "Strengthen the council's financial planning and reserves policy",
              "Section 151 Officer",
              "June 2025",
              "In progress",
            ],
            [
              "3",
              "Invest in the capacity of the organisation to deliver change",
              "Chief Executive",
              "December 2025",
              "Not started",
            ],
          ],
          false,
        )
        .model(),
    );
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["1", "2", "3"]);
    const action = plan.recommendations[1]!.actions[0]!;
    expect([action.lead, action.target.deadline, action.status?.status]).toEqual([
      "Section 151 Officer",
      "2025-06-30",
      "IN_PROGRESS",
    ]);
    expect(action.confidence.target).toBeLessThan(0.9);
  });

  it("reads a header-less table of one row per recommendation, its lead repeated on neighbouring rows, as leads", () => {
    const row = (rec: string, actions: string[], lead: string, dates: string) => [
      rec,
      actions.map((a) => `• ${a}`).join("\n"),
      lead,
      dates,
    ];
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table(
          [
            row(
              "Develop a clear long term vision for the district with partners",
              [
                "Hold a partnership summit with the county council",
                "Publish the vision for consultation with residents",
              ],
              "Andrew Bramidge",
              "June 2025\nJuly 2025",
            ),
            row(
              "Strengthen the council's financial planning and reserves policy",
              ["Agree a reserves policy at the next Cabinet", "Review fees and charges across all the services"],
              "Andrew Bramidge",
              "March 2025\nMay 2025",
            ),
            row(
              "Invest in the capacity of the organisation to deliver change",
              ["Recruit to the vacant senior management posts", "Launch a leadership programme for all managers"],
              "Simon Hill",
              "April 2025\nAugust 2025",
            ),
          ],
          false,
        )
        .model(),
    );
    expect(plan.recommendations.map((r) => r.actions.map((a) => [a.lead, a.target.deadline]))).toEqual([
      [
        ["Andrew Bramidge", "2025-06-30"],
        ["Andrew Bramidge", "2025-07-31"],
      ],
      [
        ["Andrew Bramidge", "2025-03-31"],
        ["Andrew Bramidge", "2025-05-31"],
      ],
      [
        ["Simon Hill", "2025-04-30"],
        ["Simon Hill", "2025-08-31"],
      ],
    ]);
  });

  it("reads a status given only as the colour of its cell", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["Ref", "Recommendation", "Action", "Lead", "Target date", "RAG"],
          [
            "1",
            "Review the council's governance and decision making",
            "Adopt a new constitution",
            "Monitoring Officer",
            "May 2025",
            { fill: "#00B050" },
          ],
          [
            "",
            "",
            "Train all members on the new constitution",
            "Monitoring Officer",
            "July 2025",
            { fill: "FFFFC000" },
          ],
          [
            "",
            "",
            "Review the scheme of delegation",
            "Monitoring Officer",
            "September 2025",
            { fill: "rgb(255, 0, 0)" },
          ],
          ["", "", "Publish the forward plan monthly", "Monitoring Officer", "October 2025", { fill: "#F2F2F2" }],
        ])
        .model(),
    );
    // Excel's standard green and amber, pure red, and a pale grey that is shading, not a status.
    expect(plan.recommendations[0]!.actions.map((a) => a.status?.rag ?? null)).toEqual(["GREEN", "AMBER", "RED", null]);
  });

  it("lists a target it cannot read as a low-confidence field with the reason", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["Ref", "Recommendation", "Action", "Lead", "Target date"],
          [
            "1",
            "Review the council's asset management strategy",
            "Complete the asset review",
            "Head of Property",
            "when funding allows",
          ],
        ])
        .model(),
    );
    expect(plan.lowConfidence).toEqual([
      expect.objectContaining({
        reference: "1",
        order: 1,
        field: "target",
        value: "when funding allows",
        reason: expect.stringContaining("not a date") as unknown,
      }),
    ]);
    expect(plan.warnings.map((w) => w.code)).toContain("import.unparsed_date");
    expect(plan.confidence.reasons.join(" ")).toContain("target");
  });
});

describe("the plan reader over sections", () => {
  it("reads numbered recommendations with actions as list items, cutting inline leads and dates out of the text", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .heading("Our response to the Corporate Peer Challenge", 1)
        .paragraph(cpcIntro)
        .heading("Recommendation 1: Financial sustainability")
        .paragraph("Develop a robust medium term financial strategy that addresses the budget gap.")
        .item("Agree a savings programme with Cabinet – Lead: Director of Resources – by March 2025")
        .item("Review fees and charges across all services (Lead: Head of Finance) (June 2025)")
        .heading("Recommendation 2: Organisational capacity")
        .paragraph("Build the capacity of the organisation to deliver the council's priorities.")
        .item("Recruit to the vacant senior management posts")
        .paragraph("Lead: Chief Executive")
        .paragraph("Target date: September 2025")
        .paragraph("Status: In progress")
        .model(),
    );
    expect(plan.layout).toBe("SECTIONS");
    expect(plan.recommendations.map((r) => [r.reference, r.title, r.text])).toEqual([
      [
        "1",
        "Financial sustainability",
        "Develop a robust medium term financial strategy that addresses the budget gap.",
      ],
      ["2", "Organisational capacity", "Build the capacity of the organisation to deliver the council's priorities."],
    ]);
    const [a, b] = plan.recommendations[0]!.actions;
    expect([a!.text, a!.lead, a!.target.deadline]).toEqual([
      "Agree a savings programme with Cabinet",
      "Director of Resources",
      "2025-03-31",
    ]);
    expect([b!.text, b!.lead, b!.target.deadline]).toEqual([
      "Review fees and charges across all services",
      "Head of Finance",
      "2025-06-30",
    ]);
    const c = plan.recommendations[1]!.actions[0]!;
    expect([c.text, c.lead, c.target.deadline, c.status?.status]).toEqual([
      "Recruit to the vacant senior management posts",
      "Chief Executive",
      "2025-09-30",
      "IN_PROGRESS",
    ]);
    expect(c.confidence.lead).toBeGreaterThanOrEqual(0.9);
  });

  it("takes no name, date or status standing alone on a line under a recommendation for an action", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .paragraph("R1: Build on the council's approach to overview and scrutiny.")
        .paragraph("Run a staff survey and share the results.")
        .paragraph("Helen Patel")
        .paragraph("21.01.2026")
        .paragraph("R2: Establish a risk management approach owned by senior managers.")
        .paragraph("Establish a shareholder committee for the council's companies.")
        .paragraph("Tom Whitfield")
        .paragraph("In progress")
        .model(),
    );
    expect(plan.layout).toBe("SECTIONS");
    expect(plan.recommendations.flatMap((r) => r.actions.map((a) => a.text))).toEqual([
      "Run a staff survey and share the results.",
      "Establish a shareholder committee for the council's companies.",
    ]);
  });

  it("reads actions numbered 1, 2, 3 again under each recommendation as actions, in a style of their own or the recommendations'", () => {
    const ownStyle = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .paragraph("R1 Build a medium term financial strategy that closes the budget gap.")
        .paragraph("1. Agree the savings programme with Cabinet.")
        .paragraph("Lead: Director of Resources")
        .paragraph("2. Review fees and charges across all services.")
        .paragraph("R2 Strengthen the scrutiny function and member training.")
        .paragraph("1. Commission scrutiny training for all members.")
        .model(),
    );
    expect(ownStyle.recommendations.map((r) => [r.reference, r.actions.map((a) => a.text)])).toEqual([
      ["1", ["Agree the savings programme with Cabinet.", "Review fees and charges across all services."]],
      ["2", ["Commission scrutiny training for all members."]],
    ]);
    expect(ownStyle.recommendations[0]!.actions[0]!.lead).toBe("Director of Resources");
    // One style for both: 1, 1, 2, 3, 2, 1 is recommendation 1 with three actions, then recommendation 2.
    const sameStyle = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .paragraph("1. Build a medium term financial strategy that closes the budget gap.")
        .paragraph("1. Agree the savings programme with Cabinet.")
        .paragraph("2. Review fees and charges across all services.")
        .paragraph("3. Publish the budget consultation results.")
        .paragraph("2. Strengthen the scrutiny function and member training.")
        .paragraph("1. Commission scrutiny training for all members.")
        .model(),
    );
    expect(sameStyle.recommendations.map((r) => [r.reference, r.actions.length])).toEqual([
      ["1", 3],
      ["2", 1],
    ]);
  });

  it("reads a short numbered line followed by a sentence as the recommendation's title and text", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .paragraph("Recommendation 1 Vision and priorities")
        .paragraph("Refresh member and officer relationships at every level.")
        .item("Develop a place narrative with partners; Owner: Monitoring Officer")
        .paragraph("Recommendation 2 Scrutiny")
        .paragraph("Refresh a performance management framework that Cabinet can use.")
        .item("Publish a communications plan for the vision | Owner: Leader of the Council")
        .model(),
    );
    expect(plan.recommendations.map((r) => [r.title, r.text, r.actions.map((a) => a.lead)])).toEqual([
      ["Vision and priorities", "Refresh member and officer relationships at every level.", ["Monitoring Officer"]],
      ["Scrutiny", "Refresh a performance management framework that Cabinet can use.", ["Leader of the Council"]],
    ]);
  });

  it("ends a colour key's section where a list of another kind begins, and knows the peer challenge team by any name", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .heading("Corporate Peer Challenge – Action Plan", 1)
        .heading("RAG key", 3)
        .item("Green – Complete", 0, "-")
        .item("Amber – In progress", 0, "-")
        .item("Refresh member and officer relationships at every level.", 0, "1.", true)
        .item("Develop a place narrative with partners – Lead: Monitoring Officer – by March 2025", 0, "-")
        .item("Refresh a performance management framework that Cabinet can use.", 0, "2.", true)
        .item("Publish a communications plan – Lead: Chief Executive – by June 2025", 0, "-")
        .heading("Members of the peer challenge team", 2)
        .item("Cllr Ravi Shah – Deputy Leader, Eastford City Council", 0, "-")
        .item("Mark Fennell – Chief Executive, Westmoor District Council", 0, "-")
        .model(),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.text, r.actions.map((a) => a.lead)])).toEqual([
      ["1", "Refresh member and officer relationships at every level.", ["Monitoring Officer"]],
      ["2", "Refresh a performance management framework that Cabinet can use.", ["Chief Executive"]],
    ]);
  });

  it("starts no recommendation at a date or a post that happens to stand before a list item", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .paragraph("Review the performance management framework that Cabinet can use.")
        .paragraph("a) Publish a communications plan for the vision.")
        .paragraph("Head of Communications")
        .paragraph("Quarter 2 2024/25")
        .paragraph("b) Hold a member induction programme after the elections.")
        .paragraph("Establish a hybrid working policy")
        .paragraph("a) Run a staff survey on attitudes to hybrid working.")
        .model(),
    );
    expect(plan.recommendations.map((r) => [r.text, r.actions.length])).toEqual([
      ["Review the performance management framework that Cabinet can use.", 2],
      ["Establish a hybrid working policy", 1],
    ]);
  });

  it("drops the peer team, the cookie banner and the colour key instead of reading them as recommendations", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph("This website uses cookies. Accept all cookies or manage your settings.")
        .heading("Peer challenge action plan", 1)
        .paragraph(cpcIntro)
        .heading("The peer team")
        .item("Councillor Jane Smith, Leader, Anytown Borough Council")
        .item("John Brown, Chief Executive, Othertown District Council")
        .heading("Key")
        .paragraph("Green - complete")
        .heading("1. Develop a shared vision for the borough with partners and residents")
        .item("Hold a partnership summit on the borough's future – Lead: Chief Executive – by May 2025")
        .heading("2. Improve how the council engages with its communities")
        .item("Adopt a community engagement strategy – Lead: Head of Communities – by September 2025")
        .model(),
    );
    expect(plan.recommendations.map((r) => r.text)).toEqual([
      "Develop a shared vision for the borough with partners and residents",
      "Improve how the council engages with its communities",
    ]);
  });
});

describe("documents with no plan in them", () => {
  it("refuses a news page with headings and lists as import.no_plan_found", () => {
    const model = new ModelWriter()
      .heading("Latest news", 1)
      .heading("New play area opens in the park")
      .paragraph("Children and families enjoyed the opening of the new play area on Saturday.")
      .item("Swings and slides for all ages")
      .item("Open from dawn until dusk")
      .heading("Bin collections over the holidays")
      .paragraph("Collections will move by one day during the bank holiday week.")
      .item("Check your collection day online")
      .model();
    expect(noPlanReason(() => readPlanModel(model))).toBe("import.no_plan_found");
  });

  it("refuses a README whose headings and bullets speak of actions and recommendations", () => {
    const model = new ModelWriter()
      .heading("cpc-graph", 1)
      .paragraph("A GraphQL service over councils' peer challenge recommendations and action plans.")
      .heading("Install")
      .item("Run `npm install` and then `npm start`")
      .item("Set `DATABASE_URL` to use PostgreSQL")
      .heading("Import a plan")
      .item("`npm run import -- plan.pdf --council E07000073`")
      .item("Use `--dry-run` to compare without writing")
      .heading("Tests")
      .item("`npm test` runs the suite on PGlite")
      .model("MARKDOWN");
    expect(noPlanReason(() => readPlanModel(model))).toBe("import.no_plan_found");
  });
});
