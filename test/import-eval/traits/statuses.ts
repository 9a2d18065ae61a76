/**
 * How statuses are printed: words (with synonyms) or RAG colours explained by a key, per DOMAIN's
 * five canonical statuses. The meanings are the generator's own reading of plain English.
 * "Delayed" and "Behind schedule" are work that has started, hence IN_PROGRESS.
 */

import type { CanonicalStatus } from "../plan.model.js";

export const statusWords: Record<CanonicalStatus, readonly string[]> = {
  COMPLETE: ["Complete", "Completed", "Done", "Delivered", "Achieved", "Complete – closed"],
  IN_PROGRESS: ["In progress", "On track", "Underway", "Started", "Delayed", "Behind schedule", "In hand"],
  NOT_STARTED: ["Not started", "Not yet started", "Yet to start", "Planned", "Not commenced"],
  ONGOING: ["Ongoing", "Business as usual", "BAU", "Continuous"],
  UNKNOWN: [""],
};

export interface ColourKey {
  /** The legend as printed, colour first. */
  entries: readonly { colour: string; label: string; status: CanonicalStatus; fill: string }[];
}

/** Keys as councils print them; a status with no colour in the key is left blank. */
export const colourKeys: readonly ColourKey[] = [
  {
    entries: [
      { colour: "Green", label: "Complete", status: "COMPLETE", fill: "#00B050" },
      { colour: "Amber", label: "In progress", status: "IN_PROGRESS", fill: "#FFC000" },
      { colour: "Red", label: "Not started", status: "NOT_STARTED", fill: "#FF0000" },
    ],
  },
  {
    entries: [
      { colour: "Blue", label: "Completed", status: "COMPLETE", fill: "#0070C0" },
      { colour: "Green", label: "On track", status: "IN_PROGRESS", fill: "#00B050" },
      { colour: "Amber", label: "Some delay", status: "IN_PROGRESS", fill: "#FFC000" },
      { colour: "Red", label: "Not yet started", status: "NOT_STARTED", fill: "#FF0000" },
    ],
  },
  {
    entries: [
      { colour: "Green", label: "Achieved", status: "COMPLETE", fill: "#00B050" },
      { colour: "Amber", label: "Work underway", status: "IN_PROGRESS", fill: "#FFC000" },
      { colour: "Red", label: "Yet to start", status: "NOT_STARTED", fill: "#FF0000" },
      { colour: "Grey", label: "Ongoing / business as usual", status: "ONGOING", fill: "#A6A6A6" },
    ],
  },
];

/** How the legend line is laid out: "Green – Complete; Amber – …". */
export const keyHeadings = ["Key", "RAG key", "Status key", "Colour key", "Key to RAG ratings"] as const;
export const keySeparators = [" – ", ": ", " = ", " - "] as const;
