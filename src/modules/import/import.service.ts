import { createHash } from "node:crypto";
import { checkText } from "../../shared/errors/input-guards.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import type { CouncilService } from "../council/council.service.js";
import { applyOverrides, classifyRecommendation } from "../theme/theme.classifier.js";
import type { ThemeRepository } from "../theme/theme.repository.js";
import type { ThemeOverrides, ThemeRules } from "../theme/theme.taxonomy.js";
import { invalidImportOption } from "./import.errors.js";
import { diffPlan, type PlanDiff } from "./import.matcher.js";
import type { DocumentFormat } from "./document/document.model.js";
import type { LowConfidenceField, PlanRecommendation, PlanWarning, ReadPlan } from "./import.plan.js";
import type { ImportRepository, NewPeerChallenge, ThemeLinkToSave } from "./import.repository.js";
import { PlanParseError } from "./parsers/parse.errors.js";
import { readPlanDocument } from "./reader/plan.reader.js";

/** Formats whose stored text is an extraction: the original bytes are kept beside it. */
const binaryFormats: readonly DocumentFormat[] = ["PDF", "DOCX", "XLSX"];

export interface ImportRequest {
  /** The document as published, any format: the content decides how it is read. */
  content: Uint8Array;
  /** The name it came with: stored, and a hint to the reader where the content cannot tell (CSV or text). */
  filename: string;
  councilGss: string;
  /** The CPC's first day on site: picks (or creates) that challenge; else the council's latest. */
  challengeHeldOn?: string | null;
  /** The day the document's statuses were true. */
  recordedOn: string;
  dryRun?: boolean;
  /** What a new challenge is created with, beyond its date (the seed manifest knows more than the CLI). */
  challengeDetails?: Omit<NewPeerChallenge, "councilId" | "heldOn">;
}

export type ImportOutcome = "CREATED" | "UPDATED" | "UNCHANGED";

export interface ImportReport {
  filename: string;
  councilGss: string;
  format: DocumentFormat;
  layout: string;
  title: string | null;
  /** The plan's overall confidence, 0 to 1. */
  confidence: number;
  /** Why the overall confidence is below 1. */
  confidenceReasons: string[];
  /** Fields read with low confidence, for a person to check. */
  lowConfidence: LowConfidenceField[];
  outcome: ImportOutcome;
  dryRun: boolean;
  contentHash: string;
  peerChallengeId: number | null;
  sourceDocumentId: number | null;
  recommendations: number;
  actions: number;
  addedRecommendations: number;
  addedActions: number;
  statusChanges: number;
  matchedRecommendations: number;
  matchedActions: number;
  disappearedRecommendations: { reference: string; text: string }[];
  disappearedActions: { reference: string; order: number; text: string }[];
  warnings: PlanWarning[];
  unplaced: { line: number; text: string }[];
}

export interface ImportResult {
  plan: ReadPlan;
  report: ImportReport;
}

