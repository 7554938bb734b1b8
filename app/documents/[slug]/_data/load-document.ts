import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { getDocumentBySlug, type DocumentMeta } from '@/db/queries/documents';

/**
 * A document's metadata, read once per request: a page, its
 * generateMetadata and its citation metadata all ask for it.
 */
export const loadDocument = cache(async (slug: string): Promise<DocumentMeta | null> => getDocumentBySlug(await getDb(), slug));
