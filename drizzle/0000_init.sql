CREATE TABLE "alignment_members" (
	"row_version_id" integer NOT NULL,
	"witness_id" integer NOT NULL,
	"segment_key" text NOT NULL,
	CONSTRAINT "alignment_members_row_version_id_segment_key_pk" PRIMARY KEY("row_version_id","segment_key")
);
--> statement-breakpoint
CREATE TABLE "alignment_rows" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"document_id" integer NOT NULL,
	"order_key" text collate "C" NOT NULL,
	"status" text DEFAULT 'auto' NOT NULL,
	"note" text,
	"rev_from" integer NOT NULL,
	"rev_to" integer,
	CONSTRAINT "alignment_rows_rev_range" CHECK ("alignment_rows"."rev_to" is null or "alignment_rows"."rev_to" > "alignment_rows"."rev_from")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"date" text,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archive_ref" text,
	"translator" text,
	"publisher" text,
	"source_note" text,
	"is_excerpt" boolean DEFAULT false NOT NULL,
	"current_rev" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"document_id" integer NOT NULL,
	"rev" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"op" jsonb NOT NULL,
	"summary" text NOT NULL,
	CONSTRAINT "revisions_document_id_rev_pk" PRIMARY KEY("document_id","rev")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"document_id" integer NOT NULL,
	"witness_id" integer NOT NULL,
	"order_key" text collate "C" NOT NULL,
	"turn_no" integer NOT NULL,
	"sentence_no" integer,
	"speaker" text,
	"text" text NOT NULL,
	"is_placeholder" boolean DEFAULT false NOT NULL,
	"rev_from" integer NOT NULL,
	"rev_to" integer,
	CONSTRAINT "segments_rev_range" CHECK ("segments"."rev_to" is null or "segments"."rev_to" > "segments"."rev_from")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" text DEFAULT 'editor' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "witnesses" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"lang" text NOT NULL,
	"role" text NOT NULL,
	"label" text NOT NULL,
	"is_placeholder_witness" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alignment_members" ADD CONSTRAINT "alignment_members_row_version_id_alignment_rows_id_fk" FOREIGN KEY ("row_version_id") REFERENCES "public"."alignment_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignment_members" ADD CONSTRAINT "alignment_members_witness_id_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."witnesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignment_rows" ADD CONSTRAINT "alignment_rows_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_witness_id_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."witnesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "witnesses" ADD CONSTRAINT "witnesses_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alignment_members_segment_idx" ON "alignment_members" USING btree ("segment_key");--> statement-breakpoint
CREATE UNIQUE INDEX "alignment_rows_current_order_key" ON "alignment_rows" USING btree ("document_id","order_key") WHERE "alignment_rows"."rev_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alignment_rows_current_key" ON "alignment_rows" USING btree ("key") WHERE "alignment_rows"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "alignment_rows_doc_rev_idx" ON "alignment_rows" USING btree ("document_id","rev_from","rev_to");--> statement-breakpoint
CREATE INDEX "alignment_rows_key_idx" ON "alignment_rows" USING btree ("key","rev_from");--> statement-breakpoint
CREATE INDEX "revisions_user_idx" ON "revisions" USING btree ("document_id","user_id","rev");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_current_order_key" ON "segments" USING btree ("witness_id","order_key") WHERE "segments"."rev_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_current_key" ON "segments" USING btree ("key") WHERE "segments"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "segments_doc_rev_idx" ON "segments" USING btree ("document_id","rev_from","rev_to");--> statement-breakpoint
CREATE INDEX "segments_key_idx" ON "segments" USING btree ("key","rev_from");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_subject_idx" ON "sign_in_attempts" USING btree ("subject","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "witnesses_document_position_key" ON "witnesses" USING btree ("document_id","position");