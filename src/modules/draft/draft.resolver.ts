import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { badInput } from "../../shared/errors/app-error.js";
import { fromGlobalId, toGlobalId, type NodeType } from "../../shared/graphql/global-id.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import { importReportOutput } from "../import/import.report-output.js";
import type { ImportReport as ImportReportValue } from "../import/import.service.js";
import { ImportReport, LowConfidenceField } from "../import/import.type.js";
import { SourceDocument } from "../import/source-document.type.js";
import type { SourceDocumentRow } from "../import/source-document.table.js";
import { PeerChallenge } from "../peer-challenge/peer-challenge.type.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { Target } from "../action/action.type.js";
import { Theme } from "../theme/theme.type.js";
import type { ThemeRow } from "../theme/theme.table.js";
import { DraftVersionInput, UpdateDraftActionInput, UpdateDraftRecommendationInput } from "./draft.input.js";
import {
  DraftAction,
  DraftActionConfidence,
  DraftRecommendation,
  DraftRecommendationConfidence,
  DraftStatus,
  PlanDraft,
  PublishDraftPayload,
} from "./draft.type.js";
import type { DraftStatusValue } from "./draft.values.js";
import type { DraftActionRow, DraftRecommendationRow, PlanDraftRow } from "./plan-draft.table.js";

/** A global ID that must name a `type`; any other is a bad ID for `argument`. */
function idOf(globalId: string, type: NodeType, argument = "input.id"): number {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type) throw badInput(argument, `${argument} must be a ${type} ID`);
  return decoded.id;
}

const storedReport = (draft: PlanDraftRow) => draft.report as unknown as ImportReportValue;

@Resolver(() => PlanDraft)
export class PlanDraftResolver {
  @Query(() => [PlanDraft], {
    description:
      "A council's plan drafts, newest first. Editors of the council and admins only: to anyone else the list is empty.",
  })
  async drafts(
    @Ctx() ctx: AppContext,
    @Arg("council", () => String, { description: "The council's GSS code (E07000073)." }) council: string,
    @Arg("status", () => DraftStatus, { nullable: true, description: "Only drafts in this state (default all)." })
    status: DraftStatusValue | null,
  ): Promise<PlanDraftRow[]> {
    return ctx.services.draft.listAs(ctx.identity, council, status ?? null);
  }

  @Mutation(() => PlanDraft, {
    description:
      "Corrects a recommendation of an open draft (title, text, theme links) or drops/keeps it. Raises the draft's version; audited as draft.update_recommendation.",
  })
  async updateDraftRecommendation(
    @Ctx() ctx: AppContext,
    @Arg("input", () => UpdateDraftRecommendationInput, { description: "The row and its corrections." })
    input: UpdateDraftRecommendationInput,
  ): Promise<PlanDraftRow> {
    return ctx.services.draft.updateRecommendation(ctx.identity, {
      ...input,
      id: idOf(input.id, "DraftRecommendation"),
    });
  }

  @Mutation(() => PlanDraft, {
    description:
      "Corrects an action of an open draft (text, lead, target, status) or drops/keeps it. Raises the draft's version; audited as draft.update_action.",
  })
  async updateDraftAction(
    @Ctx() ctx: AppContext,
    @Arg("input", () => UpdateDraftActionInput, { description: "The row and its corrections." })
    input: UpdateDraftActionInput,
  ): Promise<PlanDraftRow> {
    return ctx.services.draft.updateAction(ctx.identity, { ...input, id: idOf(input.id, "DraftAction") });
  }

  @Mutation(() => PublishDraftPayload, {
    description:
      "Publishes an open draft: its kept rows, as corrected, are applied by the importer's rules (matching, a progress update per changed status, new items added, nothing deleted) and raise the plan's version; audited as draft.publish. write.conflict, with nothing written, if the draft or the plan changed since.",
  })
  async publishDraft(
    @Ctx() ctx: AppContext,
    @Arg("input", () => DraftVersionInput, { description: "The draft and its version as read." })
    input: DraftVersionInput,
  ): Promise<{ draft: PlanDraftRow; report: ImportReport }> {
    const { draft, report } = await ctx.services.draft.publish(
      ctx.identity,
      idOf(input.id, "PlanDraft"),
      input.expectedVersion,
    );
    return { draft, report: importReportOutput(report) };
  }

  @Mutation(() => PlanDraft, {
    description: "Discards an open draft: nothing of it will count. Audited as draft.discard.",
  })
  async discardDraft(
    @Ctx() ctx: AppContext,
    @Arg("input", () => DraftVersionInput, { description: "The draft and its version as read." })
    input: DraftVersionInput,
  ): Promise<PlanDraftRow> {
    return ctx.services.draft.discard(ctx.identity, idOf(input.id, "PlanDraft"), input.expectedVersion);
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() draft: PlanDraftRow): string {
    return toGlobalId("PlanDraft", draft.id);
  }

  @FieldResolver(() => String, { description: "Who imported it: the key's name." })
  createdBy(@Root() draft: PlanDraftRow): string {
    return draft.createdByName;
  }

