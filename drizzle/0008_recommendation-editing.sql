CREATE TABLE "recommendation_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"version" integer NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"reason" text,
	"key_id" integer,
	"key_name" text NOT NULL,
	"revised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD COLUMN "linked_by_key_id" integer;--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD COLUMN "linked_by_name" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "recommendation_revisions" ADD CONSTRAINT "recommendation_revisions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_revisions_recommendation_idx" ON "recommendation_revisions" USING btree ("recommendation_id","id");--> statement-breakpoint
-- hand-written below: keep when regenerating
-- An edit's history is appended, never rewritten: refuse UPDATE and DELETE on recommendation revisions.
CREATE FUNCTION recommendation_revisions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'recommendation_revisions is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER recommendation_revisions_append_only
  BEFORE UPDATE OR DELETE ON recommendation_revisions
  FOR EACH ROW EXECUTE FUNCTION recommendation_revisions_refuse_change();
