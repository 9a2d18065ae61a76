import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../../context.js";
import { importDocument } from "./import.document-input.js";
import { ImportPlanInput } from "./import.input.js";
import { importReportOutput } from "./import.report-output.js";
import { ImportReport } from "./import.type.js";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      "Imports a council's action plan from its published document (HTML, PDF, DOCX, XLSX, CSV, Markdown or text, recognised by content): reads it, with a confidence for every field, and compares it with the plan held. By default it opens a draft for review (draftId) and changes nothing public; publishDraft then applies it (a progress update per changed status, what is new added, what disappeared reported). `publish: true` (admins) writes at once. Needs an editor of the council or an admin: auth.required without a key, auth.forbidden for any other key. One open draft per challenge (draft.already_open).",
  })
  async importPlan(
    @Ctx() ctx: AppContext,
    @Arg("input", () => ImportPlanInput, { description: "The document and how to file it." }) input: ImportPlanInput,
  ): Promise<ImportReport> {
    const document = importDocument(input);
    const { report, draftId } = await ctx.services.draft.importPlan(
      ctx.identity,
      {
        content: document.content,
        filename: document.filename,
        councilGss: input.council,
        challengeHeldOn: input.challenge ?? null,
        recordedOn: input.recordedOn ?? ctx.today,
        dryRun: input.dryRun ?? false,
      },
      input.publish ?? false,
    );
    return importReportOutput(report, draftId);
  }
}
