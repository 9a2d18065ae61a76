import type { PlanAction, PlanRecommendation, ReadAction, ReadPlan, ReadRecommendation } from "../import.plan.js";
import { parsePlan } from "../parsers/plan.parser.js";

export interface ReadOptions {
  /** The name the document came with; a hint only, the content decides the format. */
  filename?: string | null;
}

/**
 * Reads an action plan from a published document (HTML, PDF, DOCX, XLSX, CSV, Markdown or text).
 * Pure: bytes in, plan out, no database. Throws PlanParseError for documents that hold no readable plan.
 */
export async function readPlanDocument(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadPlan> {
  // Interim: text only, through the layout-family parsers, until the document-model reader lands.
  const text = new TextDecoder("utf-8").decode(bytes);
  const plan = parsePlan(text);
  const recommendations = plan.recommendations.map(scoreRecommendation);
  return {
    ...plan,
    format: "TEXT",
    recommendations,
    confidence: { overall: 1, reasons: [] },
    lowConfidence: [],
    text,
  };
}

function scoreRecommendation(rec: PlanRecommendation): ReadRecommendation {
  return {
    ...rec,
    actions: rec.actions.map(scoreAction),
    confidence: { reference: 1, text: 1 },
    source: { line: rec.line },
    why: "",
  };
}

function scoreAction(action: PlanAction): ReadAction {
  return { ...action, confidence: { text: 1, lead: 1, target: 1, status: 1 }, source: { line: action.line }, why: "" };
}
