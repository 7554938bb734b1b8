import { asc, eq } from 'drizzle-orm';
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

export type DocumentMeta = {
  id: number;
  slug: string;
  title: string;
  date: string | null;
  participants: string[];
  archiveRef: string | null;
  translator: string | null;
  publisher: string | null;
  sourceNote: string | null;
  isExcerpt: boolean;
  currentRev: number;
};

export async function listDocuments(db: Db): Promise<DocumentMeta[]> {
  return db.select(documentColumns).from(documents).orderBy(asc(documents.date), asc(documents.slug));
}

export async function getDocumentBySlug(db: Db, slug: string): Promise<DocumentMeta | null> {
  const [doc] = await db.select(documentColumns).from(documents).where(eq(documents.slug, slug));
  return doc ?? null;
}
