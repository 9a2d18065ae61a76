import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../../context.js";
import { AppError, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { importDocument } from "./import.document-input.js";
import { ImportPlanInput } from "./import.input.js";
import { ImportReport } from "./import.type.js";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      "Imports a council's action plan from its published document (HTML, PDF, DOCX, XLSX, CSV, Markdown or text, recognised by content): reads it, with a confidence for every field, matches it to the plan held, appends a progress update per changed status, adds what is new and reports what disappeared, in one transaction. Requires an admin (Authorization: Bearer with ADMIN_TOKEN or an admin API key).",
  })
  async importPlan(
    @Ctx() ctx: AppContext,
    @Arg("input", () => ImportPlanInput, { description: "The document and how to file it." }) input: ImportPlanInput,
  ): Promise<ImportReport> {
    if (!ctx.isAdmin) {
      throw new AppError(
        sharedErrorCodes.adminRequired,
        "importPlan needs an admin: send Authorization: Bearer <ADMIN_TOKEN or an admin key from npm run keys>",
      );
    }
    const document = importDocument(input);
    const { report } = await ctx.services.import.importPlan({
      content: document.content,
      filename: document.filename,
      councilGss: input.council,
      challengeHeldOn: input.challenge ?? null,
      recordedOn: input.recordedOn ?? ctx.today,
      dryRun: input.dryRun ?? false,
    });
    return {
      ...report,
      peerChallengeId: report.peerChallengeId === null ? null : toGlobalId("PeerChallenge", report.peerChallengeId),
      sourceDocumentId: report.sourceDocumentId === null ? null : toGlobalId("SourceDocument", report.sourceDocumentId),
      disappeared: [
        ...report.disappearedRecommendations.map((r) => ({ reference: r.reference, order: null, text: r.text })),
        ...report.disappearedActions,
      ],
    };
  }
}
