ALTER TABLE "source_documents" ADD COLUMN "format" text DEFAULT 'TEXT' NOT NULL;--> statement-breakpoint
ALTER TABLE "source_documents" ADD COLUMN "original" "bytea";