import { cleanText } from "../normalise/text.normaliser.js";
import { fieldLabels } from "./reader.lexicon.js";

type Field = (typeof fieldLabels)[number]["field"];

const labelledLine = /^([\p{L}][\p{L} ()/&]{0,30}?)\s*(?::|\s[–—-])\s*(.+)$/su;

/** "Lead: X" as a whole block: which field, and its value. */
export function labelledField(text: string): { field: Field; value: string } | null {
  const match = labelledLine.exec(cleanText(text));
  if (!match) return null;
  const label = match[1]!.trim();
  const found = fieldLabels.find((f) => f.pattern.test(label));
  return found ? { field: found.field, value: match[2]!.trim() } : null;
}
