import { type ColumnRole, normaliseHeaderCell } from "../parsers/columns.js";
import { wordCount } from "./field.evidence.js";
import { headerKeywords } from "./reader.lexicon.js";

/** Header cells are a few words; longer cells are data even when they contain a column word. */
export const maxHeaderWords = 8;

/**
 * The role a header cell names by keyword, for cells the exact column vocabulary does not know:
 * null for a column the plan does not hold (success measures, resources), undefined for no header word.
 */
export function keywordRole(label: string): ColumnRole | null | undefined {
  const name = normaliseHeaderCell(label);
  if (name === "" || wordCount(name) > maxHeaderWords) return undefined;
  for (const { pattern, role } of headerKeywords) if (pattern.test(name)) return role;
  return undefined;
}
