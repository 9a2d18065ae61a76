import { describe, expect, it } from "vitest";
import { parseHeadingParagraphs } from "../../../../src/modules/import/parsers/headings.parser.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { doc, readSeedPlan } from "./seed-plans.js";

describe("heading-and-paragraph plans: Southend-on-Sea", () => {
  const plan = parsePlan(readSeedPlan("southend-on-sea"));

  it("reads ten commitments titled by their headings, with no actions", () => {
    expect(plan.layout).toBe("HEADING_PARAGRAPHS");
    expect(plan.title).toBe("Corporate Plan");
    expect(plan.recommendations).toHaveLength(10);
    expect(plan.recommendations.every((r) => r.kind === "COMMITMENT" && r.actions.length === 0)).toBe(true);
    expect(plan.recommendations.map((r) => r.line)).toEqual([3, 9, 13, 17, 23, 27, 31, 35, 39, 43]);
    expect(plan.recommendations[4]?.title).toBe("Tackling inequality");
  });

  it("joins a heading's paragraphs with line breaks", () => {
    const first = plan.recommendations[0];
    expect(first?.title).toBe("How the corporate plan will be delivered");
    expect(first?.text.split("\n")).toHaveLength(2);
  });

  it("leaves page furniture out of the last commitment", () => {
    expect(plan.recommendations[9]?.text).not.toContain("please email");
    expect(plan.unplaced.map((u) => u.line)).toEqual([49, 51, 53]);
  });
});

describe("heading-and-paragraph plans from another council", () => {
  it("reads a heading with its paragraph printed straight under it and skips headings with nothing under them", () => {
    const plan = parsePlan(
      doc(
        "Skip to main content",
        "Our improvement commitments",
        "",
        "Contents",
        "",
        "Listening to residents",
        "We will run an annual residents' survey and publish what we change as a result.",
        "",
        "Better decisions",
        "",
        "We will publish a forward plan of key decisions.",
        "Scrutiny will see major decisions before they are taken.",
        "",
        "Back to top",
      ),
    );
    expect(plan.layout).toBe("HEADING_PARAGRAPHS");
    expect(plan.title).toBe("Our improvement commitments");
    expect(plan.recommendations.map((r) => [r.reference, r.title, r.text, r.line])).toEqual([
      [
        "1",
        "Listening to residents",
        "We will run an annual residents' survey and publish what we change as a result.",
        6,
      ],
      [
        "2",
        "Better decisions",
        "We will publish a forward plan of key decisions. Scrutiny will see major decisions before they are taken.",
        9,
      ],
    ]);
    expect(plan.unplaced.map((u) => u.text)).toEqual(["Skip to main content", "Contents", "Back to top"]);
  });

  it("treats prose before the first heading as preamble", () => {
    const plan = parseHeadingParagraphs(
      doc(
        "Plan title",
        "",
        "An introduction that is not a commitment.",
        "",
        "Finance",
        "",
        "We will balance the budget.",
      ),
    );
    expect(plan.recommendations.map((r) => r.title)).toEqual(["Finance"]);
    expect(plan.unplaced).toEqual([{ line: 3, text: "An introduction that is not a commitment." }]);
  });
});
