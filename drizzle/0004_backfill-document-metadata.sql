-- Documents imported before metadata was versioned get their metadata as version 1.
INSERT INTO "document_metadata" ("document_id", "title", "date", "participants", "archive_ref", "translator", "publisher", "source_note", "is_excerpt", "witnesses", "rev_from")
SELECT d."id", d."title", d."date", d."participants", d."archive_ref", d."translator", d."publisher", d."source_note", d."is_excerpt",
  coalesce((SELECT jsonb_agg(jsonb_build_object('id', w."id", 'lang', w."lang", 'label', w."label") ORDER BY w."position") FROM "witnesses" w WHERE w."document_id" = d."id"), '[]'::jsonb),
  1
FROM "documents" d
WHERE NOT EXISTS (SELECT 1 FROM "document_metadata" m WHERE m."document_id" = d."id");
