/**
 * Word-link edits (link, unlink, review and write suggestions), each one
 * transaction and one revision like any edit: lock the document, refuse when
 * the row or its links changed after the editor's base revision (conflicts
 * at the level of the row, as for alignment edits), run the pure operation
 * (lib/word-links/ops.ts), close and insert link versions, record the
 * revision. Also: carrying links through alignment and text edits, and the
 * link side of undo and revert.
 */
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { AlignmentError } from '@/lib/alignment/errors';
import type { WordLinkOp } from '@/lib/alignment/op-schema';
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { newKey } from '@/lib/keys/ids';
import {
  carryLinks,
  isEmptyLinkChanges,
  linkWords,
  reviewLinks,
  unlinkWords,
  writeSuggestions,
  type LinkChanges,
  type LinkOutcome,
} from '@/lib/word-links/ops';
import { sameWordLink, type WordLink } from '@/lib/word-links/types';
import type { Db } from '../connect';
import { getWitnesses } from '../queries/alignment';
import { aliveAt, changedAfter, changedAt } from '../queries/alive-at';
import { byRow, wordLinkColumns, wordLinksOfRows } from '../queries/word-links';
import { wordLinks } from '../schema';
import type { EditOutcome } from './apply-edit';
import { conflictError } from './conflict';
import { checkBaseRev, lockDocument, recordRevision } from './document-lock';
import { currentRowsByKey, loadWindow } from './load-window';

/** Suggestions for rows of a window, computed from the document (db/edits/word-link-suggest.ts). */
export type SuggestFor = (
  db: Db,
  documentId: number,
  rows: readonly AlignmentRow[],
  state: AlignmentState,
  links: ReadonlyMap<string, readonly WordLink[]>,
) => Promise<Omit<WordLink, 'key'>[]>;

export async function writeLinkChanges(db: Db, documentId: number, rev: number, changes: LinkChanges): Promise<void> {
  if (changes.close.length) {
    await db
      .update(wordLinks)
      .set({ revTo: rev })
      .where(and(eq(wordLinks.documentId, documentId), inArray(wordLinks.key, changes.close), isNull(wordLinks.revTo)));
  }
  if (changes.insert.length) {
    await db.insert(wordLinks).values(
      changes.insert.map((l) => ({
        key: l.key,
        documentId,
        rowKey: l.rowKey,
        sourceTokens: l.sourceTokens,
        targetTokens: l.targetTokens,
        status: l.status,
        userId: l.createdBy,
        revFrom: rev,
      })),
    );
  }
}

function stripRev<T extends WordLink>({ revFrom: _r, ...link }: T & { revFrom?: number }): WordLink {
  return link;
}

export async function applyWordLinkEdit(
  db: Db,
  input: { documentId: number; baseRev: number; userId: number; op: WordLinkOp; suggest?: SuggestFor },
): Promise<EditOutcome> {
  const { documentId, baseRev, userId, op } = input;
  return db.transaction(async (tx) => {
    const { currentRev } = await lockDocument(tx, documentId);
    checkBaseRev(baseRev, currentRev);
    const rowKeys = 'rowKeys' in op ? op.rowKeys : [op.rowKey];
    const rows = await currentRowsByKey(tx, documentId, rowKeys);
    if (rows.length !== new Set(rowKeys).size) {
      throw new AlignmentError('not-found', 'That row is not in this document any more; reload the page.');
    }
    const witnesses = await getWitnesses(tx, documentId);
    const window = await loadWindow(
      tx,
      documentId,
      currentRev,
      witnesses,
      rows.map((r) => r.orderKey),
    );
    const state = window.state;
    const named = state.rows.filter((r) => rowKeys.includes(r.key));

    // Row-level conflicts: the row, its segments or its links changed after the base revision.
    const newer = [
      ...named.map((r) => r.revFrom),
      ...named.flatMap((r) =>
        Object.values(r.members)
          .flat()
          .map((k) => state.segments[k]?.revFrom ?? 0),
      ),
      await lastLinkChange(tx, documentId, rowKeys, baseRev),
    ].filter((rev) => rev > baseRev);
    if (newer.length) {
      throw await conflictError(tx, { documentId, currentRev, state, rows: named, changedInRev: Math.max(...newer) });
    }

    const current = byRow((await wordLinksOfRows(tx, documentId, rowKeys, null)).map(stripRev));
    let outcome: LinkOutcome;
    switch (op.type) {
      case 'link-words':
        outcome = linkWords(current.get(op.rowKey) ?? [], named[0]!, state, {
          sourceTokens: op.sourceTokens,
          targetTokens: op.targetTokens,
          userId,
          newKey: () => newKey('w'),
        });
        break;
      case 'unlink-words':
        outcome = unlinkWords(current.get(op.rowKey) ?? [], named[0]!, state, op.linkKeys);
        break;
      case 'review-links':
        outcome = reviewLinks(current, named, state, op.action, userId);
        break;
      case 'suggest-links': {
        if (!input.suggest) throw new Error('suggest-links needs a suggester');
        const suggested = await input.suggest(tx, documentId, named, state, current);
        outcome = writeSuggestions(
          current,
          named,
          state,
          suggested.map((s) => ({ ...s, createdBy: userId })),
          () => newKey('w'),
        );
        break;
      }
    }
    const rev = currentRev + 1;
    await writeLinkChanges(tx, documentId, rev, outcome.changes);
    await recordRevision(tx, { documentId, rev, userId, op, summary: outcome.summary });
    return { rev, summary: outcome.summary, written: { rows: 0, segments: 0 } };
  });
}

