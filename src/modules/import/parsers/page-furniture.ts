/**
 * Web-page furniture that survives text extraction ("Skip to main content", "Go to top",
 * "Download the Annual Plan…"): never a recommendation, never a title. Deliberately small:
 * anything it misses still ends up in `unplaced`, not in a recommendation's text.
 */
const furniturePatterns: readonly RegExp[] = [
  /^skip to (the )?(main )?content\b/i,
  /^(go|back|return) to (the )?top\b/i,
  /^download\b/i,
  /^contact (the|us)\b/i,
  /\bfor further detail/i,
  /\bplease email\b/i,
  /\bcan also be found\b/i,
  /^print (this )?page$/i,
];

export function isPageFurniture(text: string): boolean {
  return furniturePatterns.some((pattern) => pattern.test(text.trim()));
}

/** A line that only names the council ("Chelmsford City Council") is a masthead, not the plan's title. */
const councilMasthead = /^(?:[\p{L}'’.-]+\s+){1,5}council$/iu;

export interface TextLine {
  /** 1-based line in the original document. */
  line: number;
  text: string;
}

/** The document's title: its first line that is neither furniture nor a masthead. */
export function pickTitle(lines: readonly TextLine[]): TextLine | null {
  return (
    lines.find(
      (candidate) => candidate.text !== "" && !isPageFurniture(candidate.text) && !councilMasthead.test(candidate.text),
    ) ?? null
  );
}
