CREATE TABLE "document_metadata" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"title" text NOT NULL,
	"date" text,
	"place" text,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archive_ref" text,
	"translator" text,
	"publisher" text,
	"source_note" text,
	"is_excerpt" boolean DEFAULT false NOT NULL,
	"front_matter" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rev_from" integer NOT NULL,
	"rev_to" integer,
	CONSTRAINT "document_metadata_rev_range" CHECK ("document_metadata"."rev_to" is null or "document_metadata"."rev_to" > "document_metadata"."rev_from")
);
--> statement-breakpoint
CREATE TABLE "page_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"witness_id" integer NOT NULL,
	"turn_no" integer NOT NULL,
	"paragraph" integer NOT NULL,
	"label" text NOT NULL,
	"rev_from" integer NOT NULL,
	"rev_to" integer,
	CONSTRAINT "page_milestones_rev_range" CHECK ("page_milestones"."rev_to" is null or "page_milestones"."rev_to" > "page_milestones"."rev_from")
);
--> statement-breakpoint
ALTER TABLE "document_metadata" ADD CONSTRAINT "document_metadata_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_milestones" ADD CONSTRAINT "page_milestones_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_milestones" ADD CONSTRAINT "page_milestones_witness_id_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."witnesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_metadata_current" ON "document_metadata" USING btree ("document_id") WHERE "document_metadata"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "document_metadata_doc_rev_idx" ON "document_metadata" USING btree ("document_id","rev_from","rev_to");--> statement-breakpoint
CREATE INDEX "page_milestones_doc_idx" ON "page_milestones" USING btree ("document_id","turn_no");