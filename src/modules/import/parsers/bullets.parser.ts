import type { ParsedPlan, PlanRecommendation } from "../import.plan.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { bulletText, isBlank, isBulletLine } from "./line-shapes.js";
import { type TextLine, pickTitle } from "./page-furniture.js";
import { PlanNotes, noTarget } from "./plan.notes.js";

interface Paragraph {
  lines: TextLine[];
  /** False once a blank line has ended it: the next text line starts another paragraph. */
  open: boolean;
}

/** A wrapped bullet's next line is indented under it, or carries on mid-sentence in lower case. */
function continuesBullet(line: string): boolean {
  return /^\s/.test(line) || /^\p{Ll}/u.test(line);
}

/**
 * Parses plans written as paragraphs and bullets (Braintree): a paragraph followed by bullet lines
 * is a recommendation and its bullets are its actions; a paragraph with no bullets after it is
 * preamble. Such plans print no owners, dates or statuses, so none are invented.
 * `text` must have "\n" line endings.
 */
export function parseParagraphBullets(text: string): ParsedPlan {
  const lines = text.split("\n");
  const notes = new PlanNotes();
  const recommendations: PlanRecommendation[] = [];
  const preamble: TextLine[] = [];
  let paragraph: Paragraph | null = null;
  let current: PlanRecommendation | null = null;
  let previous: "blank" | "bullet" | "text" = "blank";

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    if (isBlank(line)) {
      if (paragraph !== null) paragraph.open = false;
      previous = "blank";
      continue;
    }
    if (isBulletLine(line)) {
      if (paragraph !== null) {
        current = toRecommendation(paragraph, recommendations.length + 1);
        recommendations.push(current);
        paragraph = null;
      }
      previous = "bullet";
      if (current === null) {
        notes.unplace(lineNumber, bulletText(line));
        notes.warn(
          lineNumber,
          "import.unplaced_line",
          `Line ${lineNumber}: a bullet with no paragraph before it to belong to.`,
        );
        continue;
      }
      current.actions.push({
        order: current.actions.length + 1,
        text: bulletText(line),
        lead: null,
        target: noTarget(),
        status: null,
        update: null,
        line: lineNumber,
      });
      continue;
    }
    const lastAction = current?.actions.at(-1);
    if (previous === "bullet" && lastAction !== undefined && continuesBullet(line)) {
      // Both parts are already clean, so joining them keeps the text clean without re-scanning it.
      lastAction.text = `${lastAction.text} ${cleanText(line)}`;
      continue;
    }
    previous = "text";
    current = null;
    if (paragraph?.open === true) {
      paragraph.lines.push({ line: lineNumber, text: cleanText(line) });
      continue;
    }
    if (paragraph !== null) preamble.push(...paragraph.lines);
    paragraph = { lines: [{ line: lineNumber, text: cleanText(line) }], open: true };
  }
  if (paragraph !== null) preamble.push(...paragraph.lines);

  const firstRecommendationLine = recommendations[0]?.line ?? Number.POSITIVE_INFINITY;
  const title = pickTitle(preamble.filter((line) => line.line < firstRecommendationLine));
  for (const line of preamble) if (line !== title) notes.unplace(line.line, line.text);
  return notes.finish({ layout: "PARAGRAPH_BULLETS", title: title?.text ?? null, recommendations });
}

function toRecommendation(paragraph: Paragraph, order: number): PlanRecommendation {
  return {
    reference: String(order),
    order,
    kind: "RECOMMENDATION",
    title: null,
    text: cleanText(paragraph.lines.map((line) => line.text).join(" ")),
    position: null,
    accountable: null,
    responsible: null,
    themeLabel: null,
    actions: [],
    line: paragraph.lines[0]?.line ?? 0,
  };
}
