import { describe, expect, it } from "vitest";
import { readPlanModel } from "../../../../src/modules/import/reader/plan.reader.js";
import { ModelWriter } from "./model-builders.js";

const cpcIntro =
  "Following the LGA Corporate Peer Challenge, this action plan sets out our response to the peer team's recommendations.";

describe("table columns the header does not name", () => {
  it("gives a column under an unknown header word its role from its cells: statuses, and the recommendation beside a named action column", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["Ref", "What the reviewers told us", "How we will respond", "Lead", "Deadline", "Grading"],
          [
            "1",
            "Develop a medium term financial strategy that closes the budget gap",
            "Agree the budget strategy at Cabinet",
            "Director of Finance",
            "March 2025",
            "Complete",
          ],
          ["", "", "Publish a savings programme for the coming year", "Director of Finance", "30/06/2025", "Delayed"],
          [
            "2",
            "Strengthen the scrutiny function and member training",
            "Commission scrutiny training for all members",
            "Monitoring Officer",
            "Q3 2025/26",
            "Not started",
          ],
        ])
        .model(),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.text, r.actions.length])).toEqual([
      ["1", "Develop a medium term financial strategy that closes the budget gap", 2],
      ["2", "Strengthen the scrutiny function and member training", 1],
    ]);
    expect(plan.recommendations.flatMap((r) => r.actions.map((a) => a.status?.status))).toEqual([
      "COMPLETE",
      "IN_PROGRESS",
      "NOT_STARTED",
    ]);
    // Found by what the column holds, not by its header: listed for a person to check.
    expect(plan.recommendations[0]!.actions[0]!.confidence.status).toBeLessThan(0.7);
  });

  it("reads a sheet with no header: references, recommendations, actions, leads, timescales and updates from their cells, title and note lines left out", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .table(
          [
            ["Northbridge Council: action plan in response to the LGA Corporate Peer Challenge", "", "", "", "", ""],
            [
              "Sarah Patel",
              "Work has started and a draft will go to Cabinet next month.",
              "R1",
              "Hold monthly meetings of the Leader and senior officers.",
              "Establish a risk management approach owned by senior managers.",
              "30/09/2025",
            ],
            [
              "Head of Democratic Services",
              "",
              "",
              "Review the effectiveness of the Audit and Governance Committee.",
              "",
              "Ongoing",
            ],
            [
              "Chief Executive",
              "Delayed by the budget process; revised timetable agreed.",
              "R2",
              "Consult on a new corporate strategy with partners.",
              "Put in place engagement with residents and community groups.",
              "TBC",
            ],
            ["Please note the dates above are indicative and may change as the work is scoped.", "", "", "", "", ""],
          ],
          false,
        )
        .model("CSV"),
    );
    expect(plan.recommendations.map((r) => [r.reference, r.text])).toEqual([
      ["1", "Establish a risk management approach owned by senior managers."],
      ["2", "Put in place engagement with residents and community groups."],
    ]);
    const actions = plan.recommendations.flatMap((r) => r.actions);
    expect(actions.map((a) => [a.text, a.lead, a.target.deadline, a.update])).toEqual([
      [
        "Hold monthly meetings of the Leader and senior officers.",
        "Sarah Patel",
        "2025-09-30",
        "Work has started and a draft will go to Cabinet next month.",
      ],
      ["Review the effectiveness of the Audit and Governance Committee.", "Head of Democratic Services", null, null],
      [
        "Consult on a new corporate strategy with partners.",
        "Chief Executive",
        null,
        "Delayed by the budget process; revised timetable agreed.",
      ],
    ]);
  });

  it("keeps a packed cell's values with their actions when the last actions have none", () => {
    const plan = readPlanModel(
      new ModelWriter()
        .paragraph(cpcIntro)
        .table([
          ["No.", "Recommendation", "Actions", "Owner", "Target date", "Status"],
          [
            "1",
            "Strengthen the scrutiny function and member training",
            "• Commission scrutiny training for all members\n• Publish a scrutiny work programme\n• Review the committee structure",
            "Monitoring Officer",
            "March 2025\nJune 2025",
            "Complete\n\nIn progress",
          ],
        ])
        .model(),
    );
    const actions = plan.recommendations[0]!.actions;
    expect(actions.map((a) => [a.lead, a.target.deadline, a.status?.status])).toEqual([
      ["Monitoring Officer", "2025-03-31", "COMPLETE"],
      ["Monitoring Officer", "2025-06-30", "UNKNOWN"],
      ["Monitoring Officer", null, "IN_PROGRESS"],
    ]);
  });
});
