import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import {
  draftActionsTable,
  draftRecommendationsTable,
  planDraftsTable,
  type DraftActionRow,
  type DraftRecommendationRow,
  type PlanDraftRow,
} from "./plan-draft.table.js";
import type { DraftStatusValue } from "./draft.values.js";

export type NewPlanDraft = Omit<
  typeof planDraftsTable.$inferInsert,
  "id" | "status" | "version" | "createdAt" | "closedAt" | "publishedDocumentId"
>;
export type NewDraftAction = Omit<typeof draftActionsTable.$inferInsert, "id" | "draftRecommendationId">;
export type NewDraftRecommendation = Omit<typeof draftRecommendationsTable.$inferInsert, "id" | "draftId"> & {
  actions: NewDraftAction[];
};
export type DraftRecommendationPatch = Partial<
  Pick<DraftRecommendationRow, "title" | "text" | "themes" | "confidence" | "reviewed" | "dropped">
>;
export type DraftActionPatch = Partial<
  Pick<
    DraftActionRow,
    | "text"
    | "lead"
    | "targetRaw"
    | "deadline"
    | "deadlinePrecision"
    | "milestones"
    | "status"
    | "statusText"
    | "rag"
    | "confidence"
    | "reviewed"
    | "dropped"
  >
>;

/** The stored document a draft keeps for publishing. */
export interface DraftDocument {
  content: string;
  original: Uint8Array | null;
}

/** Every column but the document, which only publishing reads. */
const draftSelection = {
  id: planDraftsTable.id,
  councilId: planDraftsTable.councilId,
  peerChallengeId: planDraftsTable.peerChallengeId,
  challengeHeldOn: planDraftsTable.challengeHeldOn,
  basePlanVersion: planDraftsTable.basePlanVersion,
  status: planDraftsTable.status,
  version: planDraftsTable.version,
  createdByKeyId: planDraftsTable.createdByKeyId,
  createdByName: planDraftsTable.createdByName,
  createdAt: planDraftsTable.createdAt,
  closedAt: planDraftsTable.closedAt,
  publishedDocumentId: planDraftsTable.publishedDocumentId,
  filename: planDraftsTable.filename,
  contentHash: planDraftsTable.contentHash,
  format: planDraftsTable.format,
  layout: planDraftsTable.layout,
  title: planDraftsTable.title,
  byteSize: planDraftsTable.byteSize,
  recordedOn: planDraftsTable.recordedOn,
  report: planDraftsTable.report,
};

