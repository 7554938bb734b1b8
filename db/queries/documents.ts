import { asc, eq } from 'drizzle-orm';
import type { DocumentMetadataFields } from '@/lib/document/bundle';
import type { Db } from '../connect';
import { documents } from '../schema';

const documentColumns = {
  id: documents.id,
  slug: documents.slug,
  title: documents.title,
  date: documents.date,
  participants: documents.participants,
  archiveRef: documents.archiveRef,
  translator: documents.translator,
  publisher: documents.publisher,
  sourceNote: documents.sourceNote,
  isExcerpt: documents.isExcerpt,
  currentRev: documents.currentRev,
};

/** The current details (db/schema.ts keeps a copy of the current metadata version in `documents`). */
export type DocumentMeta = { id: number; slug: string; currentRev: number } & Omit<DocumentMetadataFields, 'place' | 'frontMatter'>;

export async function listDocuments(db: Db): Promise<DocumentMeta[]> {
  return db.select(documentColumns).from(documents).orderBy(asc(documents.date), asc(documents.slug));
}

export async function getDocumentBySlug(db: Db, slug: string): Promise<DocumentMeta | null> {
  const [doc] = await db.select(documentColumns).from(documents).where(eq(documents.slug, slug));
  return doc ?? null;
}
