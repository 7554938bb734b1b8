/**
 * Word links of given rows, now or at a revision (pinned passages): one
 * range on (document, row key) per read.
 */
import { and, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AlignmentState } from '@/lib/alignment/types';
import { rowWordsPayload, type RowWordsPayload } from '@/lib/word-links/payload';
import type { WordLink } from '@/lib/word-links/types';
import type { Db } from '../connect';
import { versionsAt } from '../edits/versions';
import { wordLinks } from '../schema';
import { getWitnesses } from './alignment';

const CHUNK = 1_000;

export function linkAliveAt(rev: number | null): SQL {
  if (rev === null) return isNull(wordLinks.revTo);
  return and(lte(wordLinks.revFrom, rev), or(isNull(wordLinks.revTo), gt(wordLinks.revTo, rev)))!;
}

export const wordLinkColumns = {
  key: wordLinks.key,
  rowKey: wordLinks.rowKey,
  sourceTokens: wordLinks.sourceTokens,
  targetTokens: wordLinks.targetTokens,
  status: wordLinks.status,
  createdBy: wordLinks.userId,
  revFrom: wordLinks.revFrom,
};

export type StoredWordLink = WordLink & { revFrom: number };

/** The links of `rowKeys` at `rev` (null: now), in row order of the keys given, then by key. */
export async function wordLinksOfRows(
  db: Db,
  documentId: number,
  rowKeys: readonly string[],
  rev: number | null,
): Promise<StoredWordLink[]> {
  const result: StoredWordLink[] = [];
  for (let i = 0; i < rowKeys.length; i += CHUNK) {
    const part = rowKeys.slice(i, i + CHUNK);
    result.push(
      ...(await db
        .select(wordLinkColumns)
        .from(wordLinks)
        .where(and(eq(wordLinks.documentId, documentId), inArray(wordLinks.rowKey, part), linkAliveAt(rev)))),
    );
  }
  return result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function byRow<T extends { rowKey: string }>(links: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const l of links) map.set(l.rowKey, [...(map.get(l.rowKey) ?? []), l]);
  return map;
}

export function stripRevision({ revFrom: _r, ...link }: StoredWordLink): WordLink {
  return link;
}

/**
 * The reader's payload for rows at a revision (null: now): the rows' words
 * and links. Rows and segments are read by key (db/edits/versions.ts), so
 * the cost follows the rows asked for, not the document.
 */
export async function rowWordsAt(
  db: Db,
  documentId: number,
  rowKeys: readonly string[],
  rev: number | null,
): Promise<Record<string, RowWordsPayload>> {
  const witnesses = await getWitnesses(db, documentId);
  const rows = await versionsAt(db, documentId, { rows: [...rowKeys], segments: [] }, rev);
  const segmentKeys = [...rows.rows.values()].flatMap((r) => Object.values(r.members).flat());
  const segs = await versionsAt(db, documentId, { rows: [], segments: segmentKeys }, rev);
  const state: AlignmentState = {
    rev: rev ?? 0,
    witnesses,
    rows: [],
    segments: Object.fromEntries([...segs.segments].map(([k, s]) => [k, { ...s, revFrom: 0 }])),
  };
  const links = (await wordLinksOfRows(db, documentId, rowKeys, rev)).map(stripRevision);
  const out: Record<string, RowWordsPayload> = {};
  for (const [key, row] of rows.rows) out[key] = rowWordsPayload({ ...row, revFrom: 0 }, state, links);
  return out;
}
