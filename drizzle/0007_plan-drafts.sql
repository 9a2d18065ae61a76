CREATE TYPE "public"."draft_status" AS ENUM('OPEN', 'PUBLISHED', 'DISCARDED');--> statement-breakpoint
CREATE TABLE "draft_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "draft_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"draft_recommendation_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"lead" text,
	"target_raw" text,
	"deadline" date,
	"deadline_precision" "deadline_precision" NOT NULL,
	"milestones" date[] DEFAULT '{}'::date[] NOT NULL,
	"status" "action_status",
	"status_text" text,
	"rag" "rag_colour",
	"update" text,
	"line" integer NOT NULL,
	"confidence" jsonb NOT NULL,
	"reviewed" text[] DEFAULT '{}'::text[] NOT NULL,
	"dropped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "draft_actions_position_unique" UNIQUE("draft_recommendation_id","position"),
	CONSTRAINT "draft_actions_status_text" CHECK (("draft_actions"."status" is null) = ("draft_actions"."status_text" is null))
);
--> statement-breakpoint
CREATE TABLE "draft_recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "draft_recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"draft_id" integer NOT NULL,
	"reference" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "recommendation_kind" NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"council_position" text,
	"accountable" text,
	"responsible" text,
	"theme_label" text,
	"line" integer NOT NULL,
	"confidence" jsonb NOT NULL,
	"themes" jsonb NOT NULL,
	"reviewed" text[] DEFAULT '{}'::text[] NOT NULL,
	"dropped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "draft_recommendations_reference_unique" UNIQUE("draft_id","reference")
);
--> statement-breakpoint
CREATE TABLE "plan_drafts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"council_id" integer NOT NULL,
	"peer_challenge_id" integer,
	"challenge_held_on" date,
	"base_plan_version" integer,
	"status" "draft_status" DEFAULT 'OPEN' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_key_id" integer,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"published_document_id" integer,
	"filename" text NOT NULL,
	"content_hash" text NOT NULL,
	"format" text NOT NULL,
	"layout" text NOT NULL,
	"title" text,
	"byte_size" integer NOT NULL,
	"content" text NOT NULL,
	"original" "bytea",
	"recorded_on" date NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "plan_drafts_version_positive" CHECK ("plan_drafts"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "draft_actions" ADD CONSTRAINT "draft_actions_draft_recommendation_id_draft_recommendations_id_fk" FOREIGN KEY ("draft_recommendation_id") REFERENCES "public"."draft_recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_recommendations" ADD CONSTRAINT "draft_recommendations_draft_id_plan_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."plan_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drafts" ADD CONSTRAINT "plan_drafts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drafts" ADD CONSTRAINT "plan_drafts_peer_challenge_id_peer_challenges_id_fk" FOREIGN KEY ("peer_challenge_id") REFERENCES "public"."peer_challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drafts" ADD CONSTRAINT "plan_drafts_published_document_id_source_documents_id_fk" FOREIGN KEY ("published_document_id") REFERENCES "public"."source_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_drafts_one_open_per_challenge" ON "plan_drafts" USING btree ("peer_challenge_id") WHERE "plan_drafts"."status" = 'OPEN' and "plan_drafts"."peer_challenge_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_drafts_one_open_new_challenge" ON "plan_drafts" USING btree ("council_id",coalesce("challenge_held_on", '0001-01-01'::date)) WHERE "plan_drafts"."status" = 'OPEN' and "plan_drafts"."peer_challenge_id" is null;--> statement-breakpoint
CREATE INDEX "plan_drafts_council_idx" ON "plan_drafts" USING btree ("council_id","status");