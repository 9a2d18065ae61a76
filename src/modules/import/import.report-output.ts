import { toGlobalId } from "../../shared/graphql/global-id.js";
import type { ImportReport as ImportReportValue } from "./import.service.js";
import type { ImportReport } from "./import.type.js";

/** An import report as the API gives it: global IDs, and one list of what disappeared. */
export function importReportOutput(report: ImportReportValue, draftId: number | null = null): ImportReport {
  return {
    ...report,
    peerChallengeId: report.peerChallengeId === null ? null : toGlobalId("PeerChallenge", report.peerChallengeId),
    sourceDocumentId: report.sourceDocumentId === null ? null : toGlobalId("SourceDocument", report.sourceDocumentId),
    draftId: draftId === null ? null : toGlobalId("PlanDraft", draftId),
    disappeared: [
      ...report.disappearedRecommendations.map((r) => ({ reference: r.reference, order: null, text: r.text })),
      ...report.disappearedActions,
    ],
  };
}
