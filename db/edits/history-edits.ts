/**
 * Undo and revert, each one transaction writing one NEW revision (history is
 * never rewritten; lib/alignment/history.ts has the rules):
 *  - undo: the signed-in editor's own last edit on the document (repeated
 *    undos walk back through their edits), refused when anything that edit
 *    wrote has changed since;
 *  - revert to r: every row and segment changed after r goes back to its
 *    version at r, so the document reads exactly as it did at r. Made from a
 *    look at the history at some revision, it is refused if the document
 *    moved on since (the editor reviews the newer work first).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { isEmptyChangeSet } from '@/lib/alignment/change-set';
import { AlignmentError, ConflictError } from '@/lib/alignment/errors';
import { changedSince, describeRestore, restoreChangeSet, restoreViolations, type RestorePreview } from '@/lib/alignment/history';
import type { RevisionOp } from '@/lib/alignment/op-schema';
import type { Db } from '../connect';
import { getWitnesses } from '../queries/alignment';
import { alignmentRows, revisions, segments } from '../schema';
import type { EditOutcome } from './apply-edit';
import { conflictError, revisionAuthor } from './conflict';
import { lockDocument, recordRevision } from './document-lock';
import { currentRowsByKey, currentRowsOfSegments, loadWindow } from './load-window';
import { metadataToRevert, metadataToUndo, writeMetadataVersion } from './metadata-edit';
import { isEmptyLinkChanges, linksToRevert, linksToUndo, writeLinkChanges } from './word-link-edit';
import { keysChangedAfter, keysChangedAt, versionsAt } from './versions';
import { countWrites, writeChanges } from './write-changes';

/** How far back through an editor's own revisions undo looks for one not yet undone. */
const UNDO_LOOKBACK = 500;

export interface UndoTarget {
  rev: number;
  summary: string;
}

/** The editor's newest revision on the document that is an edit (or revert) and not undone yet. */
export async function lastUndoableRevision(db: Db, documentId: number, userId: number): Promise<UndoTarget | null> {
  const own = await db
    .select({ rev: revisions.rev, op: revisions.op, summary: revisions.summary })
    .from(revisions)
    .where(and(eq(revisions.documentId, documentId), eq(revisions.userId, userId)))
    .orderBy(desc(revisions.rev))
    .limit(UNDO_LOOKBACK);
  const undone = new Set<number>();
  for (const r of own) {
    const op = r.op as RevisionOp;
    if (op.type === 'undo') {
      undone.add(op.rev);
      continue;
    }
    if (op.type === 'import' || undone.has(r.rev)) continue;
    return { rev: r.rev, summary: r.summary };
  }
  return null;
}

export async function undoLastEdit(
  db: Db,
  input: { documentId: number; userId: number; /** The revision the editor means to undo, as shown to them. */ rev?: number },
): Promise<EditOutcome> {
  const { documentId, userId } = input;
  return db.transaction(async (tx) => {
    const { currentRev } = await lockDocument(tx, documentId);
    const target = await lastUndoableRevision(tx, documentId, userId);
    if (!target) throw new AlignmentError('no-change', 'You have no edit on this document left to undo.');
    if (input.rev !== undefined && input.rev !== target.rev) {
      throw new AlignmentError(
        'bad-revision',
        `Your last edit that can be undone is revision ${target.rev}, not ${input.rev}; reload the page.`,
      );
    }
    const x = target.rev;
    const keys = await keysChangedAt(tx, documentId, x);
    const [atX, beforeX, now] = await Promise.all([
      versionsAt(tx, documentId, keys, x),
      versionsAt(tx, documentId, keys, x - 1),
      versionsAt(tx, documentId, keys, null),
    ]);
    const blocked = changedSince(keys, atX, now);
    if (blocked.rows.length || blocked.segments.length) {
      const changedInRev = await lastChange(tx, blocked);
      const witnesses = await getWitnesses(tx, documentId);
      const rows = await currentRowsByKey(tx, documentId, blocked.rows);
      const anchors = [...rows.map((r) => r.orderKey), ...(await currentRowsOfSegments(tx, documentId, blocked.segments))];
      const window = await loadWindow(tx, documentId, currentRev, witnesses, anchors);
      const anchorSet = new Set(anchors);
      throw await conflictError(tx, {
        documentId,
        currentRev,
        state: window.state,
        rows: window.state.rows.filter((r) => anchorSet.has(r.orderKey)),
        changedInRev,
        tail: `your revision ${x} can no longer be undone. Reload to see the passage as it is now.`,
      });
    }
    const details = await metadataToUndo(tx, documentId, x, currentRev);
    const links = await linksToUndo(tx, documentId, x);
    if (links.changedInRev) {
      throw await conflictError(tx, {
        documentId,
        currentRev,
        state: { rev: currentRev, witnesses: [], rows: [], segments: {} },
        rows: [],
        changedInRev: links.changedInRev,
        tail: `its word links changed since, so your revision ${x} can no longer be undone. Reload to see the passage as it is now.`,
      });
    }
    const changes = restoreChangeSet(now, beforeX);
    if (isEmptyChangeSet(changes) && !details && isEmptyLinkChanges(links.changes))
      throw new AlignmentError('no-change', `Revision ${x} changed nothing that could be undone.`);
    if (!isEmptyChangeSet(changes)) {
      // The keys are as revision x left them, but later edits around them may make the restored text clash.
      const witnesses = await getWitnesses(tx, documentId);
      const anchors = [
        ...[...now.rows.values(), ...beforeX.rows.values()].map((r) => r.orderKey),
        ...(await currentRowsOfSegments(tx, documentId, [...keys.segments])),
      ];
      const window = await loadWindow(tx, documentId, currentRev, witnesses, anchors);
      const problems = restoreViolations(window, changes);
      if (problems.length) {
        throw new AlignmentError(
          'undo-blocked',
          `Your revision ${x} can no longer be undone: later edits rearranged the text around it (${problems[0]}). Reload to see the passage as it is now, and change it by hand.`,
        );
      }
    }
    const rev = currentRev + 1;
    const summary = `Undid revision ${x}: ${target.summary}`;
    await writeChanges(tx, documentId, rev, changes);
    await writeLinkChanges(tx, documentId, rev, links.changes);
    if (details) await writeMetadataVersion(tx, documentId, rev, details);
    await recordRevision(tx, { documentId, rev, userId, op: { type: 'undo', rev: x } satisfies RevisionOp, summary });
    return { rev, summary, written: countWrites(changes) };
  });
}

