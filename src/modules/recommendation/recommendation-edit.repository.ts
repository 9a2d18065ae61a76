import { and, asc, eq, sql } from "drizzle-orm";
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
import type { HandThemeLink } from "../theme/theme.hand-links.js";
import { recommendationRevisionsTable } from "./recommendation-revision.table.js";
import {
  recommendationsTable,
  recommendationThemesTable,
  type RecommendationRow,
  type RecommendationThemeRow,
} from "./recommendation.table.js";

/** Where a recommendation sits: what the access rules and the plan version need. */
export interface RecommendationEditPlace {
  recommendation: RecommendationRow;
  councilId: number;
  peerChallengeId: number;
}

/** The columns a correction may set; `themes` replaces every link with a person's. */
export interface RecommendationFields {
  title?: string | null;
  text?: string;
  councilPosition?: string | null;
  accountable?: string | null;
  responsible?: string | null;
  themes?: HandThemeLink[];
}

/** One changed field, kept in recommendation_revisions (themes as comma-separated sub-theme codes). */
export interface RecommendationChange {
  field: string;
  before: string | null;
  after: string | null;
  reason?: string | null;
}

/**
 * Corrections of recommendations, each in one transaction with its revisions and audit event. As
 * for actions, `UPDATE … WHERE version = expected` serialises writers and turns a stale one away.
 */
export function createRecommendationEditRepository({ db }: { db: Database }) {
  async function writeCorrection(
    tx: Transaction | Database,
    place: RecommendationEditPlace,
    expectedVersion: number,
    fields: RecommendationFields,
    changes: readonly RecommendationChange[],
    by: Identity,
  ): Promise<RecommendationRow> {
    const { themes, ...columns } = fields;
    const [row] = await tx
      .update(recommendationsTable)
      .set({ ...columns, version: sql`${recommendationsTable.version} + 1` })
      .where(
        and(eq(recommendationsTable.id, place.recommendation.id), eq(recommendationsTable.version, expectedVersion)),
      )
      .returning();
    if (row === undefined) throw new StaleWrite();
    if (themes !== undefined) {
      await tx.delete(recommendationThemesTable).where(eq(recommendationThemesTable.recommendationId, row.id));
      if (themes.length > 0)
        await tx.insert(recommendationThemesTable).values(
          themes.map((link) => ({
            ...link,
            recommendationId: row.id,
            linkedByKeyId: actorOf(by).keyId,
            linkedByName: actorOf(by).name,
          })),
        );
    }
    if (changes.length > 0)
      await tx.insert(recommendationRevisionsTable).values(
        changes.map((c) => ({
          recommendationId: row.id,
          version: row.version,
          field: c.field,
          before: c.before,
          after: c.after,
          reason: c.reason ?? null,
          ...revisionAuthor(by),
        })),
      );
    await writeAuditEvent(tx, by, {
      operation: "recommendation.update",
      objectType: "Recommendation",
      objectId: row.id,
      councilId: place.councilId,
      ...correctionAudit(place.recommendation.version, row.version, changes),
    });
    return row;
  }

  async function findPlace(recommendationId: number): Promise<RecommendationEditPlace | null> {
    const [row] = await db
      .select({
        recommendation: recommendationsTable,
        councilId: peerChallengesTable.councilId,
        peerChallengeId: peerChallengesTable.id,
      })
      .from(recommendationsTable)
      .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
      .where(eq(recommendationsTable.id, recommendationId));
    return row ?? null;
  }

  return {
    findPlace,

    /** Its theme links as held, most confident first (as Recommendation.themeLinks lists them). */
    findLinks(recommendationId: number): Promise<RecommendationThemeRow[]> {
      return db
        .select()
        .from(recommendationThemesTable)
        .where(eq(recommendationThemesTable.recommendationId, recommendationId))
        .orderBy(sql`${recommendationThemesTable.confidence} desc`, asc(recommendationThemesTable.themeId));
    },

    /** Corrects the recommendation, keeping each old value as a revision, and raises the plan version. */
    update(
      place: RecommendationEditPlace,
      expectedVersion: number,
      fields: RecommendationFields,
      changes: readonly RecommendationChange[],
      by: Identity,
    ): Promise<VersionedWrite<RecommendationRow>> {
      return versionedTransaction(
        db,
        async (tx) => {
          const row = await writeCorrection(tx, place, expectedVersion, fields, changes, by);
          await bumpPlanVersion(tx, place.peerChallengeId);
          return row;
        },
        async () => (await findPlace(place.recommendation.id)) !== null,
      );
    },

    /**
     * The same correction inside the caller's transaction (this repository made over it), for a
     * publish, which raises the plan version itself; a recommendation changed since it was read in
     * that transaction comes back as "stale".
     */
    correctWithin(
      place: RecommendationEditPlace,
      fields: RecommendationFields,
      changes: readonly RecommendationChange[],
      by: Identity,
    ): Promise<VersionedWrite<RecommendationRow>> {
      return versionedWithin(() => writeCorrection(db, place, place.recommendation.version, fields, changes, by));
    },
  };
}

export type RecommendationEditRepository = ReturnType<typeof createRecommendationEditRepository>;
