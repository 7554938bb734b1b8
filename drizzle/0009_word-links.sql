CREATE TABLE "word_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"document_id" integer NOT NULL,
	"row_key" text NOT NULL,
	"source_tokens" jsonb NOT NULL,
	"target_tokens" jsonb NOT NULL,
	"status" text NOT NULL,
	"user_id" integer NOT NULL,
	"rev_from" integer NOT NULL,
	"rev_to" integer,
	CONSTRAINT "word_links_rev_range" CHECK ("word_links"."rev_to" is null or "word_links"."rev_to" > "word_links"."rev_from"),
	CONSTRAINT "word_links_status_check" CHECK ("word_links"."status" in ('suggested', 'accepted'))
);
--> statement-breakpoint
ALTER TABLE "word_links" ADD CONSTRAINT "word_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "word_links" ADD CONSTRAINT "word_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "word_links_current_key" ON "word_links" USING btree ("key") WHERE "word_links"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "word_links_current_row_idx" ON "word_links" USING btree ("document_id","row_key") WHERE "word_links"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "word_links_row_rev_idx" ON "word_links" USING btree ("document_id","row_key","rev_from");--> statement-breakpoint
CREATE INDEX "word_links_doc_rev_idx" ON "word_links" USING btree ("document_id","rev_from","rev_to");--> statement-breakpoint
CREATE INDEX "word_links_doc_rev_to_idx" ON "word_links" USING btree ("document_id","rev_to");