import { describe, expect, it } from "vitest";
import type { LayoutFamily } from "../../../../src/modules/import/import.plan.js";
import { detectLayout, scoreLayouts } from "../../../../src/modules/import/parsers/layout.detector.js";
import { type SeedPlanName, doc, readSeedPlan } from "./seed-plans.js";

const realDocuments: [SeedPlanName, LayoutFamily][] = [
  ["harlow", "DELIMITED_TABLE"],
  ["chelmsford", "DELIMITED_TABLE"],
  ["brentwood", "FLATTENED_TABLE"],
  ["braintree", "PARAGRAPH_BULLETS"],
  ["southend-on-sea", "HEADING_PARAGRAPHS"],
];

describe("detectLayout on the five real documents", () => {
  it.each(realDocuments)("detects %s as %s", (name, family) => {
    expect(detectLayout(readSeedPlan(name))).toBe(family);
  });

  it("prefers Brentwood's spaced header over the bullet-like position lines under it", () => {
    const scores = scoreLayouts(readSeedPlan("brentwood"));
    expect(scores.PARAGRAPH_BULLETS).toBeGreaterThan(0);
    expect(scores.FLATTENED_TABLE).toBeGreaterThan(scores.PARAGRAPH_BULLETS);
  });

  it("detects the same documents with Windows line endings", () => {
    for (const [name, family] of realDocuments)
      expect(detectLayout(readSeedPlan(name).replace(/\n/g, "\r\n"))).toBe(family);
  });
});

describe("detectLayout on other layouts", () => {
  it.each([
    [
      "a comma header",
      doc("Ref,Recommendation,Action,Owner,Deadline", "1,Agree a vision,Hold a workshop,Chief Executive,June 2024"),
    ],
    [
      "a pipe header",
      doc("Ref | Recommendation | Action | Owner", "1 | Agree a vision | Hold a workshop | Chief Executive"),
    ],
    [
      "a Markdown table",
      doc(
        "| Ref | Recommendation | Action | Owner | Timeframe | RAG |",
        "|---|---|---|---|---|---|",
        "| R1 | Agree a vision | Hold a workshop | CEO | Q3 2025/26 | Green |",
      ),
    ],
    [
      "an HTML table",
      "<table><tr><th>No.</th><th>Recommendation</th><th>Actions</th></tr><tr><td>1</td><td>Agree a vision</td><td>Hold a workshop</td></tr></table>",
    ],
  ])("detects %s as a delimited table", (_name, text) => {
    expect(detectLayout(text)).toBe("DELIMITED_TABLE");
  });

  it("detects a header of spaced column words over numbered records as a flattened table", () => {
    expect(
      detectLayout(
        doc(
          "Ref Recommendation Action Lead Timescale Status",
          "1 Agree a vision - We will hold a workshop",
          "Chief Executive Oct 24 Complete",
        ),
      ),
    ).toBe("FLATTENED_TABLE");
  });

  it("detects paragraphs followed by dash bullets", () => {
    expect(detectLayout(doc("Title", "", "A recommendation paragraph.", "- an action", "- another action"))).toBe(
      "PARAGRAPH_BULLETS",
    );
  });

  it("detects short headings followed by prose", () => {
    expect(
      detectLayout(
        doc("Plan", "", "Finance", "", "We will balance the budget.", "", "People", "", "We will train our managers."),
      ),
    ).toBe("HEADING_PARAGRAPHS");
  });

  it("does not take a prose sentence mentioning column words for a header", () => {
    expect(
      scoreLayouts("We report the status, progress, owner and deadline of each action, every quarter.").DELIMITED_TABLE,
    ).toBe(0);
  });

  it("returns null when the text shows no family's features", () => {
    expect(detectLayout("Just one paragraph of prose, with nothing else in the document at all.")).toBeNull();
    expect(detectLayout('{"recommendations": [1, 2, 3]}')).toBeNull();
    expect(detectLayout("")).toBeNull();
  });
});