export function createDraftRepository({ db }: { db: Database }): DraftRepository {
  return {
    within: (tx) => createDraftRepository({ db: tx }),

    async findOpen(councilId, challenge) {
      const d = planDraftsTable;
      const [row] = await db
        .select({ id: d.id })
        .from(d)
        .where(
          and(
            eq(d.councilId, councilId),
            eq(d.status, "OPEN"),
            "id" in challenge
              ? eq(d.peerChallengeId, challenge.id)
              : and(
                  sql`${d.peerChallengeId} is null`,
                  challenge.heldOn === null
                    ? sql`${d.challengeHeldOn} is null`
                    : eq(d.challengeHeldOn, challenge.heldOn),
                ),
          ),
        );
      return row?.id ?? null;
    },

    async insert(draft, recommendations) {
      const [saved] = await db.insert(planDraftsTable).values(draft).returning(draftSelection);
      if (!saved) throw new Error("draft was not saved");
      for (const { actions, ...rec } of recommendations) {
        const [r] = await db
          .insert(draftRecommendationsTable)
          .values({ ...rec, draftId: saved.id })
          .returning({ id: draftRecommendationsTable.id });
        if (!r) throw new Error(`draft recommendation ${rec.reference} was not saved`);
        if (actions.length) {
          await db.insert(draftActionsTable).values(actions.map((a) => ({ ...a, draftRecommendationId: r.id })));
        }
      }
      return saved;
    },

    async findById(id) {
      const [row] = await db.select(draftSelection).from(planDraftsTable).where(eq(planDraftsTable.id, id));
      return row ?? null;
    },

    async findDocument(id) {
      const [row] = await db
        .select({ content: planDraftsTable.content, original: planDraftsTable.original })
        .from(planDraftsTable)
        .where(eq(planDraftsTable.id, id));
      return row ?? null;
    },

    async findByCouncil(councilId, status) {
      const d = planDraftsTable;
      return db
        .select(draftSelection)
        .from(d)
        .where(and(eq(d.councilId, councilId), status === null ? undefined : eq(d.status, status)))
        .orderBy(desc(d.id));
    },

    async recommendations(draftId) {
      return db
        .select()
        .from(draftRecommendationsTable)
        .where(eq(draftRecommendationsTable.draftId, draftId))
        .orderBy(asc(draftRecommendationsTable.order), asc(draftRecommendationsTable.id));
    },

    async actions(recommendationIds) {
      if (recommendationIds.length === 0) return [];
      return db
        .select()
        .from(draftActionsTable)
        .where(inArray(draftActionsTable.draftRecommendationId, [...recommendationIds]))
        .orderBy(asc(draftActionsTable.order), asc(draftActionsTable.id));
    },

    async findRecommendation(id) {
      const [row] = await db.select().from(draftRecommendationsTable).where(eq(draftRecommendationsTable.id, id));
      return row ?? null;
    },

    async findAction(id) {
      const [row] = await db
        .select({ action: draftActionsTable, draftId: draftRecommendationsTable.draftId })
        .from(draftActionsTable)
        .innerJoin(draftRecommendationsTable, eq(draftRecommendationsTable.id, draftActionsTable.draftRecommendationId))
        .where(eq(draftActionsTable.id, id));
      return row ? { ...row.action, draftId: row.draftId } : null;
    },

    async bumpVersion(id, expectedVersion) {
      const d = planDraftsTable;
      const [row] = await db
        .update(d)
        .set({ version: sql`${d.version} + 1` })
        .where(and(eq(d.id, id), eq(d.version, expectedVersion), eq(d.status, "OPEN")))
        .returning(draftSelection);
      return row ?? null;
    },

    async close(id, expectedVersion, status, publishedDocumentId) {
      const d = planDraftsTable;
      const [row] = await db
        .update(d)
        .set({ version: sql`${d.version} + 1`, status, closedAt: sql`now()`, publishedDocumentId })
        .where(and(eq(d.id, id), eq(d.version, expectedVersion), eq(d.status, "OPEN")))
        .returning(draftSelection);
      return row ?? null;
    },

    async updateRecommendation(id, patch) {
      const [row] = await db
        .update(draftRecommendationsTable)
        .set(patch)
        .where(eq(draftRecommendationsTable.id, id))
        .returning();
      if (!row) throw new Error(`draft recommendation ${id} vanished under its draft's version`);
      return row;
    },

    async updateAction(id, patch) {
      const [row] = await db.update(draftActionsTable).set(patch).where(eq(draftActionsTable.id, id)).returning();
      if (!row) throw new Error(`draft action ${id} vanished under its draft's version`);
      return row;
    },
  };
}

export interface DraftRepository {
  /** The same repository over a transaction (the import's, under its council lock). */
  within(tx: Database): DraftRepository;
  /** The open draft for a held challenge, or for one yet to be created on that day (null: no day), if any. */
  findOpen(councilId: number, challenge: { id: number } | { heldOn: string | null }): Promise<number | null>;
  insert(draft: NewPlanDraft, recommendations: NewDraftRecommendation[]): Promise<PlanDraftRow>;
  findById(id: number): Promise<PlanDraftRow | null>;
  findDocument(id: number): Promise<DraftDocument | null>;
  /** Newest first. */
  findByCouncil(councilId: number, status: DraftStatusValue | null): Promise<PlanDraftRow[]>;
  recommendations(draftId: number): Promise<DraftRecommendationRow[]>;
  actions(recommendationIds: readonly number[]): Promise<DraftActionRow[]>;
  findRecommendation(id: number): Promise<DraftRecommendationRow | null>;
  findAction(id: number): Promise<(DraftActionRow & { draftId: number }) | null>;
  /** Raises an open draft's version if it is still `expectedVersion`; null when it is not (or not open). */
  bumpVersion(id: number, expectedVersion: number): Promise<PlanDraftRow | null>;
  /** Publishes or discards an open draft at `expectedVersion`; null when it is not. */
  close(
    id: number,
    expectedVersion: number,
    status: Exclude<DraftStatusValue, "OPEN">,
    publishedDocumentId: number | null,
  ): Promise<PlanDraftRow | null>;
  updateRecommendation(id: number, patch: DraftRecommendationPatch): Promise<DraftRecommendationRow>;
  updateAction(id: number, patch: DraftActionPatch): Promise<DraftActionRow>;
}
