import { doc } from "./seed-plans.js";

/**
 * Text that once made a pattern rescan the rest of its input from every position (quadratic
 * regexes found in review), repeated `scale` times; scale 1 is about 200 KB.
 */
export function pathologicalJunk(scale = 1): string {
  return `${"Acting ".repeat(5000 * scale)}${"from Oct 24 ".repeat(3000 * scale)}${"to done ".repeat(5000 * scale)}&amp;${"<!--".repeat(5000 * scale)}${"<table <tr <td ".repeat(3000 * scale)}${":".repeat(20_000 * scale)}`;
}

/** One document per layout family, each carrying the junk where that family's patterns look. */
export function pathologicalDocuments(junk: string): Record<string, string> {
  return {
    DELIMITED_TABLE: doc(
      "Ref\tRecommendation\tAction\tLead\tDeadline\tStatus",
      `1\tAgree a vision\tHold a workshop\t${junk}\t${junk}\t${junk}`,
    ),
    FLATTENED_TABLE: doc(
      "Ref Recommendation Position Accountable Responsible Timescale Status",
      "1 Publish a plan - We have drafted it",
      `Chief Executive ${junk} Dec 24 Complete`,
    ),
    PARAGRAPH_BULLETS: doc(`• ${junk}`, "", `A paragraph ${junk}`, `• ${junk}`, `• ${junk}`),
    HEADING_PARAGRAPHS: doc("Plan title", "", "First heading", junk, "", "Second heading", junk),
  };
}
