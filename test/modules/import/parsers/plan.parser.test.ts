import { describe, expect, it } from "vitest";
import { PlanParseError, maxPlanBytes } from "../../../../src/modules/import/parsers/parse.errors.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { pathologicalDocuments, pathologicalJunk } from "./pathological-documents.js";
import { doc, readSeedPlan, seedPlanNames } from "./seed-plans.js";

function parseError(text: string): PlanParseError {
  try {
    parsePlan(text);
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
  throw new Error("parsePlan did not throw");
}

describe("parsePlan rejects documents that cannot be parsed at all", () => {
  it("rejects an empty or whitespace-only document", () => {
    expect(parseError("").reason).toBe("import.empty_document");
    expect(parseError(" \n\t\r\n\u00A0\uFEFF").reason).toBe("import.empty_document");
  });

  it("rejects a document with NUL bytes, naming the line and column of the first", () => {
    const error = parseError(doc("No.\tRecommendation\tActions", "1\tAgree\u0000 a vision\tHold a workshop"));
    expect(error).toMatchObject({ reason: "import.binary_content", line: 2, column: 8 });
    expect(error.details).toMatchObject({ line: 2, column: 8 });
  });

  it("rejects a document that is mostly control or undecodable characters", () => {
    expect(parseError("\u0001\u0002\u0003\uFFFD\uFFFDab\u0007\u0008").reason).toBe("import.binary_content");
  });

  it("accepts a plan with a few stray control characters", () => {
    const text = readSeedPlan("harlow").replace("Commence resident", "Commence\u000B resident");
    expect(parsePlan(text).recommendations).toHaveLength(13);
  });

  it("rejects a document over 5 MB of UTF-8 before reading it", () => {
    expect(parseError("a".repeat(maxPlanBytes + 1)).reason).toBe("import.too_large");
    // Two bytes a character in UTF-8: under the limit in characters, over it in bytes.
    expect(parseError("é".repeat(maxPlanBytes / 2 + 1)).reason).toBe("import.too_large");
  });

  it("rejects a document in no known layout", () => {
    expect(parseError("Just one paragraph of prose, with nothing else in the document at all.").reason).toBe(
      "import.unknown_layout",
    );
  });

  it("rejects a document that shows a layout's features but yields no recommendation", () => {
    expect(parseError(doc("Ref\tRecommendation\tAction\tLead", "\t\t\t", "\t")).reason).toBe("import.unknown_layout");
  });

  it("throws PlanParseError, an AppError with a stable code, for every rejection", () => {
    const error = parseError("");
    expect(error).toBeInstanceOf(PlanParseError);
    expect(error.name).toBe("PlanParseError");
    expect(error.line).toBeNull();
  });
});

describe("parsePlan normalises the text before reading it", () => {
  const table = [
    "Heading of the plan",
    "",
    "No.\tRecommendation\tActions\tLead",
    "1\tAgree a vision\tHold a workshop\tChief Executive",
    "\t\tShare the vision\t",
  ];

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("counts lines the same with %s line endings", (_name, ending) => {
    const plan = parsePlan(table.join(ending));
    expect(plan.title).toBe("Heading of the plan");
    expect(plan.recommendations[0]?.line).toBe(4);
    expect(plan.recommendations[0]?.actions.map((a) => [a.text, a.line])).toEqual([
      ["Hold a workshop", 4],
      ["Share the vision", 5],
    ]);
  });

  it("drops a byte-order mark without shifting lines or titles", () => {
    const plan = parsePlan(`\uFEFF${table.join("\r\n")}`);
    expect(plan.title).toBe("Heading of the plan");
    expect(plan.recommendations[0]?.line).toBe(4);
  });

  it("returns per-line problems as warnings, not exceptions", () => {
    const plan = parsePlan(
      doc(
        "No.\tRecommendation\tActions\tLead\tTarget Date",
        "1\tAgree a vision\tHold a workshop\tChief Executive\tsoonish",
        "2\tOnly two",
      ),
    );
    expect(plan.warnings.map((w) => w.code)).toEqual(["import.unparsed_date", "import.row_shape"]);
  });
});

describe("parsePlan gives every recommendation a unique reference", () => {
  it.each(seedPlanNames)("in %s", (name) => {
    const references = parsePlan(readSeedPlan(name)).recommendations.map((r) => r.reference);
    expect(new Set(references).size).toBe(references.length);
  });

  it("in every family, even where the document numbers nothing", () => {
    const plans = [
      parsePlan(doc("Ref\tRecommendation\tAction\tLead", "1\tFirst\tA\tX", "2\tSecond\tB\tY", "1\tThird\tC\tZ")),
      parsePlan(
        doc(
          "Ref Recommendation Position Accountable Responsible Timescale Status",
          "1 First - We will",
          "Chief Executive Dec 24 Complete",
          "1 Second - We will",
          "Chief Executive Dec 24 Complete",
        ),
      ),
      parsePlan(
        doc(
          "A paragraph that recommends something.",
          "• First action",
          "",
          "Another paragraph that recommends something.",
          "• Second action",
        ),
      ),
      parsePlan(
        doc(
          "Plan title",
          "",
          "First heading",
          "A paragraph under it.",
          "",
          "Second heading",
          "Another paragraph under it.",
        ),
      ),
    ];
    expect(plans.map((plan) => [plan.layout, plan.recommendations.map((r) => r.reference)])).toEqual([
      ["DELIMITED_TABLE", ["1", "2", "1 (2)"]],
      ["FLATTENED_TABLE", ["1", "1 (2)"]],
      ["PARAGRAPH_BULLETS", ["1", "2"]],
      ["HEADING_PARAGRAPHS", ["1", "2"]],
    ]);
  });
});

describe("parsePlan reads 200 KB pathological documents of every family", () => {
  // What each family makes of input that once sent a pattern quadratic. How the parse time grows
  // with such input is measured by `npm run bench:parsers` (test/bench/), not by a test timeout.
  const junk = pathologicalJunk();
  const documents = pathologicalDocuments(junk);

  it("in a delimited table, warning about the cells it cannot read", () => {
    expect(junk.length).toBeGreaterThan(190_000);
    const plan = parsePlan(documents["DELIMITED_TABLE"] ?? "");
    expect(plan.layout).toBe("DELIMITED_TABLE");
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([
      ["import.unparsed_date", 2],
      ["import.unknown_status", 2],
    ]);
  });

  it("in a flattened table, warning about the closing line it does not split", () => {
    const plan = parsePlan(documents["FLATTENED_TABLE"] ?? "");
    expect(plan.layout).toBe("FLATTENED_TABLE");
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.row_shape", 3]]);
  });

  it("in paragraphs and bullets, warning about a bullet with no paragraph", () => {
    const plan = parsePlan(documents["PARAGRAPH_BULLETS"] ?? "");
    expect(plan.layout).toBe("PARAGRAPH_BULLETS");
    expect(plan.recommendations.map((r) => r.actions.length)).toEqual([2]);
    expect(plan.warnings.map((w) => [w.code, w.line])).toEqual([["import.unplaced_line", 1]]);
  });

  it("in headings and paragraphs", () => {
    const plan = parsePlan(documents["HEADING_PARAGRAPHS"] ?? "");
    expect(plan.layout).toBe("HEADING_PARAGRAPHS");
    expect(plan.recommendations.map((r) => r.title)).toEqual(["First heading", "Second heading"]);
    expect(plan.warnings).toEqual([]);
  });
});
