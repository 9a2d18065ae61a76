import { createHash } from "node:crypto";
import { checkText } from "../../shared/errors/input-guards.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import type { Database } from "../../shared/database/database.js";
import { writeAuditEvent } from "../audit/audit.writer.js";
import type { CouncilRow } from "../council/council.table.js";
import type { CouncilService } from "../council/council.service.js";
import type { Identity } from "../identity/identity.js";
import { bumpPlanVersion } from "../peer-challenge/plan-version.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { applyOverrides, classifyRecommendation } from "../theme/theme.classifier.js";
import type { ThemeRepository } from "../theme/theme.repository.js";
import type { ThemeOverrides, ThemeRules } from "../theme/theme.taxonomy.js";
import { invalidImportOption } from "./import.errors.js";
import { diffPlan, type PlanDiff } from "./import.matcher.js";
import type { DocumentFormat } from "./document/document.model.js";
import type { LowConfidenceField, PlanRecommendation, PlanWarning, ReadPlan } from "./import.plan.js";
import type { ImportRepository, NewPeerChallenge, PersistImport, ThemeLinkToSave } from "./import.repository.js";
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

/** The document as the importer stores it with the plan (source_documents, less its challenge). */
export type StoredDocument = Omit<PersistImport["document"], "councilId">;

/** What the apply step needs of a plan: the reader's, or one a person reviewed as a draft. */
export type PlanToApply = Omit<ReadPlan, "recommendations" | "text"> & { recommendations: PlanRecommendation[] };

/** A document read and classified, ready to compare and write: no database has been touched. */
export interface ReadImport {
  council: Pick<CouncilRow, "id" | "gssCode" | "name">;
  plan: PlanToApply;
  /** Theme links for each recommendation, by its reference. */
  themeLinks: Map<string, ThemeLinkToSave[]>;
  document: StoredDocument;
  challengeHeldOn: string | null;
  challengeDetails?: ImportRequest["challengeDetails"];
}

/** A plan just read from its document, with every field's confidence and the reader's evidence. */
export type ReadDocument = Omit<ReadImport, "plan"> & { plan: ReadPlan };

/** A read plan compared with the plan held, under the council's lock. */
export interface ComparedImport {
  challenge: PeerChallengeRow | undefined;
  diff: PlanDiff;
  /** True when this exact content was imported for the challenge before: nothing to write. */
  unchanged: boolean;
  report: ImportReport;
}

/** What a step run under a council's import lock may do, inside the one transaction. */
export interface LockedImport {
  /** The transaction, for writes beside the plan (a draft, an audit event). */
  tx: Database;
  compare(read: ReadImport, options?: { dryRun?: boolean }): Promise<ComparedImport>;
  /**
   * Writes the difference by today's re-import rules (matching, a progress update per changed
   * status, new items added, nothing deleted), raises the plan version, and audits it when `by`
   * is given. Returns the report with what was written.
   */
  write(read: ReadImport, compared: ComparedImport, by: Identity | null): Promise<ImportReport>;
}

/**
 * Reads a document, matches it to what is held and writes the difference in one transaction.
 * Reading and applying are separate steps, so that a draft can be read now and applied on publish.
 */
