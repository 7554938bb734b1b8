/**
 * Word links of given rows, now or at a revision (pinned passages): one
 * range on (document, row key) per read.
 */
import { and, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { WordLink } from '@/lib/word-links/types';
import type { Db } from '../connect';
import { wordLinks } from '../schema';

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
export async function wordLinksOfRows(db: Db, documentId: number, rowKeys: readonly string[], rev: number | null): Promise<StoredWordLink[]> {
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
