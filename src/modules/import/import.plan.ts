/**
 * The validated structure every layout parser produces: text in, this out, no database.
 * Field names follow the GraphQL API (`reference`, `text`, `actions`, `lead`, `target`, `status`)
 * so that `npm run import -- --json` output can be consumed by the same scripts as the API.
 */

import type { ActionStatusValue, DeadlinePrecisionValue, RagColourValue } from "../action/action.values.js";
import type { RecommendationKindValue } from "../recommendation/recommendation.values.js";
import type { DocumentFormat, SourceRef } from "./document/document.model.js";

export interface ParsedTarget {
  /** The phrase as printed, whitespace-normalised; null when the layout has no target column or the cell is empty. */
  raw: string | null;
  /** ISO date (YYYY-MM-DD): the last day of the last period the phrase names; null when there is no deadline. */
  deadline: string | null;
  precision: DeadlinePrecisionValue;
  /** Earlier dates named in the same phrase (ISO, last day of their period), in the order printed. */
  milestones: string[];
}

export interface ParsedStatus {
  /** As printed, whitespace-normalised; "" for an empty cell. */
  text: string;
  status: ActionStatusValue;
  rag: RagColourValue | null;
}

export interface PlanAction {
  /** 1-based position within its recommendation. */
  order: number;
  text: string;
  /** Lead/owner as printed (carried forward down a recommendation's rows where the layout does so). */
  lead: string | null;
  target: ParsedTarget;
  /** Null when the layout has no status at all (not the same as an empty status cell). */
  status: ParsedStatus | null;
  /** Free-text progress update printed beside the action, if any. */
  update: string | null;
  /** 1-based line of the source document the action starts on. */
  line: number;
}

export interface PlanRecommendation {
  /** Reference as printed ("1", "R3"); documents that print none get their 1-based order as a string. */
  reference: string;
  order: number;
  /** RECOMMENDATION for a peer team's recommendation; COMMITMENT for a council's narrative undertaking with no actions. */
  kind: RecommendationKindValue;
  /** Short title if the document prints one (a heading, Chelmsford's "Action" column). */
  title: string | null;
  text: string;
  /** The council's position/response on the recommendation as printed. */
  position: string | null;
  accountable: string | null;
  responsible: string | null;
  /** The council's own grouping label ("Scrutiny Effectiveness"), when printed. */
  themeLabel: string | null;
  actions: PlanAction[];
  line: number;
}

export type PlanWarningCode =
  | "import.unparsed_date"
  | "import.unknown_status"
  | "import.row_shape"
  | "import.unplaced_line"
  | "import.repeated_header"
  | "import.missing_text"
  | "import.duplicate_reference";

export interface PlanWarning {
  line: number;
  code: PlanWarningCode;
  message: string;
}

export interface ParsedPlan {
  /** The layout family the detector chose. */
  layout: LayoutFamily;
  /** Document title, when one is evident. */
  title: string | null;
  recommendations: PlanRecommendation[];
  warnings: PlanWarning[];
  /** Lines with content that the parser could not place (noise, page furniture), with their text. */
  unplaced: { line: number; text: string }[];
}

export const layoutFamilies = [
  "DELIMITED_TABLE",
  "FLATTENED_TABLE",
  "PARAGRAPH_BULLETS",
  "HEADING_PARAGRAPHS",
] as const;
export type LayoutFamily = (typeof layoutFamilies)[number];

/**
 * How the plan was segmented: one of the text layout families, or the document-model reader's
 * TABLE (rows of one or more tables) or SECTIONS (headings, paragraphs and list items).
 */
export type PlanLayout = LayoutFamily | "TABLE" | "SECTIONS";

export type ActionField = "text" | "lead" | "target" | "status";
export type RecommendationField = "reference" | "text";

/** 0 (a guess) to 1 (printed under a column or label that says what it is, and normalised cleanly). */
export type Confidence = number;

export interface ReadAction extends PlanAction {
  confidence: Record<ActionField, Confidence>;
  source: SourceRef;
  /** Why this became an action, in words a person can check against the document. */
  why: string;
}

export interface ReadRecommendation extends Omit<PlanRecommendation, "actions"> {
  actions: ReadAction[];
  confidence: Record<RecommendationField, Confidence>;
  source: SourceRef;
  why: string;
}

/** A field read with low confidence, for a person to check before the plan counts. */
export interface LowConfidenceField {
  reference: string;
  /** The action's order; null for a field of the recommendation. */
  order: number | null;
  field: ActionField | RecommendationField;
  value: string | null;
  confidence: Confidence;
  reason: string;
  line: number;
}

/** What the reader returns for any document: a plan whose every field says how sure it is. */
export interface ReadPlan extends Omit<ParsedPlan, "layout" | "recommendations"> {
  format: DocumentFormat;
  layout: PlanLayout;
  recommendations: ReadRecommendation[];
  confidence: { overall: Confidence; reasons: string[] };
  lowConfidence: LowConfidenceField[];
  /** The document's text as stored (see DocumentModel.text); every `line` points into it. */
  text: string;
}
