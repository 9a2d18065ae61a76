/** A draft's life: open for review, then published (it counts) or discarded (it never will). */
export const draftStatuses = ["OPEN", "PUBLISHED", "DISCARDED"] as const;
export type DraftStatusValue = (typeof draftStatuses)[number];

/** A theme link as a draft keeps it (the importer's ThemeLinkToSave): what publishing writes. */
export interface DraftThemeLink {
  themeId: number;
  method: "RULE" | "HAND";
  confidence: number;
  matched: string[];
}
