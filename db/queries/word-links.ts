/**
 * Word links of given rows, now or at a revision (pinned passages): one
 * range on (document, row key) per read.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { rowAnchorIds } from '@/lib/alignment/row-refs';
import type { AlignmentState } from '@/lib/alignment/types';
import { rowWordsPayload, type RowWordsPayload } from '@/lib/word-links/payload';
import type { WordLink } from '@/lib/word-links/types';
import type { PassageView } from './passages';
import type { Db } from '../connect';
import { versionsAt } from '../edits/versions';
import { readCache, revisionKey } from '../read-path/cache';
import { getCachedWindow, getDocumentShape } from '../read-path/reader';
import { wordLinks } from '../schema';
import { getWitnesses } from './alignment';
import { aliveAt } from './alive-at';

const CHUNK = 1_000;

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
        .where(and(eq(wordLinks.documentId, documentId), inArray(wordLinks.rowKey, part), aliveAt(wordLinks, rev)))),
    );
  }
  return result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The links of a passage's rows at the revision it shows, read once per (document, revision, passage):
 * the passage page's word-by-word reading and its word citation share them.
 */
export function passageWordLinks(db: Db, view: PassageView): Promise<WordLink[]> {
  const { document, state, passage } = view;
  return readCache(db).get(revisionKey(document.id, state.rev, `passage-links:${passage.canonical}`), async () =>
    (
      await wordLinksOfRows(
        db,
        document.id,
        passage.rows.map((row) => row.key),
        state.rev,
      )
    ).map(stripRevision),
  );
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

/** How the reader names a row: its element id, a ref (T5, T5.2) or `row-<key>` for a row with no translation. */
const ROW_ANCHOR = /^(?:T(\d{1,7})(?:\.\d{1,5})?|row-([\w-]{1,64}))$/;

export function isRowAnchor(anchor: string): boolean {
  return ROW_ANCHOR.test(anchor);
}

/**
 * The reader's payload for the row an element id names, at `rev`: the row
 * is found in the cached window of its turn (db/read-path/reader.ts), so a
 * hover costs one indexed read of the row's links, and nothing once cached.
 * Null when no row at `rev` has that id.
 */
export function rowWordsByAnchor(db: Db, documentId: number, anchor: string, rev: number): Promise<RowWordsPayload | null> {
  return readCache(db).get(revisionKey(documentId, rev, `row-words:${anchor}`), async () => {
    const match = ROW_ANCHOR.exec(anchor);
    if (!match) return null;
    const [, turn, rowKey] = match;
    if (rowKey !== undefined) return (await rowWordsAt(db, documentId, [rowKey], rev))[rowKey] ?? null;
    const { witnesses } = await getDocumentShape(db, documentId, rev);
    const span = { first: Number(turn), last: Number(turn) };
    const state = await getCachedWindow(db, documentId, rev, span, witnesses);
    const anchors = rowAnchorIds(state.rows, state);
    const row = state.rows.find((r) => {
      const ids = anchors.get(r.key);
      return ids !== undefined && (ids.id === anchor || ids.extra.includes(anchor));
    });
    if (!row) return null;
    const links = (await wordLinksOfRows(db, documentId, [row.key], rev)).map(stripRevision);
    return rowWordsPayload(row, state, links);
  });
}
