import type { Database } from "../../shared/database/database.js";
import type { VersionedWrite } from "../../shared/database/versioned-write.js";
import { AppError, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { optionalText, requiredText } from "../../shared/errors/input-guards.js";
import type { ActionEditRepository, ActionFields } from "../action/action-edit.repository.js";
import { correctionChanges } from "../action/action-edit.service.js";
import { writeAuditEvent } from "../audit/audit.writer.js";
import type { CouncilService } from "../council/council.service.js";
import { canEditCouncil, canSeeCouncilDrafts, isAdmin } from "../identity/authorization.policy.js";
import { authRequired, identityErrorCodes } from "../identity/identity.errors.js";
import type { Identity } from "../identity/identity.js";
import type { PlanDiff } from "../import/import.matcher.js";
import type { PlanRecommendation } from "../import/import.plan.js";
import type {
  ImportReport,
  ImportRequest,
  ImportService,
  LockedImport,
  ReadDocument,
  ReadImport,
} from "../import/import.service.js";
import { parseStatus } from "../import/normalise/status.normaliser.js";
import { parseTarget } from "../import/normalise/target.normaliser.js";
import type {
  RecommendationEditRepository,
  RecommendationFields,
} from "../recommendation/recommendation-edit.repository.js";
import { recommendationChanges } from "../recommendation/recommendation-edit.service.js";
import { handThemeLinks } from "../theme/theme.hand-links.js";
import type { ThemeRow } from "../theme/theme.table.js";
import type { ThemeRepository } from "../theme/theme.repository.js";
import { draftClosed, draftNotFound, draftAlreadyOpen } from "./draft.errors.js";
import type {
  DraftActionPatch,
  DraftRecommendationPatch,
  DraftRepository,
  NewDraftRecommendation,
} from "./draft.repository.js";
import type { DraftActionRow, DraftRecommendationRow, PlanDraftRow } from "./plan-draft.table.js";
import type { DraftStatusValue } from "./draft.values.js";
import { draftLowConfidence, type DraftLowConfidence } from "./draft.review.js";

/** An import's answer: the report, and the draft it opened (null when it wrote directly or nothing). */
export interface DraftImportResult {
  /** The plan as read (the CLI's --json prints it). */
  plan: ReadDocument["plan"];
  report: ImportReport;
  draftId: number | null;
}

export interface DraftRecommendationEdit {
  id: number;
  expectedVersion: number;
  title?: string | null | undefined;
  text?: string | undefined;
  /** Sub-theme codes (priorities-outcomes.performance-data); replaces the rules' links with an editor's. */
  themes?: readonly string[] | undefined;
  dropped?: boolean | undefined;
}

export interface DraftActionEdit {
  id: number;
  expectedVersion: number;
  text?: string | undefined;
  lead?: string | null | undefined;
  /** The target as it would be printed ("March 2026"), read by the importer's own rules. */
  target?: string | null | undefined;
  /** The status as it would be printed ("Complete", "Amber"), read by the importer's own rules. */
  status?: string | null | undefined;
  dropped?: boolean | undefined;
}

/**
 * Imports as drafts, their review and their publishing. Every write runs under the council's
 * import lock, so an edit, a publish and an import of the same council never interleave.
 */
export class DraftService {
  constructor(
    private readonly drafts: DraftRepository,
    private readonly imports: ImportService,
    private readonly councils: CouncilService,
    private readonly themes: ThemeRepository,
    /** Plan edits over a given transaction: a publish corrects held actions inside its own. */
    private readonly actionEdits: (tx: Database) => ActionEditRepository,
    /** The same for held recommendations. */
    private readonly recommendationEdits: (tx: Database) => RecommendationEditRepository,
  ) {}

  /**
   * importPlan: a draft, unless an admin asks to publish at once (`publish`). Anonymous callers
   * get auth.required; keys that may not edit the council auth.forbidden, since councils are public.
   */
  async importPlan(identity: Identity, request: ImportRequest, publish: boolean): Promise<DraftImportResult> {
    if (identity.kind !== "key") throw authRequired("importPlan");
    const council = await this.imports.council(request.councilGss);
    if (!canEditCouncil(identity, council.id)) {
      throw new AppError(
        identityErrorCodes.forbidden,
        `This key may not import plans for ${council.name}: editors import their own councils' plans`,
        { argument: "input.council" },
      );
    }
    if (publish && !isAdmin(identity)) {
      throw new AppError(
        identityErrorCodes.forbidden,
        "Only an admin may publish an import directly; editors publish a reviewed draft (publishDraft)",
        { argument: "input.publish" },
      );
    }
    const read = await this.imports.read(request);
    if (publish || request.dryRun) {
      const { report } = await this.imports.applyRead(read, request.dryRun ?? false, identity);
      return { plan: read.plan, report, draftId: null };
    }
    return this.imports.locked(council.id, async (step) => {
      const compared = await step.compare(read);
      // The same content imported before: nothing to review, as nothing would change.
      if (compared.unchanged) return { plan: read.plan, report: compared.report, draftId: null };
      const drafts = this.drafts.within(step.tx);
      const open = await drafts.findOpen(
        council.id,
        compared.challenge ? { id: compared.challenge.id } : { heldOn: read.challengeHeldOn },
      );
      if (open !== null) throw draftAlreadyOpen(open);
      const draft = await drafts.insert(
        {
          councilId: council.id,
          peerChallengeId: compared.challenge?.id ?? null,
          challengeHeldOn: read.challengeHeldOn,
          basePlanVersion: compared.challenge?.planVersion ?? null,
          createdByKeyId: identity.keyId,
          createdByName: identity.name,
          ...read.document,
          report: { ...compared.report },
        },
        draftRows(read),
      );
      await writeAuditEvent(step.tx, identity, {
        operation: "draft.create",
        objectType: "PlanDraft",
        objectId: draft.id,
        councilId: council.id,
        before: null,
        after: summary(draft),
      });
      return { plan: read.plan, report: compared.report, draftId: draft.id };
    });
  }

  /** A draft the identity may see, else null (exactly as for an id that names nothing). */
  async findAs(identity: Identity, id: number): Promise<PlanDraftRow | null> {
    const draft = await this.drafts.findById(id);
    return draft !== null && canSeeCouncilDrafts(identity, draft.councilId) ? draft : null;
  }

  async findRecommendationAs(identity: Identity, id: number): Promise<DraftRecommendationRow | null> {
    const row = await this.drafts.findRecommendation(id);
    return row !== null && (await this.findAs(identity, row.draftId)) !== null ? row : null;
  }

  async findActionAs(identity: Identity, id: number): Promise<DraftActionRow | null> {
    const row = await this.drafts.findAction(id);
    return row !== null && (await this.findAs(identity, row.draftId)) !== null ? row : null;
  }

  /** A council's drafts, newest first; empty for anyone who may not see them. */
  async listAs(identity: Identity, councilGss: string, status: DraftStatusValue | null): Promise<PlanDraftRow[]> {
    const [council] = await this.councils.requireByGss([councilGss], "council");
    if (!council || !canSeeCouncilDrafts(identity, council.id)) return [];
    return this.drafts.findByCouncil(council.id, status);
  }

  // Rows of a draft already shown to the identity: the draft's own visibility covers them.
  /** The document's stored text, which every `line` of the draft points into. */
  async sourceTextOf(draftId: number): Promise<string> {
    const document = await this.drafts.findDocument(draftId);
    if (document === null) throw new Error(`draft ${draftId} lost its document`);
    return document.content;
  }

  recommendationsOf(draftId: number): Promise<DraftRecommendationRow[]> {
    return this.drafts.recommendations(draftId);
  }

  actionsOf(recommendationIds: readonly number[]): Promise<DraftActionRow[]> {
    return this.drafts.actions(recommendationIds);
  }

  async lowConfidenceOf(draft: PlanDraftRow, drafts: DraftRepository = this.drafts): Promise<DraftLowConfidence[]> {
    const recommendations = await drafts.recommendations(draft.id);
    const actions = await drafts.actions(recommendations.map((r) => r.id));
    return draftLowConfidence(report(draft).lowConfidence, recommendations, actions);
  }

  async updateRecommendation(identity: Identity, edit: DraftRecommendationEdit): Promise<PlanDraftRow> {
    const row = await this.visibleRow(identity, () => this.drafts.findRecommendation(edit.id));
    const patch: DraftRecommendationPatch = {};
    const reviewed = new Set(row.reviewed);
    const confidence = { ...row.confidence };
    if (edit.title !== undefined) {
      patch.title = edit.title === null ? null : optionalText(edit.title, "input.title");
      reviewed.add("title");
    }
    if (edit.text !== undefined) {
      patch.text = requiredText(edit.text, "input.text");
      reviewed.add("text");
      confidence["text"] = 1;
    }
    if (edit.themes !== undefined) {
      patch.themes = handThemeLinks(await this.themes.findAll(), edit.themes, "input.themes");
      reviewed.add("themes");
    }
    if (edit.dropped !== undefined) patch.dropped = edit.dropped;
    Object.assign(patch, { reviewed: [...reviewed], confidence });
    return this.editRow(identity, edit.expectedVersion, row, patch, "DraftRecommendation", (drafts) =>
      drafts.updateRecommendation(row.id, patch),
    );
  }

  async updateAction(identity: Identity, edit: DraftActionEdit): Promise<PlanDraftRow> {
    const row = await this.visibleRow(identity, () => this.drafts.findAction(edit.id));
    const patch: DraftActionPatch = {};
    const reviewed = new Set(row.reviewed);
    const confidence = { ...row.confidence };
    const mark = (field: string) => {
      reviewed.add(field);
      confidence[field] = 1;
    };
    if (edit.text !== undefined) {
      patch.text = requiredText(edit.text, "input.text");
      mark("text");
    }
    if (edit.lead !== undefined) {
      patch.lead = edit.lead === null ? null : optionalText(edit.lead, "input.lead");
      mark("lead");
    }
    if (edit.target !== undefined) {
      const target = parseTarget(edit.target === null ? null : optionalText(edit.target, "input.target"));
      Object.assign(patch, {
        targetRaw: target.raw,
        deadline: target.deadline,
        deadlinePrecision: target.precision,
        milestones: target.milestones,
      });
      mark("target");
    }
    if (edit.status !== undefined) {
      const phrase = edit.status === null ? null : optionalText(edit.status, "input.status");
      const status = phrase === null ? null : parseStatus(phrase);
      Object.assign(patch, {
        status: status?.status ?? null,
        statusText: status?.text ?? null,
        rag: status?.rag ?? null,
      });
      mark("status");
    }
    if (edit.dropped !== undefined) patch.dropped = edit.dropped;
    Object.assign(patch, { reviewed: [...reviewed], confidence });
    return this.editRow(identity, edit.expectedVersion, row, patch, "DraftAction", (drafts) =>
      drafts.updateAction(row.id, patch),
    );
  }

  /** Discards an open draft: nothing of it will count. */
  async discard(identity: Identity, id: number, expectedVersion: number): Promise<PlanDraftRow> {
    const draft = await this.visibleDraft(identity, id);
    return this.imports.locked(draft.councilId, async ({ tx }) => {
      const drafts = this.drafts.within(tx);
      const closed = (await drafts.close(id, expectedVersion, "DISCARDED", null)) ?? (await refusal(drafts, id));
      await writeAuditEvent(tx, identity, {
        operation: "draft.discard",
        objectType: "PlanDraft",
        objectId: id,
        councilId: draft.councilId,
        before: summary(draft),
        after: summary(closed),
      });
      return closed;
    });
  }

  /**
   * Publishes an open draft: its kept rows go through the importer's own apply step, in one
   * transaction with the draft's closing. A draft compared with a plan that has changed since
   * (another import, an edit, a progress update) is refused with write.conflict, nothing written.
   */
  async publish(
    identity: Identity,
    id: number,
    expectedVersion: number,
  ): Promise<{ draft: PlanDraftRow; report: ImportReport }> {
    const visible = await this.visibleDraft(identity, id);
    const [council] = await this.councils.listByIds([visible.councilId]);
    if (council === undefined) throw new Error(`draft ${id} lost its council`);
    const taxonomy = await this.themes.findAll();
    return this.imports.locked(visible.councilId, async (step) => {
      // Everything from here reads through the transaction: PGlite has one connection, which it holds.
      const drafts = this.drafts.within(step.tx);
      const draft = await drafts.findById(id);
      if (draft === null || draft.status !== "OPEN" || draft.version !== expectedVersion) await refusal(drafts, id);
      const read = await this.readDraft(drafts, visible, council);
      const compared = await step.compare(read);
      const sameChallenge =
        visible.peerChallengeId === null
          ? compared.challenge === undefined
          : compared.challenge?.id === visible.peerChallengeId &&
            compared.challenge.planVersion === visible.basePlanVersion;
      if (!sameChallenge) {
        throw new AppError(
          sharedErrorCodes.writeConflict,
          "The plan has changed since this draft was imported: discard it and import the document again",
          { argument: "expectedVersion" },
        );
      }
      const report = compared.unchanged ? compared.report : await write(step, read, compared);
      const correctedRecommendations = await this.correctHeldRecommendations(step.tx, drafts, id, identity, {
        pairs: compared.diff.recommendationPairs,
        taxonomy,
      });
      const correctedActions = await this.correctHeldActions(step.tx, drafts, id, identity, compared.diff.actionPairs);
      const closed = await drafts.close(id, expectedVersion, "PUBLISHED", report.sourceDocumentId);
      if (closed === null) return refusal(drafts, id);
      await writeAuditEvent(step.tx, identity, {
        operation: "draft.publish",
        objectType: "PlanDraft",
        objectId: id,
        councilId: visible.councilId,
        before: summary(visible),
        after: {
          ...summary(closed),
          sourceDocumentId: report.sourceDocumentId,
          addedRecommendations: report.addedRecommendations,
          addedActions: report.addedActions,
          statusChanges: report.statusChanges,
          correctedRecommendations,
          correctedActions,
        },
      });
      return { draft: closed, report };
    });
  }

  /**
   * Applies a person's corrections (title, text, theme links in `reviewed`) of kept draft rows
   * matched to held recommendations, as updateRecommendation would. Returns the ids corrected.
   */
  private async correctHeldRecommendations(
    tx: Database,
    drafts: DraftRepository,
    draftId: number,
    by: Identity,
    { pairs, taxonomy }: { pairs: PlanDiff["recommendationPairs"]; taxonomy: readonly ThemeRow[] },
  ): Promise<number[]> {
    const rows = (await drafts.recommendations(draftId)).filter((r) => !r.dropped);
    const edits = this.recommendationEdits(tx);
    const corrected: number[] = [];
    for (const pair of pairs) {
      const row = rows.find((r) => r.reference === pair.reference);
      if (row === undefined) continue;
      const asDrafted: RecommendationFields = {};
      if (row.reviewed.includes("title")) asDrafted.title = row.title;
      if (row.reviewed.includes("text")) asDrafted.text = row.text;
      if (row.reviewed.includes("themes"))
        asDrafted.themes = row.themes.map((l) => ({ themeId: l.themeId, method: "HAND", confidence: 1, matched: [] }));
      if (Object.keys(asDrafted).length === 0) continue;
      const place = await edits.findPlace(pair.recommendationId);
      if (place === null) throw new Error(`matched recommendation ${pair.recommendationId} is not held`);
      const reason = `corrected in draft ${draftId}`;
      const changes = recommendationChanges(
        place.recommendation,
        await edits.findLinks(place.recommendation.id),
        asDrafted,
        taxonomy,
      );
      if (changes.length === 0) continue;
      const changed = new Set(changes.map((c) => c.field));
      const fields: RecommendationFields = Object.fromEntries(
        Object.entries(asDrafted).filter(([field]) => changed.has(field)),
      );
      conflictUnlessWritten(
        await edits.correctWithin(
          place,
          fields,
          changes.map((c) => ({ ...c, reason })),
          by,
        ),
        "A recommendation",
      );
      corrected.push(place.recommendation.id);
    }
    return corrected;
  }

  /**
   * Applies a person's corrections (text, lead, target in `reviewed`) of kept draft rows matched to
   * held actions, as updateAction would: the re-import rules keep a matched action as first read, but
   * publishing must change exactly what the draft showed. Returns the ids of the actions corrected.
   */
  private async correctHeldActions(
    tx: Database,
    drafts: DraftRepository,
    draftId: number,
    by: Identity,
    pairs: PlanDiff["actionPairs"],
  ): Promise<number[]> {
    const recommendations = (await drafts.recommendations(draftId)).filter((r) => !r.dropped);
    const actions = (await drafts.actions(recommendations.map((r) => r.id))).filter((a) => !a.dropped);
    const referenceOf = new Map(recommendations.map((r) => [r.id, r.reference]));
    const edits = this.actionEdits(tx);
    const corrected: number[] = [];
    for (const pair of pairs) {
      const row = actions.find(
        (a) => referenceOf.get(a.draftRecommendationId) === pair.reference && a.order === pair.order,
      );
      if (row === undefined) continue;
      const asDrafted: ActionFields = {};
      if (row.reviewed.includes("text")) asDrafted.text = row.text;
      if (row.reviewed.includes("lead")) asDrafted.lead = row.lead;
      // Read again by the rules updateAction uses, so a publish and an edit store the same deadline.
      if (row.reviewed.includes("target")) asDrafted.target = parseTarget(row.targetRaw);
      if (Object.keys(asDrafted).length === 0) continue;
      const place = await edits.findPlace(pair.actionId);
      if (place === null) throw new Error(`matched action ${pair.actionId} is not held`);
      const changes = correctionChanges(place.action, asDrafted);
      if (changes.length === 0) continue;
      const changed = new Set(changes.map((c) => c.field));
      const fields: ActionFields = {
        ...(changed.has("text") ? { text: asDrafted.text } : {}),
        ...(changed.has("lead") ? { lead: asDrafted.lead } : {}),
        ...(changed.has("target") ? { target: asDrafted.target } : {}),
      };
      const reason = `corrected in draft ${draftId}`;
      conflictUnlessWritten(
        await edits.correctWithin(
          place,
          fields,
          changes.map((c) => ({ ...c, reason })),
          by,
        ),
        "An action",
      );
      corrected.push(place.action.id);
    }
    return corrected;
  }

  /** The plan a draft stands for now: its kept rows as edited, with its document. */
  private async readDraft(
    drafts: DraftRepository,
    draft: PlanDraftRow,
    council: ReadImport["council"],
  ): Promise<ReadImport> {
    const document = await drafts.findDocument(draft.id);
    const recommendations = (await drafts.recommendations(draft.id)).filter((r) => !r.dropped);
    const actions = (await drafts.actions(recommendations.map((r) => r.id))).filter((a) => !a.dropped);
    const stored = report(draft);
    if (document === null) throw new Error(`draft ${draft.id} lost its document`);
    const plan: PlanRecommendation[] = recommendations.map((r) => ({
      reference: r.reference,
      order: r.order,
      kind: r.kind,
      title: r.title,
      text: r.text,
      position: r.councilPosition,
      accountable: r.accountable,
      responsible: r.responsible,
      themeLabel: r.themeLabel,
      line: r.line,
      actions: actions
        .filter((a) => a.draftRecommendationId === r.id)
        .map((a) => ({
          order: a.order,
          text: a.text,
          lead: a.lead,
          target: {
            raw: a.targetRaw,
            deadline: a.deadline,
            precision: a.deadlinePrecision,
            milestones: a.milestones,
          },
          status:
            a.status === null || a.statusText === null ? null : { status: a.status, text: a.statusText, rag: a.rag },
          update: a.update,
          line: a.line,
        })),
    }));
    return {
      council,
      plan: {
        format: stored.format,
        layout: stored.layout as ReadDocument["plan"]["layout"],
        title: stored.title,
        recommendations: plan,
        warnings: stored.warnings,
        unplaced: stored.unplaced,
        confidence: { overall: stored.confidence, reasons: stored.confidenceReasons },
        lowConfidence: await this.lowConfidenceOf(draft, drafts),
      },
      themeLinks: new Map(recommendations.map((r) => [r.reference, r.themes])),
      document: {
        filename: draft.filename,
        contentHash: draft.contentHash,
        format: stored.format,
        layout: draft.layout,
        title: draft.title,
        byteSize: draft.byteSize,
        content: document.content,
        original: document.original,
        recordedOn: draft.recordedOn,
      },
      challengeHeldOn: draft.challengeHeldOn,
    };
  }

  /**
   * Raises the draft's version from `expectedVersion` and changes one row in the same transaction,
   * audited as draft.update_recommendation or draft.update_action with the fields before and after.
   */
  private async editRow<R extends { id: number; draftId: number }>(
    identity: Identity,
    expectedVersion: number,
    row: R,
    patch: object,
    objectType: "DraftRecommendation" | "DraftAction",
    change: (drafts: DraftRepository) => Promise<object>,
  ): Promise<PlanDraftRow> {
    const visible = await this.visibleDraft(identity, row.draftId);
    return this.imports.locked(visible.councilId, async ({ tx }) => {
      const drafts = this.drafts.within(tx);
      const bumped = (await drafts.bumpVersion(row.draftId, expectedVersion)) ?? (await refusal(drafts, row.draftId));
      const after = await change(drafts);
      const fields = Object.keys(patch);
      await writeAuditEvent(tx, identity, {
        operation: objectType === "DraftAction" ? "draft.update_action" : "draft.update_recommendation",
        objectType,
        objectId: row.id,
        councilId: visible.councilId,
        before: pick(row, fields),
        after: pick(after, fields),
      });
      return bumped;
    });
  }

  private async visibleDraft(identity: Identity, id: number): Promise<PlanDraftRow> {
    if (identity.kind !== "key") throw authRequired("Changing a draft");
    const draft = await this.findAs(identity, id);
    if (draft === null) throw draftNotFound("this ID");
    return draft;
  }

  private async visibleRow<R extends { draftId: number }>(
    identity: Identity,
    find: () => Promise<R | null>,
  ): Promise<R> {
    if (identity.kind !== "key") throw authRequired("Changing a draft");
    const row = await find();
    if (row === null || (await this.findAs(identity, row.draftId)) === null) throw draftNotFound("a row with this ID");
    return row;
  }
}

function write(step: LockedImport, read: ReadImport, compared: Awaited<ReturnType<LockedImport["compare"]>>) {
  // The draft's own audit event (draft.publish) says who published: no second plan.import event.
  return step.write(read, compared, null);
}

/** A publish's correction of a held object that changed while the publish ran: the whole publish is refused. */
function conflictUnlessWritten(result: VersionedWrite<unknown>, what: string): void {
  if (!result.ok)
    throw new AppError(
      sharedErrorCodes.writeConflict,
      `${what} this draft corrects has changed while it was published: read the draft again and publish`,
      { argument: "expectedVersion" },
    );
}

/** Why a versioned write to a draft matched nothing: closed, or changed since it was read. */
async function refusal(drafts: DraftRepository, id: number): Promise<never> {
  const draft = await drafts.findById(id);
  if (draft === null) throw draftNotFound("this ID");
  if (draft.status !== "OPEN") throw draftClosed(draft.status);
  throw new AppError(
    sharedErrorCodes.writeConflict,
    `The draft is at version ${draft.version}: it changed since it was read; read it again`,
    { argument: "input.expectedVersion" },
  );
}

function report(draft: PlanDraftRow): ImportReport {
  return draft.report as unknown as ImportReport;
}

function summary(draft: PlanDraftRow) {
  return {
    status: draft.status,
    version: draft.version,
    filename: draft.filename,
    contentHash: draft.contentHash,
    peerChallengeId: draft.peerChallengeId,
    basePlanVersion: draft.basePlanVersion,
  };
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, values[k]]));
}

/** The reader's plan as draft rows, every field with its confidence. */
function draftRows(read: ReadDocument): NewDraftRecommendation[] {
  return read.plan.recommendations.map((r) => ({
    reference: r.reference,
    order: r.order,
    kind: r.kind,
    title: r.title,
    text: r.text,
    councilPosition: r.position,
    accountable: r.accountable,
    responsible: r.responsible,
    themeLabel: r.themeLabel,
    line: r.line,
    confidence: { ...r.confidence },
    themes: read.themeLinks.get(r.reference) ?? [],
    actions: r.actions.map((a) => ({
      order: a.order,
      text: a.text,
      lead: a.lead,
      targetRaw: a.target.raw,
      deadline: a.target.deadline,
      deadlinePrecision: a.target.precision,
      milestones: a.target.milestones,
      status: a.status?.status ?? null,
      statusText: a.status?.text ?? null,
      rag: a.status?.rag ?? null,
      update: a.update,
      line: a.line,
      confidence: { ...a.confidence },
    })),
  }));
}
