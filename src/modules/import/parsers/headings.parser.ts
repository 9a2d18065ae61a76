import type { ParsedPlan, PlanRecommendation } from "../import.plan.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { isHeadingLike, lineBlocks } from "./line-shapes.js";
import { type TextLine, isPageFurniture, pickTitle } from "./page-furniture.js";
import { PlanNotes } from "./plan.notes.js";

export interface HeadingUnit {
  kind: "heading" | "paragraph";
  line: number;
  text: string;
}

/**
 * Splits a document into headings and paragraphs. A block of lines whose first line is
 * heading-like and which goes on is a heading with its paragraph printed straight under it.
 */
export function headingUnits(lines: readonly string[]): HeadingUnit[] {
  return lineBlocks(lines).flatMap((block): HeadingUnit[] => {
    const [first, ...rest] = block.lines;
    if (first === undefined) return [];
    const paragraph = (from: number, parts: readonly string[]): HeadingUnit => ({
      kind: "paragraph",
      line: from,
      text: cleanText(parts.join(" ")),
    });
    if (!isHeadingLike(first)) return [paragraph(block.start + 1, block.lines)];
    const heading: HeadingUnit = { kind: "heading", line: block.start + 1, text: cleanText(first) };
    return rest.length === 0 ? [heading] : [heading, paragraph(block.start + 2, rest)];
  });
}

/**
 * Parses narrative plans (Southend-on-Sea): each short heading with the prose paragraphs under it
 * is one COMMITMENT. The document names no actions, owners or dates, so there are none.
 * Page furniture and headings with nothing under them go to `unplaced`.
 * `text` must have "\n" line endings.
 */
export function parseHeadingParagraphs(text: string): ParsedPlan {
  const notes = new PlanNotes();
  const units = headingUnits(text.split("\n"));
  const title = pickTitle(units);
  const recommendations: PlanRecommendation[] = [];
  let heading: TextLine | null = null;
  let paragraphs: string[] = [];

  const close = (): void => {
    if (heading !== null && paragraphs.length === 0) notes.unplace(heading.line, heading.text);
    if (heading !== null && paragraphs.length > 0) {
      const order = recommendations.length + 1;
      recommendations.push({
        reference: String(order),
        order,
        kind: "COMMITMENT",
        title: heading.text,
        text: paragraphs.join("\n"),
        position: null,
        accountable: null,
        responsible: null,
        themeLabel: null,
        actions: [],
        line: heading.line,
      });
    }
    heading = null;
    paragraphs = [];
  };

  for (const unit of units) {
    if (unit === title) continue;
    if (isPageFurniture(unit.text)) {
      // Furniture ends a section: a paragraph after "Contact the team" is not the section's text.
      close();
      notes.unplace(unit.line, unit.text);
    } else if (unit.kind === "heading") {
      close();
      heading = { line: unit.line, text: unit.text };
    } else if (heading !== null) {
      paragraphs.push(unit.text);
    } else {
      notes.unplace(unit.line, unit.text);
    }
  }
  close();
  return notes.finish({ layout: "HEADING_PARAGRAPHS", title: title?.text ?? null, recommendations });
}
