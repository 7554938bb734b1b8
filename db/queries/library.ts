/**
 * The library: every document with its witnesses, how much of each
 * source witness is still placeholder, and the share of rows verified.
 * Four small reads, whatever the documents' length: counts are aggregated
 * in the database.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { alignmentRows, segments, witnesses } from '../schema';
import { witnessColumns } from './columns';
import { listDocuments, type DocumentMeta } from './documents';

export interface SourceProgress {
  witnessId: number;
  label: string;
  lang: string;
  /** Turns the witness has segments for. */
  turns: number;
  /** Turns with no placeholder segment left. */
  transcribed: number;
}

export interface LibraryEntry extends DocumentMeta {
  witnesses: Witness[];
  sources: SourceProgress[];
  /** Current alignment rows, and how many of them an editor has verified. */
  review: { rows: number; verified: number };
}

export async function listLibraryDocuments(db: Db): Promise<LibraryEntry[]> {
  const [docs, witnessRows, counts, reviewCounts] = await Promise.all([
    listDocuments(db),
    db
      .select({ ...witnessColumns, documentId: witnesses.documentId })
      .from(witnesses)
      .orderBy(asc(witnesses.documentId), asc(witnesses.position)),
    db
      .select({
        witnessId: segments.witnessId,
        turns: sql<number>`count(distinct ${segments.turnNo})::int`,
        pendingTurns: sql<number>`(count(distinct ${segments.turnNo}) filter (where ${segments.isPlaceholder}))::int`,
      })
      .from(segments)
      .innerJoin(witnesses, eq(witnesses.id, segments.witnessId))
      .where(and(isNull(segments.revTo), eq(witnesses.role, 'source')))
      .groupBy(segments.witnessId),
    db
      .select({
        documentId: alignmentRows.documentId,
        rows: sql<number>`count(*)::int`,
        verified: sql<number>`(count(*) filter (where ${alignmentRows.status} = 'verified'))::int`,
      })
      .from(alignmentRows)
      .where(isNull(alignmentRows.revTo))
      .groupBy(alignmentRows.documentId),
  ]);
  const reviewByDocument = new Map(reviewCounts.map((c) => [c.documentId, { rows: Number(c.rows), verified: Number(c.verified) }]));

  const countByWitness = new Map(counts.map((c) => [c.witnessId, c]));
  return docs.map((doc) => {
    const own = witnessRows.filter((w) => w.documentId === doc.id).map(({ documentId: _, ...w }) => w);
    const sources = own
      .filter((w) => w.role === 'source')
      .map((w) => {
        const c = countByWitness.get(w.id);
        const turns = Number(c?.turns ?? 0);
        return { witnessId: w.id, label: w.label, lang: w.lang, turns, transcribed: turns - Number(c?.pendingTurns ?? 0) };
      });
    return { ...doc, witnesses: own, sources, review: reviewByDocument.get(doc.id) ?? { rows: 0, verified: 0 } };
  });
}