export async function revertTo(
  db: Db,
  input: { documentId: number; userId: number; baseRev: number; toRev: number },
): Promise<EditOutcome> {
  const { documentId, userId, baseRev, toRev } = input;
  return db.transaction(async (tx) => {
    const { currentRev } = await lockDocument(tx, documentId);
    if (baseRev !== currentRev) {
      const changedBy = await revisionAuthor(tx, documentId, currentRev);
      throw new ConflictError(
        `The document changed in revision ${currentRev} by ${changedBy} after the revision you were looking at (${baseRev}); review the history and revert again.`,
        { currentRev, passage: 'the document', changedInRev: currentRev, changedBy, rows: [] },
      );
    }
    if (!Number.isInteger(toRev) || toRev < 1 || toRev > currentRev) {
      throw new AlignmentError('bad-revision', `There is no revision ${toRev} to revert to; the revisions are 1 to ${currentRev}.`);
    }
    if (toRev === currentRev) throw new AlignmentError('no-change', `Revision ${toRev} is the current revision.`);
    const keys = await keysChangedAfter(tx, documentId, toRev);
    const [target, now] = await Promise.all([versionsAt(tx, documentId, keys, toRev), versionsAt(tx, documentId, keys, null)]);
    const changes = restoreChangeSet(now, target);
    const details = await metadataToRevert(tx, documentId, toRev);
    const links = await linksToRevert(tx, documentId, toRev);
    if (isEmptyChangeSet(changes) && !details && isEmptyLinkChanges(links)) {
      throw new AlignmentError('no-change', `The document already reads exactly as it did at revision ${toRev}.`);
    }
    const written = countWrites(changes);
    const rev = currentRev + 1;
    const linkCount = new Set([...links.close, ...links.insert.map((l) => l.key)]).size;
    const summary = `Reverted to revision ${toRev} (${plural(written.rows, 'row')}, ${plural(written.segments, 'segment')}${linkCount ? `, ${plural(linkCount, 'word link')}` : ''}${details ? ' and the document details' : ''} restored)`;
    await writeChanges(tx, documentId, rev, changes);
    await writeLinkChanges(tx, documentId, rev, links);
    if (details) await writeMetadataVersion(tx, documentId, rev, details);
    await recordRevision(tx, { documentId, rev, userId, op: { type: 'revert', toRev } satisfies RevisionOp, summary });
    return { rev, summary, written };
  });
}

/** What reverting to `toRev` would change now, for the confirmation (reads only; nothing is written). */
export async function previewRevert(db: Db, documentId: number, toRev: number): Promise<RestorePreview & { more: number }> {
  const keys = await keysChangedAfter(db, documentId, toRev);
  const [target, now, witnesses] = await Promise.all([
    versionsAt(db, documentId, keys, toRev),
    versionsAt(db, documentId, keys, null),
    getWitnesses(db, documentId),
  ]);
  return describeRestore(now, target, witnesses);
}

/** The newest revision that created or closed a version of any of these keys. */
async function lastChange(db: Db, keys: { rows: string[]; segments: string[] }): Promise<number> {
  // Keys are unique to their document; by key alone the key index serves it (see load-window.ts).
  const newest = (table: typeof segments | typeof alignmentRows, list: string[]) =>
    list.length
      ? db
          .select({ rev: sql<number>`max(greatest(${table.revFrom}, coalesce(${table.revTo}, 0)))`.mapWith(Number) })
          .from(table)
          .where(inArray(table.key, list))
      : Promise.resolve([{ rev: 0 }]);
  const [[a], [b]] = await Promise.all([newest(alignmentRows, keys.rows), newest(segments, keys.segments)]);
  return Math.max(a?.rev ?? 0, b?.rev ?? 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