export interface ImportLimits {
  /** Largest document accepted, in bytes of the original (IMPORT_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
}

/** Reads a document, matches it to what is held and writes the difference in one transaction. */
export class ImportService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly councils: CouncilService,
    private readonly themes: ThemeRepository,
    private readonly rules: ThemeRules,
    private readonly overrides: ThemeOverrides,
    private readonly limits: ImportLimits,
  ) {}

  async importPlan(request: ImportRequest): Promise<ImportResult> {
    if (!isIsoDate(request.recordedOn)) {
      throw invalidImportOption(
        "recordedOn",
        `recordedOn must be a calendar date as YYYY-MM-DD, got "${request.recordedOn}"`,
      );
    }
    if (request.challengeHeldOn != null && !isIsoDate(request.challengeHeldOn)) {
      throw invalidImportOption(
        "challenge",
        `challenge must be a calendar date as YYYY-MM-DD, got "${request.challengeHeldOn}"`,
      );
    }
    checkText(request.filename, "filename");
    // Before any reading: a reader's own limits bound its work, this bounds what reaches it.
    if (request.content.byteLength > this.limits.maxDocumentBytes) {
      throw new PlanParseError(
        "import.too_large",
        `The document is ${request.content.byteLength} bytes; at most ${this.limits.maxDocumentBytes} are accepted (IMPORT_MAX_DOCUMENT_BYTES)`,
      );
    }
    const [council] = await this.councils.requireByGss([request.councilGss], "council");
    if (!council) throw invalidImportOption("council", "council is required");
    const plan = await readPlanDocument(request.content, { filename: request.filename });
    const contentHash = createHash("sha256").update(request.content).digest("hex");
    // Classified before the transaction: the rules are pure and need no lock.
    const themeLinks = await this.classify(council.gssCode, plan.recommendations);
    return this.imports.exclusive(council.id, async (imports) => {
      const challenge = await imports.findChallenge(council.id, request.challengeHeldOn ?? null);
      const held = challenge ? await imports.loadHeld(challenge.id, request.recordedOn) : [];
      const unchanged = challenge ? await imports.documentExists(challenge.id, contentHash) : false;
      const diff = unchanged
        ? emptyDiff(
            held.length,
            held.reduce((n, r) => n + r.actions.length, 0),
          )
        : diffPlan(held, plan.recommendations);

      const report: ImportReport = {
        filename: request.filename,
        councilGss: council.gssCode,
        format: plan.format,
        layout: plan.layout,
        title: plan.title,
        confidence: plan.confidence.overall,
        confidenceReasons: plan.confidence.reasons,
        lowConfidence: plan.lowConfidence,
        outcome: unchanged ? "UNCHANGED" : challenge && held.length > 0 ? "UPDATED" : "CREATED",
        dryRun: request.dryRun ?? false,
        contentHash,
        peerChallengeId: challenge?.id ?? null,
        sourceDocumentId: null,
        recommendations: plan.recommendations.length,
        actions: plan.recommendations.reduce((n, r) => n + r.actions.length, 0),
        addedRecommendations: diff.newRecommendations.length,
        addedActions: diff.newActions.length + diff.newRecommendations.reduce((n, r) => n + r.actions.length, 0),
        statusChanges: diff.statusChanges.length,
        matchedRecommendations: diff.matchedRecommendations,
        matchedActions: diff.matchedActions,
        disappearedRecommendations: diff.disappearedRecommendations,
        disappearedActions: diff.disappearedActions,
        warnings: plan.warnings,
        unplaced: plan.unplaced,
      };
      if (unchanged || report.dryRun) return { plan, report };

      const saved = await imports.persist({
        challenge: challenge
          ? { id: challenge.id }
          : {
              insert: {
                title: `Corporate Peer Challenge: ${council.name}`,
                ...request.challengeDetails,
                councilId: council.id,
                heldOn: request.challengeHeldOn ?? null,
                ...(request.challengeHeldOn != null && !request.challengeDetails?.heldOnPrecision
                  ? { heldOnPrecision: "DAY" as const }
                  : {}),
              },
            },
        document: {
          councilId: council.id,
          filename: request.filename,
          contentHash,
          format: plan.format,
          layout: plan.layout,
          title: plan.title,
          byteSize: request.content.byteLength,
          content: plan.text,
          original: binaryFormats.includes(plan.format) ? request.content : null,
          recordedOn: request.recordedOn,
        },
        diff,
        themeLinks,
      });
      return {
        plan,
        report: { ...report, peerChallengeId: saved.peerChallengeId, sourceDocumentId: saved.sourceDocumentId },
      };
    });
  }

  private async classify(
    councilGss: string,
    recommendations: PlanRecommendation[],
  ): Promise<Map<string, ThemeLinkToSave[]>> {
    const themeIds = new Map((await this.themes.findAll()).map((t) => [t.code, t.id]));
    const links = new Map<string, ThemeLinkToSave[]>();
    for (const rec of recommendations) {
      const ruled = classifyRecommendation(
        { text: rec.text, title: rec.title, themeLabel: rec.themeLabel, actions: rec.actions.map((a) => a.text) },
        this.rules,
      );
      const final = applyOverrides({ councilGss, reference: rec.reference }, ruled, this.overrides);
      links.set(
        rec.reference,
        final.flatMap((l) => {
          const themeId = themeIds.get(l.subThemeCode);
          // The taxonomy is seeded before any import; a missing code means seeds and rules disagree.
          if (themeId === undefined) throw new Error(`theme ${l.subThemeCode} is not in the database`);
          return [{ themeId, method: l.source, confidence: l.confidence, matched: l.matched }];
        }),
      );
    }
    return links;
  }
}

function emptyDiff(matchedRecommendations: number, matchedActions: number): PlanDiff {
  return {
    newRecommendations: [],
    newActions: [],
    statusChanges: [],
    matchedRecommendations,
    matchedActions,
    disappearedRecommendations: [],
    disappearedActions: [],
  };
}