/** The newest revision after `baseRev` that created or closed a link of these rows (0: none). */
async function lastLinkChange(db: Db, documentId: number, rowKeys: readonly string[], baseRev: number): Promise<number> {
  const [row] = await db
    .select({ rev: sql<number>`coalesce(max(greatest(${wordLinks.revFrom}, coalesce(${wordLinks.revTo}, 0))), 0)`.mapWith(Number) })
    .from(wordLinks)
    .where(
      and(
        eq(wordLinks.documentId, documentId),
        inArray(wordLinks.rowKey, [...rowKeys]),
        or(gt(wordLinks.revFrom, baseRev), gt(wordLinks.revTo, baseRev)),
      ),
    );
  return row?.rev ?? 0;
}

/**
 * The link side of an alignment or text edit: the links of the window's rows
 * after it (followed into their new row, remapped through a correction, or
 * dropped), and a sentence for the revision summary naming what was dropped.
 */
export async function carryLinksThroughEdit(
  db: Db,
  documentId: number,
  before: AlignmentState,
  after: AlignmentState,
): Promise<{ changes: LinkChanges; note: string }> {
  const links = (
    await wordLinksOfRows(
      db,
      documentId,
      before.rows.map((r) => r.key),
      null,
    )
  ).map(stripRev);
  if (!links.length) return { changes: { close: [], insert: [] }, note: '' };
  const { changes, dropped } = carryLinks(links, before, after);
  const note = dropped.length ? `; word link${dropped.length === 1 ? '' : 's'} dropped: ${dropped.join(', ')}` : '';
  return { changes, note };
}

/** Link keys with a version created or closed by revision `rev`. */
export async function linkKeysChangedAt(db: Db, documentId: number, rev: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: wordLinks.key })
    .from(wordLinks)
    .where(and(eq(wordLinks.documentId, documentId), changedAt(wordLinks, rev)));
  return rows.map((r) => r.key);
}

/** Link keys with a version created or closed after revision `rev`. */
export async function linkKeysChangedAfter(db: Db, documentId: number, rev: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: wordLinks.key })
    .from(wordLinks)
    .where(and(eq(wordLinks.documentId, documentId), changedAfter(wordLinks, rev)));
  return rows.map((r) => r.key);
}

export async function linkVersionsAt(
  db: Db,
  documentId: number,
  keys: readonly string[],
  rev: number | null,
): Promise<Map<string, WordLink & { revFrom: number }>> {
  const map = new Map<string, WordLink & { revFrom: number }>();
  for (let i = 0; i < keys.length; i += 1_000) {
    const found = await db
      .select(wordLinkColumns)
      .from(wordLinks)
      .where(and(eq(wordLinks.documentId, documentId), inArray(wordLinks.key, keys.slice(i, i + 1_000)), aliveAt(wordLinks, rev)));
    for (const l of found) map.set(l.key, l);
  }
  return map;
}

/** What to write so that the links `now` become `target`, key by key. */
export function restoreLinks(
  keys: readonly string[],
  now: ReadonlyMap<string, WordLink>,
  target: ReadonlyMap<string, WordLink>,
): LinkChanges {
  const changes: LinkChanges = { close: [], insert: [] };
  for (const key of keys) {
    const a = now.get(key);
    const b = target.get(key);
    if (a && b && sameWordLink(stripRev(a), stripRev(b))) continue;
    if (a) changes.close.push(key);
    if (b) changes.insert.push(stripRev(b));
  }
  return changes;
}

/**
 * Undo of revision x, link side: links as they were before x. Refused (the
 * newest later revision is returned) when a link x wrote changed since.
 */
export async function linksToUndo(db: Db, documentId: number, x: number): Promise<{ changes: LinkChanges; changedInRev: number }> {
  const keys = await linkKeysChangedAt(db, documentId, x);
  if (!keys.length) return { changes: { close: [], insert: [] }, changedInRev: 0 };
  const [atX, beforeX, now] = await Promise.all([
    linkVersionsAt(db, documentId, keys, x),
    linkVersionsAt(db, documentId, keys, x - 1),
    linkVersionsAt(db, documentId, keys, null),
  ]);
  let changedInRev = 0;
  for (const key of keys) {
    const a = atX.get(key);
    const n = now.get(key);
    if ((a?.revFrom ?? null) !== (n?.revFrom ?? null)) changedInRev = Math.max(changedInRev, n?.revFrom ?? x + 1);
  }
  return { changes: restoreLinks(keys, now, beforeX), changedInRev };
}

export async function linksToRevert(db: Db, documentId: number, toRev: number): Promise<LinkChanges> {
  const keys = await linkKeysChangedAfter(db, documentId, toRev);
  const [target, now] = await Promise.all([linkVersionsAt(db, documentId, keys, toRev), linkVersionsAt(db, documentId, keys, null)]);
  return restoreLinks(keys, now, target);
}

export { isEmptyLinkChanges };