export class ImportService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly councils: CouncilService,
    private readonly themes: ThemeRepository,
    private readonly rules: ThemeRules,
    private readonly overrides: ThemeOverrides,
    private readonly limits: ImportLimits,
  ) {}

  /**
   * The direct path (seeding, `npm run import -- --publish`, an admin's `publish: true`): read,
   * compare and write at once. `by` is audited as `plan.import`; seeding passes none.
   */
  async importPlan(request: ImportRequest, by: Identity | null = null): Promise<ImportResult> {
    const read = await this.read(request);
    return this.applyRead(read, request.dryRun ?? false, by);
  }

  /** Compares and writes a plan already read (by `read`). */
  async applyRead(read: ReadDocument, dryRun: boolean, by: Identity | null): Promise<ImportResult> {
    return this.locked(read.council.id, async (step) => {
      const compared = await step.compare(read, { dryRun });
      if (compared.unchanged || compared.report.dryRun) return { plan: read.plan, report: compared.report };
      return { plan: read.plan, report: await step.write(read, compared, by) };
    });
  }

  /** Checks the request and reads the document: the plan with its confidences, and its theme links. */
  async read(request: ImportRequest): Promise<ReadDocument> {
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
    const council = await this.council(request.councilGss);
    const plan = await readPlanDocument(request.content, { filename: request.filename });
    return {
      council,
      plan,
      // Classified before any transaction: the rules are pure and need no lock.
      themeLinks: await this.classify(council.gssCode, plan.recommendations),
      document: {
        filename: request.filename,
        contentHash: createHash("sha256").update(request.content).digest("hex"),
        format: plan.format,
        layout: plan.layout,
        title: plan.title,
        byteSize: request.content.byteLength,
        content: plan.text,
        original: binaryFormats.includes(plan.format) ? request.content : null,
        recordedOn: request.recordedOn,
      },
      challengeHeldOn: request.challengeHeldOn ?? null,
      ...(request.challengeDetails ? { challengeDetails: request.challengeDetails } : {}),
    };
  }

  /** The council an import names, or invalid_option on `council`. */
  async council(gss: string): Promise<CouncilRow> {
    const [council] = await this.councils.requireByGss([gss], "council");
    if (!council) throw invalidImportOption("council", "council is required");
    return council;
  }

  /**
   * Runs `work` in one transaction holding the council's import lock, so that two imports (or an
   * import and a publish) for the same council cannot both create its challenge or both append
   * the same status change.
   */
  async locked<T>(councilId: number, work: (step: LockedImport) => Promise<T>): Promise<T> {
    return this.imports.exclusive(councilId, (imports, tx) =>
      work({
        tx,
        compare: (read, options) => compare(imports, read, options?.dryRun ?? false),
        write: async (read, compared, by) => {
          const saved = await imports.persist({
            challenge: compared.challenge ? { id: compared.challenge.id } : { insert: newChallenge(read) },
            document: { ...read.document, councilId: read.council.id },
            diff: compared.diff,
            themeLinks: read.themeLinks,
          });
          const planVersion = await bumpPlanVersion(tx, saved.peerChallengeId);
          const report = { ...compared.report, ...saved };
          if (by) {
            await writeAuditEvent(tx, by, {
              operation: "plan.import",
              objectType: "PeerChallenge",
              objectId: saved.peerChallengeId,
              councilId: read.council.id,
              before: compared.challenge ? { planVersion: compared.challenge.planVersion } : null,
              after: { planVersion, ...auditSummary(report) },
            });
          }
          return report;
        },
      }),
    );
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
    recommendationPairs: [],
    actionPairs: [],
    disappearedRecommendations: [],
    disappearedActions: [],
  };
}

async function compare(imports: ImportRepository, read: ReadImport, dryRun: boolean): Promise<ComparedImport> {
  const { plan, council, document } = read;
  const challenge = await imports.findChallenge(council.id, read.challengeHeldOn);
  const held = challenge ? await imports.loadHeld(challenge.id, document.recordedOn) : [];
  const unchanged = challenge ? await imports.documentExists(challenge.id, document.contentHash) : false;
  const diff = unchanged
    ? emptyDiff(
        held.length,
        held.reduce((n, r) => n + r.actions.length, 0),
      )
    : diffPlan(held, plan.recommendations);
  const report: ImportReport = {
    filename: document.filename,
    councilGss: council.gssCode,
    format: plan.format,
    layout: plan.layout,
    title: plan.title,
    confidence: plan.confidence.overall,
    confidenceReasons: plan.confidence.reasons,
    lowConfidence: plan.lowConfidence,
    outcome: unchanged ? "UNCHANGED" : challenge && held.length > 0 ? "UPDATED" : "CREATED",
    dryRun,
    contentHash: document.contentHash,
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
  return { challenge, diff, unchanged, report };
}

function newChallenge(read: ReadImport): NewPeerChallenge {
  const heldOn = read.challengeHeldOn;
  return {
    title: `Corporate Peer Challenge: ${read.council.name}`,
    ...read.challengeDetails,
    councilId: read.council.id,
    heldOn,
    ...(heldOn != null && !read.challengeDetails?.heldOnPrecision ? { heldOnPrecision: "DAY" as const } : {}),
  };
}

/** The counts of an import, for its audit event: the plan itself is in the tables it was written to. */
function auditSummary(report: ImportReport) {
  return {
    filename: report.filename,
    contentHash: report.contentHash,
    sourceDocumentId: report.sourceDocumentId,
    addedRecommendations: report.addedRecommendations,
    addedActions: report.addedActions,
    statusChanges: report.statusChanges,
  };
}
