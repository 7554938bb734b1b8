CREATE INDEX "alignment_rows_doc_rev_to_idx" ON "alignment_rows" USING btree ("document_id","rev_to");--> statement-breakpoint
CREATE INDEX "segments_doc_rev_to_idx" ON "segments" USING btree ("document_id","rev_to");--> statement-breakpoint
CREATE INDEX "segments_current_turn_idx" ON "segments" USING btree ("witness_id","turn_no") WHERE "segments"."rev_to" is null;