CREATE TABLE "action_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action_id" integer NOT NULL,
	"version" integer NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"reason" text,
	"effective_on" date,
	"key_id" integer,
	"key_name" text NOT NULL,
	"revised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ALTER COLUMN "source_document_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ALTER COLUMN "source_line" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "recorded_by_key_id" integer;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "recorded_by_name" text;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_revisions_action_idx" ON "action_revisions" USING btree ("action_id","id");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_source_line_with_document" CHECK (("actions"."source_document_id" is null) = ("actions"."source_line" is null));--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_retired_with_reason" CHECK (("actions"."retired_on" is null) = ("actions"."retired_reason" is null));--> statement-breakpoint
-- hand-written below: keep when regenerating
-- An edit's history is appended, never rewritten: refuse UPDATE and DELETE on action revisions.
CREATE FUNCTION action_revisions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'action_revisions is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER action_revisions_append_only
  BEFORE UPDATE OR DELETE ON action_revisions
  FOR EACH ROW EXECUTE FUNCTION action_revisions_refuse_change();
