import type { Block, ListItemBlock } from "../document/document.model.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { profileCell, wordCount } from "./field.evidence.js";
import { labelledField } from "./labelled-field.js";
import { furniturePatterns, furnitureSectionHeadings } from "./reader.lexicon.js";

/** "Lead: Chief Executive", "June 2025", "Complete": repeated because many actions share them, not furniture. */
function isPlanField(text: string): boolean {
  if (labelledField(text) !== null) return true;
  const profile = profileCell(text);
  return profile.date || profile.status;
}

/** A list item's kind of list: ordered or not, its marker and depth. */
function itemShape(item: ListItemBlock): string {
  return `${item.ordered}|${item.ordered ? "" : (item.marker ?? "")}|${item.depth}`;
}

/** Short lines printed this often are running headers, footers or navigation, not plan content. */
const repeatedFurnitureTimes = 3;
const maxFurnitureWords = 8;

/**
 * Drops what is never part of a plan: site furniture, colour keys, sections about the peer team or
 * contacts, and short lines repeated throughout the document. Tables are kept whole: a table that
 * holds no plan simply yields no rows.
 */
export function withoutFurniture(blocks: readonly Block[]): {
  kept: Block[];
  dropped: { line: number; text: string }[];
} {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === "table") continue;
    const key = cleanText(block.text).toLowerCase();
    if (key !== "" && wordCount(key) <= maxFurnitureWords) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept: Block[] = [];
  const dropped: { line: number; text: string }[] = [];
  // Only repeated lines are asked, so the same few texts would be profiled on every repetition.
  const planFields = new Map<string, boolean>();
  const planField = (text: string) => {
    let answer = planFields.get(text);
    if (answer === undefined) planFields.set(text, (answer = isPlanField(text)));
    return answer;
  };
  let skipUnder: number | null = null;
  let sectionShape: string | null = null;
  for (const block of blocks) {
    if (block.kind === "heading") {
      if (skipUnder !== null && block.level <= skipUnder) skipUnder = null;
      if (furnitureSectionHeadings.some((p) => p.test(cleanText(block.text)))) {
        skipUnder = block.level;
        sectionShape = null;
        dropped.push({ line: block.source.line, text: cleanText(block.text) });
        continue;
      }
    }
    // A furniture section (a key, the peer team) is a heading and its prose or list; a table after
    // it is the plan's, not the section's.
    // Nor is prose: a key or a list of the team is list items and short lines, so the first longer
    // paragraph after one (a numbered recommendation, say) ends it even where no heading does.
    if (skipUnder !== null && (block.kind === "table" || (block.kind === "paragraph" && wordCount(block.text) > 12)))
      skipUnder = null;
    // Nor does its list change kind: a key's or a team's entries are alike, so a numbered list after
    // a bulleted key is the plan going on where no heading says so.
    if (skipUnder !== null && block.kind === "listItem") {
      const shape = itemShape(block);
      if (sectionShape === null) sectionShape = shape;
      else if (shape !== sectionShape) skipUnder = null;
    }
    if (skipUnder !== null && block.kind !== "table") {
      dropped.push({ line: block.source.line, text: cleanText(block.text) });
      continue;
    }
    if (block.kind !== "table") {
      const text = cleanText(block.text);
      const key = text.toLowerCase();
      if (
        furniturePatterns.some((p) => p.test(text)) ||
        ((counts.get(key) ?? 0) >= repeatedFurnitureTimes && !planField(text))
      ) {
        dropped.push({ line: block.source.line, text });
        continue;
      }
    }
    kept.push(block);
  }
  return { kept, dropped };
}
