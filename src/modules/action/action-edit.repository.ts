import { and, eq, max, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import {
  StaleWrite,
  versionedTransaction,
  versionedWithin,
  type Transaction,
  type VersionedWrite,
} from "../../shared/database/versioned-write.js";
import { correctionAudit, writeAuditEvent } from "../audit/audit.writer.js";
import { actorOf, revisionAuthor, type Identity } from "../identity/identity.js";
import { bumpPlanVersion } from "../peer-challenge/plan-version.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { recommendationsTable } from "../recommendation/recommendation.table.js";
import { actionRevisionsTable } from "./action-revision.table.js";
import { actionsTable, type ActionRow } from "./action.table.js";
import type { ActionStatusValue, DeadlinePrecisionValue, RagColourValue } from "./action.values.js";
import { progressUpdatesTable, type ProgressUpdateRow } from "./progress-update.table.js";

/** Where an action sits: what the access rules and the plan version need. */
export interface ActionPlace {
  action: ActionRow;
  councilId: number;
  peerChallengeId: number;
}

export interface RecommendationPlace {
  recommendationId: number;
  councilId: number;
  peerChallengeId: number;
}

/** The columns an edit may set: text, lead and the target with what was parsed from it. */
export interface ActionFields {
  text?: string;
  lead?: string | null;
  target?: { raw: string | null; deadline: string | null; precision: DeadlinePrecisionValue; milestones: string[] };
}

/** One changed field, kept in action_revisions. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  reason?: string | null;
  effectiveOn?: string | null;
}

export interface NewProgress {
  recordedOn: string;
  status: ActionStatusValue;
  statusText: string;
  rag: RagColourValue | null;
  note: string | null;
}

/** A progress update as an editor records it: no document behind it, the key that recorded it named. */
function editorUpdate(actionId: number, progress: NewProgress, by: Identity): typeof progressUpdatesTable.$inferInsert {
  return {
    actionId,
    ...progress,
    source: "EDITOR",
    sourceDocumentId: null,
    recordedByKeyId: actorOf(by).keyId,
    recordedByName: actorOf(by).name,
  };
}

/**
 * Plan edits, each in one transaction with its audit event and the plan version. A write first
 * raises the action's version with `UPDATE … WHERE version = expected`: the row lock it takes
 * serialises writers of one action, and a writer that read an older version matches no row, so it
 * changes nothing (see DESIGN in README, "No lost updates").
 */
export function createActionEditRepository({ db }: { db: Database }) {
  async function bumpAction(
    tx: Transaction | Database,
    id: number,
    expectedVersion: number,
    set: Partial<typeof actionsTable.$inferInsert> = {},
  ): Promise<ActionRow> {
    const [row] = await tx
      .update(actionsTable)
      .set({ ...set, version: sql`${actionsTable.version} + 1` })
      .where(and(eq(actionsTable.id, id), eq(actionsTable.version, expectedVersion)))
      .returning();
    if (row === undefined) throw new StaleWrite();
    return row;
  }

  async function insertRevisions(
    tx: Transaction | Database,
    action: ActionRow,
    changes: readonly FieldChange[],
    by: Identity,
  ): Promise<void> {
    if (changes.length === 0) return;
    await tx.insert(actionRevisionsTable).values(
      changes.map((c) => ({
        actionId: action.id,
        version: action.version,
        field: c.field,
        before: c.before,
        after: c.after,
        reason: c.reason ?? null,
        effectiveOn: c.effectiveOn ?? null,
        ...revisionAuthor(by),
      })),
    );
  }

  /** A correction of text, lead or target with its revisions and its audit event; not the plan version. */
  async function writeCorrection(
    tx: Transaction | Database,
    place: ActionPlace,
    expectedVersion: number,
    fields: ActionFields,
    changes: readonly FieldChange[],
    by: Identity,
  ): Promise<ActionRow> {
    const action = await bumpAction(tx, place.action.id, expectedVersion, {
      ...(fields.text !== undefined ? { text: fields.text } : {}),
      ...(fields.lead !== undefined ? { lead: fields.lead } : {}),
      ...(fields.target !== undefined
        ? {
            targetRaw: fields.target.raw,
            deadline: fields.target.deadline,
            deadlinePrecision: fields.target.precision,
            milestones: fields.target.milestones,
          }
        : {}),
    });
    await insertRevisions(tx, action, changes, by);
    await writeAuditEvent(tx, by, {
      operation: "action.update",
      objectType: "Action",
      objectId: action.id,
      councilId: place.councilId,
      ...correctionAudit(place.action.version, action.version, changes),
    });
    return action;
  }

  function versioned<T>(place: ActionPlace, write: (tx: Transaction) => Promise<T>): Promise<VersionedWrite<T>> {
    return versionedTransaction(db, write, async () => {
      const [still] = await db
        .select({ version: actionsTable.version })
        .from(actionsTable)
        .where(eq(actionsTable.id, place.action.id));
      return still !== undefined;
    });
  }

  return {
    async findPlace(actionId: number): Promise<ActionPlace | null> {
      const [row] = await db
        .select({
          action: actionsTable,
          councilId: peerChallengesTable.councilId,
          peerChallengeId: peerChallengesTable.id,
        })
        .from(actionsTable)
        .innerJoin(recommendationsTable, eq(recommendationsTable.id, actionsTable.recommendationId))
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
        .where(eq(actionsTable.id, actionId));
      return row ?? null;
    },

    async findRecommendationPlace(recommendationId: number): Promise<RecommendationPlace | null> {
      const [row] = await db
        .select({
          recommendationId: recommendationsTable.id,
          councilId: peerChallengesTable.councilId,
          peerChallengeId: peerChallengesTable.id,
        })
        .from(recommendationsTable)
        .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
        .where(eq(recommendationsTable.id, recommendationId));
      return row ?? null;
    },

    /** Appends a progress update an editor recorded, raising the action's version. */
    recordProgress(
      place: ActionPlace,
      expectedVersion: number,
      progress: NewProgress,
      by: Identity,
    ): Promise<VersionedWrite<{ action: ActionRow; update: ProgressUpdateRow }>> {
      return versioned(place, async (tx) => {
        const action = await bumpAction(tx, place.action.id, expectedVersion);
        const [update] = await tx
          .insert(progressUpdatesTable)
          .values(editorUpdate(action.id, progress, by))
          .returning();
        if (update === undefined) throw new Error("progress update insert returned no row");
        await writeAuditEvent(tx, by, {
          operation: "progress.record",
          objectType: "Action",
          objectId: action.id,
          councilId: place.councilId,
          before: { version: place.action.version },
          after: { version: action.version, progressUpdateId: update.id, ...progress },
        });
        await bumpPlanVersion(tx, place.peerChallengeId);
        return { action, update };
      });
    },

    /** Corrects text, lead or target, keeping each old value as a revision. */
    update(
      place: ActionPlace,
      expectedVersion: number,
      fields: ActionFields,
      changes: readonly FieldChange[],
      by: Identity,
    ): Promise<VersionedWrite<ActionRow>> {
      return versioned(place, async (tx) => {
        const action = await writeCorrection(tx, place, expectedVersion, fields, changes, by);
        await bumpPlanVersion(tx, place.peerChallengeId);
        return action;
      });
    },

    /**
     * The same correction inside the caller's transaction (this repository made over it), for a
     * write that raises the plan version itself (a draft's publish). The version is the one read in
     * that transaction; an action changed since by a writer outside it comes back as "stale".
     */
    correctWithin(
      place: ActionPlace,
      fields: ActionFields,
      changes: readonly FieldChange[],
      by: Identity,
    ): Promise<VersionedWrite<ActionRow>> {
      return versionedWithin(() => writeCorrection(db, place, place.action.version, fields, changes, by));
    },

    /** Retires the action from `retiredOn`, kept as a revision. */
    retire(
      place: ActionPlace,
      expectedVersion: number,
      retiredOn: string,
      reason: string,
      by: Identity,
    ): Promise<VersionedWrite<ActionRow>> {
      return versioned(place, async (tx) => {
        const action = await bumpAction(tx, place.action.id, expectedVersion, { retiredOn, retiredReason: reason });
        await insertRevisions(
          tx,
          action,
          [{ field: "retiredOn", before: null, after: retiredOn, reason, effectiveOn: retiredOn }],
          by,
        );
        await writeAuditEvent(tx, by, {
          operation: "action.retire",
          objectType: "Action",
          objectId: action.id,
          councilId: place.councilId,
          before: { version: place.action.version, retiredOn: null },
          after: { version: action.version, retiredOn, reason },
        });
        await bumpPlanVersion(tx, place.peerChallengeId);
        return action;
      });
    },

    /**
     * Adds an action at the end of its recommendation, with its first status if given. The plan
     * version is raised first: its row lock orders concurrent adds, so each sees the last position.
     */
    async add(
      place: RecommendationPlace,
      fields: Required<Pick<ActionFields, "text" | "target">> & { lead: string | null },
      progress: NewProgress | null,
      by: Identity,
    ): Promise<ActionRow> {
      return db.transaction(async (tx) => {
        await bumpPlanVersion(tx, place.peerChallengeId);
        const [last] = await tx
          .select({ n: max(actionsTable.order) })
          .from(actionsTable)
          .where(eq(actionsTable.recommendationId, place.recommendationId));
        const [action] = await tx
          .insert(actionsTable)
          .values({
            recommendationId: place.recommendationId,
            order: (last?.n ?? 0) + 1,
            text: fields.text,
            lead: fields.lead,
            targetRaw: fields.target.raw,
            deadline: fields.target.deadline,
            deadlinePrecision: fields.target.precision,
            milestones: fields.target.milestones,
            sourceDocumentId: null,
            sourceLine: null,
          })
          .returning();
        if (action === undefined) throw new Error("action insert returned no row");
        if (progress !== null) {
          await tx.insert(progressUpdatesTable).values(editorUpdate(action.id, progress, by));
        }
        await writeAuditEvent(tx, by, {
          operation: "action.add",
          objectType: "Action",
          objectId: action.id,
          councilId: place.councilId,
          before: null,
          after: { ...fields, version: action.version, status: progress?.status ?? null },
        });
        return action;
      });
    },
  };
}

export type ActionEditRepository = ReturnType<typeof createActionEditRepository>;
