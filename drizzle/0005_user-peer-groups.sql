ALTER TABLE "peer_groups" ADD COLUMN "owner_key_id" integer;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "owner_name" text;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "shared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "peer_groups_owner_idx" ON "peer_groups" USING btree ("owner_key_id");--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_owner_only_user" CHECK (("peer_groups"."kind" = 'USER') = ("peer_groups"."owner_name" is not null));