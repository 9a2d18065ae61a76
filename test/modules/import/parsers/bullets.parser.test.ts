import { describe, expect, it } from "vitest";
import { parseParagraphBullets } from "../../../../src/modules/import/parsers/bullets.parser.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { doc, readSeedPlan } from "./seed-plans.js";

describe("paragraph-and-bullet plans: Braintree", () => {
  const plan = parsePlan(readSeedPlan("braintree"));

  it("reads seven recommendations with their bullets as actions", () => {
    expect(plan.layout).toBe("PARAGRAPH_BULLETS");
    expect(plan.title).toBe("Annual Plan for 2024/25");
    expect(plan.recommendations.map((r) => r.actions.length)).toEqual([2, 7, 3, 3, 6, 7, 3]);
    expect(plan.recommendations.map((r) => r.reference)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  it("invents no owners, dates or statuses", () => {
    const actions = plan.recommendations.flatMap((r) => r.actions);
    expect(
      actions.every(
        (a) =>
          a.lead === null &&
          a.status === null &&
          a.update === null &&
          a.target.raw === null &&
          a.target.precision === "UNKNOWN",
      ),
    ).toBe(true);
    expect(plan.recommendations[0]?.actions[0]).toMatchObject({
      text: "Successful campaign delivered to promote the priorities of the Corporate Strategy 2024-2028 and actions being taken to deliver them.",
      line: 14,
    });
  });

  it("leaves paragraphs with no bullets after them, and page furniture, unplaced", () => {
    expect(plan.unplaced.map((u) => u.line)).toEqual([3, 5, 8, 76]);
    expect(plan.warnings).toEqual([]);
  });
});

describe("paragraph-and-bullet plans from another council", () => {
  it('reads "-" and "*" bullets, a paragraph wrapped over two lines and a wrapped bullet', () => {
    const plan = parsePlan(
      doc(
        "Westshire Council: responding to our peer challenge",
        "",
        "The peer team made four recommendations. Our response to each is below.",
        "",
        "Develop a clear vision for the district that",
        "members and officers share.",
        "- Run member workshops on the vision",
        "- Publish the vision and a delivery plan,",
        "  with annual milestones",
        "",
        "Strengthen the council's financial resilience.",
        "",
        "* Refresh the medium-term financial strategy",
        "* Build reserves back to the agreed minimum",
        "",
        "1. Numbered lines are not bullets.",
      ),
    );
    expect(plan.layout).toBe("PARAGRAPH_BULLETS");
    expect(plan.title).toBe("Westshire Council: responding to our peer challenge");
    expect(plan.recommendations.map((r) => [r.reference, r.text, r.line, r.actions.map((a) => a.text)])).toEqual([
      [
        "1",
        "Develop a clear vision for the district that members and officers share.",
        5,
        ["Run member workshops on the vision", "Publish the vision and a delivery plan, with annual milestones"],
      ],
      [
        "2",
        "Strengthen the council's financial resilience.",
        11,
        ["Refresh the medium-term financial strategy", "Build reserves back to the agreed minimum"],
      ],
    ]);
    expect(plan.unplaced.map((u) => u.line)).toEqual([3, 16]);
  });

  it("warns about bullets that have no paragraph before them", () => {
    const plan = parseParagraphBullets(doc("• A bullet before any paragraph", "", "A paragraph.", "• Its bullet"));
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unplaced_line", 1]]);
    expect(plan.recommendations).toHaveLength(1);
  });
});
