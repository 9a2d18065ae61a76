/**
 * The generator's own plan shape: what a plan *means*, independent of how the reader models it.
 * Renderers print it; the scorer compares the reader's answer against it. Only the action domain's
 * closed vocabularies are shared with src (they are the meaning, not a reading rule).
 */

import type { ActionStatusValue, DeadlinePrecisionValue } from "../../src/modules/action/action.values.js";

export type CanonicalStatus = ActionStatusValue;

export interface EvalDeadline {
  /** The last day of the period the phrase names (YYYY-MM-DD). */
  iso: string;
  precision: DeadlinePrecisionValue;
}

export interface EvalAction {
  text: string;
  lead: string | null;
  /** Null for no deadline: ongoing, TBC or an empty cell. */
  deadline: EvalDeadline | null;
  /** How the deadline is printed ("Q3 2025/26", "Ongoing"); null prints an empty cell. */
  deadlinePhrase: string | null;
  /** Null when the plan says nothing about the action's progress. */
  status: CanonicalStatus | null;
  /** A status as printed in a seed document; synthetic plans leave it to the renderer's wording. */
  statusPhrase?: string | null;
  update: string | null;
}

export interface EvalRecommendation {
  reference: string | null;
  title: string | null;
  text: string;
  themeLabel: string | null;
  actions: EvalAction[];
}

export interface EvalPlan {
  /** Where the plan came from ("seed:harlow", "synthetic:42"), for reports. */
  origin: string;
  title: string;
  council: string;
  recommendations: EvalRecommendation[];
}

/** What a renderer hands back: the document, and the plan a perfect reader would recover from it. */
export interface RenderedDocument {
  bytes: Uint8Array;
  filename: string;
  /** The layout traits drawn for this document ("numbering:R1", "merge:span", …). */
  traits: string[];
  /** The plan as printed: fields the layout left out (no status column) are null here. */
  expected: EvalPlan;
}
