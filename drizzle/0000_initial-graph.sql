CREATE TYPE "public"."peer_group_kind" AS ENUM('TYPE', 'REGION', 'COUNTY', 'NAMED', 'USER');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('DAY', 'MONTH', 'YEAR', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."peer_challenge_kind" AS ENUM('CPC', 'PROGRESS_REVIEW');--> statement-breakpoint
CREATE TYPE "public"."recommendation_kind" AS ENUM('RECOMMENDATION', 'COMMITMENT');--> statement-breakpoint
CREATE TYPE "public"."theme_link_method" AS ENUM('RULE', 'HAND');--> statement-breakpoint
CREATE TYPE "public"."deadline_precision" AS ENUM('DAY', 'MONTH', 'QUARTER', 'SEASON', 'FINANCIAL_YEAR', 'YEAR', 'ONGOING', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('COMPLETE', 'IN_PROGRESS', 'NOT_STARTED', 'ONGOING', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."progress_update_source" AS ENUM('DOCUMENT', 'IMPORT', 'EDITOR');--> statement-breakpoint
CREATE TYPE "public"."rag_colour" AS ENUM('RED', 'AMBER', 'GREEN');--> statement-breakpoint
CREATE TABLE "councils" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "councils_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"gss_code" text NOT NULL,
	"register_code" text NOT NULL,
	"slug" text NOT NULL,
	"official_name" text NOT NULL,
	"name" text NOT NULL,
	"type_code" text NOT NULL,
	"type_name" text NOT NULL,
	"region" text NOT NULL,
	"county_code" text,
	"combined_authority_code" text,
	"population" integer,
	"lat" double precision,
	"long" double precision,
	CONSTRAINT "councils_gss_code_unique" UNIQUE("gss_code"),
	CONSTRAINT "councils_register_code_unique" UNIQUE("register_code"),
	CONSTRAINT "councils_slug_unique" UNIQUE("slug"),
	CONSTRAINT "councils_gss_code_format" CHECK ("councils"."gss_code" ~ '^E[0-9]{8}$'),
	CONSTRAINT "councils_population_positive" CHECK ("councils"."population" is null or "councils"."population" > 0)
);
--> statement-breakpoint
CREATE TABLE "peer_group_members" (
	"peer_group_id" integer NOT NULL,
	"council_id" integer NOT NULL,
	CONSTRAINT "peer_group_members_peer_group_id_council_id_pk" PRIMARY KEY("peer_group_id","council_id")
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "peer_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "peer_group_kind" NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "peer_groups_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "themes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"parent_id" integer,
	"level" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"legacy_names" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "themes_code_unique" UNIQUE("code"),
	CONSTRAINT "themes_level_range" CHECK ("themes"."level" in (1, 2)),
	CONSTRAINT "themes_parent_matches_level" CHECK (("themes"."level" = 1) = ("themes"."parent_id" is null))
);
--> statement-breakpoint
CREATE TABLE "peer_challenges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "peer_challenges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"council_id" integer NOT NULL,
	"kind" "peer_challenge_kind" DEFAULT 'CPC' NOT NULL,
	"title" text NOT NULL,
	"held_on" date,
	"held_on_precision" date_precision DEFAULT 'UNKNOWN' NOT NULL,
	"report_published_on" date,
	"action_plan_published_on" date,
	"progress_review_on" date,
	"notes" text,
	CONSTRAINT "peer_challenges_council_kind_held_unique" UNIQUE NULLS NOT DISTINCT("council_id","kind","held_on")
);
--> statement-breakpoint
CREATE TABLE "source_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"council_id" integer NOT NULL,
	"peer_challenge_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_hash" text NOT NULL,
	"layout" text NOT NULL,
	"title" text,
	"byte_size" integer NOT NULL,
	"content" text NOT NULL,
	"recorded_on" date NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_documents_challenge_hash_unique" UNIQUE("peer_challenge_id","content_hash"),
	CONSTRAINT "source_documents_hash_format" CHECK ("source_documents"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "recommendation_themes" (
	"recommendation_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	"method" "theme_link_method" NOT NULL,
	"confidence" real NOT NULL,
	"matched" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "recommendation_themes_recommendation_id_theme_id_pk" PRIMARY KEY("recommendation_id","theme_id"),
	CONSTRAINT "recommendation_themes_confidence_range" CHECK ("recommendation_themes"."confidence" > 0 and "recommendation_themes"."confidence" <= 1)
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"peer_challenge_id" integer NOT NULL,
	"reference" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "recommendation_kind" DEFAULT 'RECOMMENDATION' NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"council_position" text,
	"accountable" text,
	"responsible" text,
	"theme_label" text,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	CONSTRAINT "recommendations_challenge_reference_unique" UNIQUE("peer_challenge_id","reference"),
	CONSTRAINT "recommendations_position_positive" CHECK ("recommendations"."position" > 0),
	CONSTRAINT "recommendations_source_line_positive" CHECK ("recommendations"."source_line" > 0)
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"lead" text,
	"target_raw" text,
	"deadline" date,
	"deadline_precision" "deadline_precision" NOT NULL,
	"milestones" date[] DEFAULT '{}'::date[] NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	CONSTRAINT "actions_recommendation_position_unique" UNIQUE("recommendation_id","position"),
	CONSTRAINT "actions_position_positive" CHECK ("actions"."position" > 0),
	CONSTRAINT "actions_deadline_matches_precision" CHECK (("actions"."deadline" is null) = ("actions"."deadline_precision" in ('ONGOING', 'UNKNOWN')))
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action_id" integer NOT NULL,
	"recorded_on" date NOT NULL,
	"status" "action_status" NOT NULL,
	"status_text" text NOT NULL,
	"rag" "rag_colour",
	"note" text,
	"source" "progress_update_source" NOT NULL,
	"source_document_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_peer_group_id_peer_groups_id_fk" FOREIGN KEY ("peer_group_id") REFERENCES "public"."peer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_parent_id_themes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_challenges" ADD CONSTRAINT "peer_challenges_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_peer_challenge_id_peer_challenges_id_fk" FOREIGN KEY ("peer_challenge_id") REFERENCES "public"."peer_challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD CONSTRAINT "recommendation_themes_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD CONSTRAINT "recommendation_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_peer_challenge_id_peer_challenges_id_fk" FOREIGN KEY ("peer_challenge_id") REFERENCES "public"."peer_challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "councils_type_code_idx" ON "councils" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "councils_region_idx" ON "councils" USING btree ("region");--> statement-breakpoint
CREATE INDEX "councils_county_code_idx" ON "councils" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "peer_group_members_council_idx" ON "peer_group_members" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "themes_parent_idx" ON "themes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "peer_challenges_council_idx" ON "peer_challenges" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "source_documents_council_idx" ON "source_documents" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "recommendation_themes_theme_idx" ON "recommendation_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "recommendations_challenge_idx" ON "recommendations" USING btree ("peer_challenge_id","position");--> statement-breakpoint
CREATE INDEX "actions_deadline_idx" ON "actions" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "progress_updates_action_recorded_idx" ON "progress_updates" USING btree ("action_id","recorded_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "progress_updates_recorded_idx" ON "progress_updates" USING btree ("recorded_on");