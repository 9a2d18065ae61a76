import { date, index, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { councilsTable } from "../council/council.table.js";

export const peerChallengeKind = pgEnum("peer_challenge_kind", ["CPC", "PROGRESS_REVIEW"]);
export const datePrecision = pgEnum("date_precision", ["DAY", "MONTH", "YEAR", "UNKNOWN"]);

export const peerChallengesTable = pgTable(
  "peer_challenges",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    councilId: integer("council_id")
      .notNull()
      .references(() => councilsTable.id),
    kind: peerChallengeKind("kind").notNull().default("CPC"),
    title: text("title").notNull(),
    /** First day on site; for a month-precise date, the first of that month. */
    heldOn: date("held_on", { mode: "string" }),
    heldOnPrecision: datePrecision("held_on_precision").notNull().default("UNKNOWN"),
    reportPublishedOn: date("report_published_on", { mode: "string" }),
    actionPlanPublishedOn: date("action_plan_published_on", { mode: "string" }),
    progressReviewOn: date("progress_review_on", { mode: "string" }),
    notes: text("notes"),
    /**
     * Raised by every write to this challenge's plan (publishing an import, an edit, a progress
     * update): a draft remembers the version it was taken from, and publishing it over a newer plan
     * is a conflict rather than a silent overwrite.
     */
    planVersion: integer("plan_version").notNull().default(1),
  },
  (t) => [
    unique("peer_challenges_council_kind_held_unique").on(t.councilId, t.kind, t.heldOn).nullsNotDistinct(),
    index("peer_challenges_council_idx").on(t.councilId),
  ],
);

export type PeerChallengeRow = typeof peerChallengesTable.$inferSelect;
