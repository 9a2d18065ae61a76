import type { LowConfidenceField } from "../import/import.plan.js";
import type { DraftActionRow, DraftRecommendationRow } from "./plan-draft.table.js";

export type DraftLowConfidence = LowConfidenceField;

/**
 * The reader's low-confidence fields still waiting for a person: those of dropped rows, and
 * fields an editor has since set, are no longer in doubt.
 */
export function draftLowConfidence(
  fields: readonly LowConfidenceField[],
  recommendations: readonly DraftRecommendationRow[],
  actions: readonly DraftActionRow[],
): DraftLowConfidence[] {
  const byReference = new Map(recommendations.map((r) => [r.reference, r]));
  return fields.filter((f) => {
    const rec = byReference.get(f.reference);
    if (rec === undefined) return true;
    if (rec.dropped) return false;
    if (f.order === null) return !rec.reviewed.includes(f.field);
    const action = actions.find((a) => a.draftRecommendationId === rec.id && a.order === f.order);
    return action === undefined || (!action.dropped && !action.reviewed.includes(f.field));
  });
}
