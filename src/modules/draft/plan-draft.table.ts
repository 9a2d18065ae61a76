import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { deadlinePrecision } from "../action/action.table.js";
import { actionStatus, ragColour } from "../action/progress-update.table.js";
import { councilsTable } from "../council/council.table.js";
import { bytea, sourceDocumentsTable } from "../import/source-document.table.js";
import { peerChallengesTable } from "../peer-challenge/peer-challenge.table.js";
import { recommendationKind } from "../recommendation/recommendation.table.js";
import { draftStatuses, type DraftThemeLink } from "./draft.values.js";

export const draftStatus = pgEnum("draft_status", draftStatuses);

/**
 * An imported plan waiting for review: nothing in it counts (no public query or benchmark reads
 * these tables) until it is published, which writes it through the importer's own rules.
 */
export const planDraftsTable = pgTable(
  "plan_drafts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    councilId: integer("council_id")
      .notNull()
      .references(() => councilsTable.id),
    /** The challenge the plan answers; null when publishing will create it. */
    peerChallengeId: integer("peer_challenge_id").references(() => peerChallengesTable.id),
    /** The first day on site asked for, kept to create the challenge on publish. */
    challengeHeldOn: date("challenge_held_on", { mode: "string" }),
    /** The challenge's plan_version the draft was compared with; null with no challenge. */
    basePlanVersion: integer("base_plan_version"),
    status: draftStatus("status").notNull().default("OPEN"),
    /** One version for the whole draft: every edit to it or its rows raises it. */
    version: integer("version").notNull().default(1),
    createdByKeyId: integer("created_by_key_id"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The source document publishing stored. */
    publishedDocumentId: integer("published_document_id").references(() => sourceDocumentsTable.id),
    // The document, kept as the importer will store it on publish.
    filename: text("filename").notNull(),
    contentHash: text("content_hash").notNull(),
    format: text("format").notNull(),
    layout: text("layout").notNull(),
    title: text("title"),
    byteSize: integer("byte_size").notNull(),
    content: text("content").notNull(),
    original: bytea("original"),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    /** The import report as read, compared with the plan held at the draft's base version. */
    report: jsonb("report").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex("plan_drafts_one_open_per_challenge")
      .on(t.peerChallengeId)
      .where(sql`${t.status} = 'OPEN' and ${t.peerChallengeId} is not null`),
    // A challenge not yet held is known by its council and day (none: the council's first).
    uniqueIndex("plan_drafts_one_open_new_challenge")
      .on(t.councilId, sql`coalesce(${t.challengeHeldOn}, '0001-01-01'::date)`)
      .where(sql`${t.status} = 'OPEN' and ${t.peerChallengeId} is null`),
    index("plan_drafts_council_idx").on(t.councilId, t.status),
    check("plan_drafts_version_positive", sql`${t.version} > 0`),
  ],
);

export const draftRecommendationsTable = pgTable(
  "draft_recommendations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    draftId: integer("draft_id")
      .notNull()
      .references(() => planDraftsTable.id, { onDelete: "cascade" }),
    reference: text("reference").notNull(),
    order: integer("position").notNull(),
    kind: recommendationKind("kind").notNull(),
    title: text("title"),
    text: text("text").notNull(),
    councilPosition: text("council_position"),
    accountable: text("accountable"),
    responsible: text("responsible"),
    themeLabel: text("theme_label"),
    line: integer("line").notNull(),
    /** The reader's confidence per field (reference, text); 1 once an editor has set the field. */
    confidence: jsonb("confidence").$type<Record<string, number>>().notNull(),
    /** The theme links publishing will give it: the rules' at import, an editor's after a correction. */
    themes: jsonb("themes").$type<DraftThemeLink[]>().notNull(),
    /** Fields an editor has set. */
    reviewed: text("reviewed")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dropped: boolean("dropped").notNull().default(false),
  },
  (t) => [unique("draft_recommendations_reference_unique").on(t.draftId, t.reference)],
);

export const draftActionsTable = pgTable(
  "draft_actions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    draftRecommendationId: integer("draft_recommendation_id")
      .notNull()
      .references(() => draftRecommendationsTable.id, { onDelete: "cascade" }),
    order: integer("position").notNull(),
    text: text("text").notNull(),
    lead: text("lead"),
    targetRaw: text("target_raw"),
    deadline: date("deadline", { mode: "string" }),
    deadlinePrecision: deadlinePrecision("deadline_precision").notNull(),
    milestones: date("milestones", { mode: "string" })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Null when the layout has no status at all. */
    status: actionStatus("status"),
    statusText: text("status_text"),
    rag: ragColour("rag"),
    update: text("update"),
    line: integer("line").notNull(),
    /** The reader's confidence per field (text, lead, target, status); 1 once an editor has set the field. */
    confidence: jsonb("confidence").$type<Record<string, number>>().notNull(),
    reviewed: text("reviewed")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dropped: boolean("dropped").notNull().default(false),
  },
  (t) => [
    unique("draft_actions_position_unique").on(t.draftRecommendationId, t.order),
    check("draft_actions_status_text", sql`(${t.status} is null) = (${t.statusText} is null)`),
  ],
);

export type PlanDraftRow = Omit<typeof planDraftsTable.$inferSelect, "original" | "content">;
export type DraftRecommendationRow = typeof draftRecommendationsTable.$inferSelect;
export type DraftActionRow = typeof draftActionsTable.$inferSelect;
