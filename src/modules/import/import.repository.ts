import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { actionsTable } from "../action/action.table.js";
import { progressUpdatesTable } from "../action/progress-update.table.js";
import { peerChallengesTable, type PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { recommendationsTable, recommendationThemesTable } from "../recommendation/recommendation.table.js";
import type { DocumentFormat } from "./document/document.model.js";
import type { HeldRecommendation, PlanDiff } from "./import.matcher.js";
import type { PlanAction, PlanRecommendation } from "./import.plan.js";
import { sourceDocumentsTable } from "./source-document.table.js";
import { updateInForce } from "../action/action.status-rules.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type NewPeerChallenge = typeof peerChallengesTable.$inferInsert;

export interface ThemeLinkToSave {
  themeId: number;
  method: "RULE" | "HAND";
  confidence: number;
  matched: string[];
}

export interface PersistImport {
  challenge: { id: number } | { insert: NewPeerChallenge };
  document: {
    councilId: number;
    filename: string;
    contentHash: string;
    format: DocumentFormat;
    layout: string;
    title: string | null;
    byteSize: number;
    /** The text as stored (ReadPlan.text), which every line number points into. */
    content: string;
    /** The original bytes of a binary format; null for text formats. */
    original: Uint8Array | null;
    recordedOn: string;
  };
  diff: PlanDiff;
  /** Theme links for each new recommendation, by its reference. */
  themeLinks: Map<string, ThemeLinkToSave[]>;
}

/** First key of the advisory lock an import holds on its council (the second is the council id). */
const importLockNamespace = 7_240_301;

export function createImportRepository({ db }: { db: Database }): ImportRepository {
  async function insertActions(
    tx: Transaction,
    recommendationId: number,
    actions: { action: PlanAction; order: number }[],
    documentId: number,
    recordedOn: string,
  ): Promise<void> {
    if (actions.length === 0) return;
    const saved = await tx
      .insert(actionsTable)
      .values(
        actions.map(({ action, order }) => ({
          recommendationId,
          order,
          text: action.text,
          lead: action.lead,
          targetRaw: action.target.raw,
          deadline: action.target.deadline,
          deadlinePrecision: action.target.precision,
          milestones: action.target.milestones,
          sourceDocumentId: documentId,
          sourceLine: action.line,
        })),
      )
      .returning({ id: actionsTable.id });
    const updates = actions.flatMap(({ action }, i) => {
      const id = saved[i]?.id;
      return action.status === null || id === undefined
        ? []
        : [
            {
              actionId: id,
              recordedOn,
              status: action.status.status,
              statusText: action.status.text,
              rag: action.status.rag,
              note: action.update,
              source: "DOCUMENT" as const,
              sourceDocumentId: documentId,
            },
          ];
    });
    if (updates.length) await tx.insert(progressUpdatesTable).values(updates);
  }

  async function insertRecommendation(
    tx: Transaction,
    challengeId: number,
    rec: PlanRecommendation,
    documentId: number,
    recordedOn: string,
    links: ThemeLinkToSave[],
  ): Promise<void> {
    const [saved] = await tx
      .insert(recommendationsTable)
      .values({
        peerChallengeId: challengeId,
        reference: rec.reference,
        order: rec.order,
        kind: rec.kind,
        title: rec.title,
        text: rec.text,
        councilPosition: rec.position,
        accountable: rec.accountable,
        responsible: rec.responsible,
        themeLabel: rec.themeLabel,
        sourceDocumentId: documentId,
        sourceLine: rec.line,
      })
      .returning({ id: recommendationsTable.id });
    if (!saved) throw new Error(`recommendation ${rec.reference} was not saved`);
    if (links.length) {
      await tx.insert(recommendationThemesTable).values(links.map((l) => ({ ...l, recommendationId: saved.id })));
    }
    await insertActions(
      tx,
      saved.id,
      rec.actions.map((action) => ({ action, order: action.order })),
      documentId,
      recordedOn,
    );
  }

  return {
    /**
     * Runs one whole import (read, compare, write) in a transaction holding a lock per council,
     * so that two imports for the same council cannot both create its challenge or both append
     * the same status change.
     */
    async exclusive<T>(
      councilId: number,
      work: (repository: ImportRepository, tx: Database) => Promise<T>,
    ): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${importLockNamespace}, ${councilId})`);
        return work(createImportRepository({ db: tx }), tx);
      });
    },

    async findChallenge(councilId: number, heldOn: string | null): Promise<PeerChallengeRow | undefined> {
      const pc = peerChallengesTable;
      const [row] = await db
        .select()
        .from(pc)
        .where(
          and(eq(pc.councilId, councilId), eq(pc.kind, "CPC"), heldOn === null ? undefined : eq(pc.heldOn, heldOn)),
        )
        .orderBy(sql`${pc.heldOn} desc nulls last`, sql`${pc.id} desc`)
        .limit(1);
      return row;
    },

    async documentExists(peerChallengeId: number, contentHash: string): Promise<boolean> {
      const [row] = await db
        .select({ id: sourceDocumentsTable.id })
        .from(sourceDocumentsTable)
        .where(
          and(
            eq(sourceDocumentsTable.peerChallengeId, peerChallengeId),
            eq(sourceDocumentsTable.contentHash, contentHash),
          ),
        );
      return row !== undefined;
    },

    /**
     * The held plan with each action's update in force on `asOf` (the new document's recording
     * day): what the new version's statuses are compared with, so that importing an older
     * document after a newer one still records what was true on its own day.
     */
    async loadHeld(peerChallengeId: number, asOf: string): Promise<HeldRecommendation[]> {
      const recs = await db
        .select()
        .from(recommendationsTable)
        .where(eq(recommendationsTable.peerChallengeId, peerChallengeId))
        .orderBy(asc(recommendationsTable.order));
      if (recs.length === 0) return [];
      const actions = await db
        .select()
        .from(actionsTable)
        .where(
          inArray(
            actionsTable.recommendationId,
            recs.map((r) => r.id),
          ),
        )
        .orderBy(asc(actionsTable.order));
      const pu = progressUpdatesTable;
      const latest = actions.length
        ? await db
            .selectDistinctOn([pu.actionId])
            .from(pu)
            .where(
              and(
                inArray(
                  pu.actionId,
                  actions.map((a) => a.id),
                ),
                updateInForce.recordedBy(asOf),
              ),
            )
            .orderBy(asc(pu.actionId), ...updateInForce.order)
        : [];
      const latestByAction = new Map(latest.map((u) => [u.actionId, u]));
      return recs.map((r) => ({
        id: r.id,
        reference: r.reference,
        order: r.order,
        text: r.text,
        actions: actions
          .filter((a) => a.recommendationId === r.id)
          .map((a) => {
            const u = latestByAction.get(a.id);
            return {
              id: a.id,
              order: a.order,
              text: a.text,
              latest: u ? { status: u.status, statusText: u.statusText, rag: u.rag } : null,
            };
          }),
      }));
    },

    /** Writes a whole import in one transaction: a failure leaves no trace, not even the challenge. */
    async persist(input: PersistImport): Promise<{ peerChallengeId: number; sourceDocumentId: number }> {
      return db.transaction(async (tx) => {
        let challengeId: number;
        if ("id" in input.challenge) challengeId = input.challenge.id;
        else {
          const [created] = await tx
            .insert(peerChallengesTable)
            .values(input.challenge.insert)
            .returning({ id: peerChallengesTable.id });
          if (!created) throw new Error("peer challenge was not saved");
          challengeId = created.id;
        }
        const [doc] = await tx
          .insert(sourceDocumentsTable)
          .values({ ...input.document, peerChallengeId: challengeId })
          .returning({ id: sourceDocumentsTable.id });
        if (!doc) throw new Error("source document was not saved");
        const { recordedOn } = input.document;

        // On a first import recommendations keep the document's order; later ones go after those held.
        const [held] = await tx
          .select({ n: max(recommendationsTable.order) })
          .from(recommendationsTable)
          .where(eq(recommendationsTable.peerChallengeId, challengeId));
        for (const [i, rec] of input.diff.newRecommendations.entries()) {
          const order = held?.n == null ? rec.order : held.n + i + 1;
          await insertRecommendation(
            tx,
            challengeId,
            { ...rec, order },
            doc.id,
            recordedOn,
            input.themeLinks.get(rec.reference) ?? [],
          );
        }
        const byRecommendation = new Map<number, PlanAction[]>();
        for (const { recommendationId, action } of input.diff.newActions) {
          byRecommendation.set(recommendationId, [...(byRecommendation.get(recommendationId) ?? []), action]);
        }
        for (const [recommendationId, actions] of byRecommendation) {
          // New actions go after the held ones: orders already taken stay with the actions that hold them.
          const [top] = await tx
            .select({ n: max(actionsTable.order) })
            .from(actionsTable)
            .where(eq(actionsTable.recommendationId, recommendationId));
          const start = top?.n ?? 0;
          await insertActions(
            tx,
            recommendationId,
            actions.map((action, i) => ({ action, order: start + i + 1 })),
            doc.id,
            recordedOn,
          );
        }
        if (input.diff.statusChanges.length) {
          await tx.insert(progressUpdatesTable).values(
            input.diff.statusChanges.map((c) => ({
              actionId: c.actionId,
              recordedOn,
              status: c.status.status,
              statusText: c.status.text,
              rag: c.status.rag,
              note: c.update,
              source: "DOCUMENT" as const,
              sourceDocumentId: doc.id,
            })),
          );
          // A new status is a write to the action, as an editor's recordProgress is: an edit stating the
          // version read before this import must now be a conflict, not a silent overwrite.
          await tx
            .update(actionsTable)
            .set({ version: sql`${actionsTable.version} + 1` })
            .where(
              inArray(
                actionsTable.id,
                input.diff.statusChanges.map((c) => c.actionId),
              ),
            );
        }
        return { peerChallengeId: challengeId, sourceDocumentId: doc.id };
      });
    },
  };
}

export interface ImportRepository {
  /** `tx` is the import's transaction, for writes beside the plan (a draft, an audit event). */
  exclusive<T>(councilId: number, work: (repository: ImportRepository, tx: Database) => Promise<T>): Promise<T>;
  findChallenge(councilId: number, heldOn: string | null): Promise<PeerChallengeRow | undefined>;
  documentExists(peerChallengeId: number, contentHash: string): Promise<boolean>;
  loadHeld(peerChallengeId: number, asOf: string): Promise<HeldRecommendation[]>;
  persist(input: PersistImport): Promise<{ peerChallengeId: number; sourceDocumentId: number }>;
}