  @FieldResolver(() => String, { description: "When it was imported (ISO 8601, UTC)." })
  createdAt(@Root() draft: PlanDraftRow): string {
    return new Date(draft.createdAt).toISOString();
  }

  @FieldResolver(() => String, { nullable: true, description: "When it was published or discarded (ISO 8601, UTC)." })
  closedAt(@Root() draft: PlanDraftRow): string | null {
    return draft.closedAt === null ? null : new Date(draft.closedAt).toISOString();
  }

  @FieldResolver(() => Council, { description: "The council whose plan it is." })
  async council(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return ctx.loaders.council.byId.load(draft.councilId);
  }

  @FieldResolver(() => PeerChallenge, {
    nullable: true,
    description: "The peer challenge it answers; null when publishing will create it.",
  })
  async peerChallenge(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext): Promise<PeerChallengeRow | null> {
    return draft.peerChallengeId === null ? null : ctx.loaders.peerChallenge.byId.load(draft.peerChallengeId);
  }

  @FieldResolver(() => SourceDocument, {
    nullable: true,
    description: "The source document publishing stored; null until published.",
  })
  async publishedDocument(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext): Promise<SourceDocumentRow | null> {
    return draft.publishedDocumentId === null ? null : ctx.loaders.sourceDocument.byId.load(draft.publishedDocumentId);
  }

  @FieldResolver(() => Float, { description: "The reader's overall confidence in the plan, from 0 to 1." })
  confidence(@Root() draft: PlanDraftRow): number {
    return storedReport(draft).confidence;
  }

  @FieldResolver(() => [String], { description: "Why the overall confidence is below 1." })
  confidenceReasons(@Root() draft: PlanDraftRow): string[] {
    return storedReport(draft).confidenceReasons;
  }

  @FieldResolver(() => [LowConfidenceField], {
    description:
      "Fields the reader was unsure of that still wait for a person: those of dropped rows, and fields an editor has set, are left out.",
  })
  async lowConfidence(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext) {
    return ctx.services.draft.lowConfidenceOf(draft);
  }

  @FieldResolver(() => ImportReport, {
    description:
      "The import report as read: the comparison with the plan at basePlanVersion, before any correction (what publishing did is in publishDraft's report).",
  })
  report(@Root() draft: PlanDraftRow): ImportReport {
    return importReportOutput(storedReport(draft), draft.id);
  }

  @FieldResolver(() => String, {
    description:
      "The document's text as read (for a PDF, DOCX or XLSX, the text extracted from it): the lines that every `line` of the draft counts, from 1, so a reviewer can see each field beside its source.",
  })
  async sourceText(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext): Promise<string> {
    return ctx.services.draft.sourceTextOf(draft.id);
  }

  @FieldResolver(() => [DraftRecommendation], {
    description: "Its recommendations in document order, dropped ones too.",
  })
  async recommendations(@Root() draft: PlanDraftRow, @Ctx() ctx: AppContext): Promise<DraftRecommendationRow[]> {
    return ctx.services.draft.recommendationsOf(draft.id);
  }
}

@Resolver(() => DraftRecommendation)
export class DraftRecommendationResolver {
  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() row: DraftRecommendationRow): string {
    return toGlobalId("DraftRecommendation", row.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "The council's position on it, as printed." })
  position(@Root() row: DraftRecommendationRow): string | null {
    return row.councilPosition;
  }

  @FieldResolver(() => DraftRecommendationConfidence, { description: "The reader's confidence per field." })
  confidence(@Root() row: DraftRecommendationRow): DraftRecommendationConfidence {
    return { reference: row.confidence["reference"] ?? 1, text: row.confidence["text"] ?? 1 };
  }

  @FieldResolver(() => [Theme], { description: "The sub-themes publishing will link it to." })
  async themes(@Root() row: DraftRecommendationRow, @Ctx() ctx: AppContext): Promise<ThemeRow[]> {
    const themes = await ctx.loaders.theme.byId.loadMany(row.themes.map((t) => t.themeId));
    return themes.filter((t): t is ThemeRow => t !== null && !(t instanceof Error));
  }

  @FieldResolver(() => [DraftAction], { description: "Its actions in order, dropped ones too." })
  async actions(@Root() row: DraftRecommendationRow, @Ctx() ctx: AppContext): Promise<DraftActionRow[]> {
    return ctx.services.draft.actionsOf([row.id]);
  }
}

@Resolver(() => DraftAction)
export class DraftActionResolver {
  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() row: DraftActionRow): string {
    return toGlobalId("DraftAction", row.id);
  }

  @FieldResolver(() => Target, { description: "The target as printed (or typed) and the deadline read from it." })
  target(@Root() row: DraftActionRow): Target {
    return { raw: row.targetRaw, deadline: row.deadline, precision: row.deadlinePrecision, milestones: row.milestones };
  }

  @FieldResolver(() => DraftActionConfidence, { description: "The reader's confidence per field." })
  confidence(@Root() row: DraftActionRow): DraftActionConfidence {
    const c = row.confidence;
    return { text: c["text"] ?? 1, lead: c["lead"] ?? 1, target: c["target"] ?? 1, status: c["status"] ?? 1 };
  }
}
