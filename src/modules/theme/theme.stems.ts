import { stemmer } from "stemmer";

/**
 * Word stems for the classifier's vocabulary (seeds/themes/vocabulary.json): a text becomes the
 * Porter stems of its words, so that "partners", "partnering" and "partner" meet, and a term
 * fires where its stems appear one after another. Pure, like the classifier that uses it.
 */

/** Letters and digits only: hyphens and apostrophes split words, as "member-officer" is two. */
export function stemsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .map((word) => stemmer(word));
}

/** Whether `term` (already stemmed) occurs in `stems` as consecutive words. */
export function containsStems(stems: readonly string[], term: readonly string[]): boolean {
  if (term.length === 0 || term.length > stems.length) return false;
  for (let start = 0; start + term.length <= stems.length; start++) {
    if (term.every((stem, i) => stems[start + i] === stem)) return true;
  }
  return false;
}
