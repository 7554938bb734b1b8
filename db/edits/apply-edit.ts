/**
 * applyEdit: one edit operation as one transaction and one new revision.
 *   lock the document row → read the edit's window → refuse if anything the
 *   edit touches changed after its base revision (ConflictError) → run the
 *   pure operation → write its change set → bump current_rev and record the
 *   revision. Edits to other passages of a document that moved on go through.
 */
import { and, desc, eq } from 'drizzle-orm';
import { AlignmentError } from '@/lib/alignment/errors';
import type { EditOp } from '@/lib/alignment/op-schema';
import { applyOp, namedKeys } from '@/lib/alignment/ops/apply-op';
import type { Db } from '../connect';
import { getWitnesses } from '../queries/alignment';
import { alignmentMembers, alignmentRows, segments } from '../schema';
import { conflictError } from './conflict';
import { checkBaseRev, lockDocument, recordRevision } from './document-lock';
import { currentRowsByKey, currentRowsOfSegments, currentSegmentsByKey, loadWindow, turnSegmentKeys } from './load-window';
import { carryLinksThroughEdit, writeLinkChanges } from './word-link-edit';
import { countWrites, writeChanges } from './write-changes';

export interface ApplyEditInput {
  documentId: number;
  /** The revision the editor saw when making the edit. */
  baseRev: number;
  userId: number;
  op: EditOp;
}

export interface EditOutcome {
  rev: number;
  summary: string;
  /** Versions written (closed or inserted) by this revision. */
  written: { rows: number; segments: number };
}

export async function applyEdit(db: Db, input: ApplyEditInput): Promise<EditOutcome> {
  const { documentId, baseRev, userId, op } = input;
  return db.transaction(async (tx) => {
    const { currentRev } = await lockDocument(tx, documentId);
    checkBaseRev(baseRev, currentRev);
    const witnesses = await getWitnesses(tx, documentId);
    const named = namedKeys(op);

    const rows = await currentRowsByKey(tx, documentId, named.rowKeys);
    const segs = await currentSegmentsByKey(tx, documentId, named.segmentKeys);
    const lost = await lostVersions(
      tx,
      documentId,
      {
        rows: named.rowKeys.filter((k) => !rows.some((r) => r.key === k)),
        segments: named.segmentKeys.filter((k) => !segs.some((s) => s.key === k)),
      },
      baseRev,
    );

    // The window: rows named, rows holding named segments (whole turns when sentences are renumbered),
    // and, for named rows that no longer exist, where their segments are now.
    const anchorSegments = new Set([...segs.map((s) => s.key), ...lost.formerMembers]);
    if (named.wholeTurns) {
      for (const s of segs) for (const key of await turnSegmentKeys(tx, s.witnessId, s.turnNo)) anchorSegments.add(key);
    }
    const anchorOrderKeys = [...rows.map((r) => r.orderKey), ...(await currentRowsOfSegments(tx, documentId, [...anchorSegments]))];
    const window = await loadWindow(tx, documentId, currentRev, witnesses, anchorOrderKeys);

    // Conflicts on what the edit names: changed or gone since the base revision.
    const passageSegments = new Set([...named.segmentKeys, ...lost.formerMembers]);
    const touchedRows = window.state.rows.filter((r) => named.rowKeys.includes(r.key) || holdsAny(r.members, passageSegments));
    const newer = [
      ...rows.filter((r) => r.revFrom > baseRev).map((r) => r.revFrom),
      ...segs.filter((s) => s.revFrom > baseRev).map((s) => s.revFrom),
      ...lost.closedIn,
    ];
    // A text typed over one version of the segment: refused if the segment changed since, whatever baseRev says.
    const typedOver = await textVersion(tx, op, segs);
    if (typedOver?.changedInRev) newer.push(typedOver.changedInRev);
    if (newer.length) {
      const tail = typedOver ? 'your text is kept: compare it with the current text, merge them and save again.' : undefined;
      throw await conflictError(tx, {
        documentId,
        currentRev,
        state: window.state,
        rows: touchedRows,
        changedInRev: Math.max(...newer),
        tail,
      });
    }

    const result = applyOp(window, op);

    // Conflicts on what the edit rewrites without naming it (a neighbour row, a sibling sentence).
    const rewritten = [
      ...window.state.rows.filter((r) => result.touched.rows.includes(r.key) && r.revFrom > baseRev).map((r) => r.revFrom),
      ...result.touched.segments.flatMap((k) => {
        const s = window.state.segments[k];
        return s && s.revFrom > baseRev ? [s.revFrom] : [];
      }),
    ];
    if (rewritten.length) {
      const rewrittenSegments = new Set(result.touched.segments);
      const passageRows = window.state.rows.filter(
        (r) => result.touched.rows.includes(r.key) || holdsAny(r.members, rewrittenSegments),
      );
      throw await conflictError(tx, {
        documentId,
        currentRev,
        state: window.state,
        rows: passageRows,
        changedInRev: Math.max(...rewritten),
      });
    }

    // Word links follow their words: into the row holding them now, through a text correction, or dropped (and named).
    const carried = await carryLinksThroughEdit(tx, documentId, window.state, result.state);
    const summary = result.summary + carried.note;
    const rev = currentRev + 1;
    await writeChanges(tx, documentId, rev, result.changes);
    await writeLinkChanges(tx, documentId, rev, carried.changes);
    await recordRevision(tx, { documentId, rev, userId, op, summary });
    return { rev, summary, written: countWrites(result.changes) };
  });
}

/**
 * Named keys with no current version. A key that existed at the base
 * revision and was closed after it is a conflict (someone merged it away);
 * a key the editor cannot have seen is simply not found.
 */
async function lostVersions(
  db: Db,
  documentId: number,
  missing: { rows: string[]; segments: string[] },
  baseRev: number,
): Promise<{ closedIn: number[]; formerMembers: string[] }> {
  const closedIn: number[] = [];
  const formerMembers: string[] = [];
  for (const key of missing.rows) {
    // By key alone (see load-window.ts on why not by document too).
    const [last] = await db
      .select({ id: alignmentRows.id, revTo: alignmentRows.revTo, documentId: alignmentRows.documentId })
      .from(alignmentRows)
      .where(eq(alignmentRows.key, key))
      .orderBy(desc(alignmentRows.revFrom))
      .limit(1);
    if (!last || last.documentId !== documentId || last.revTo === null || last.revTo <= baseRev) {
      throw new AlignmentError('not-found', 'That row is not in this document (as of the revision you edited); reload the page.');
    }
    closedIn.push(last.revTo);
    const members = await db
      .select({ segmentKey: alignmentMembers.segmentKey })
      .from(alignmentMembers)
      .where(eq(alignmentMembers.rowVersionId, last.id));
    formerMembers.push(...members.map((m) => m.segmentKey));
  }
  for (const key of missing.segments) {
    const [last] = await db
      .select({ revTo: segments.revTo, documentId: segments.documentId })
      .from(segments)
      .where(eq(segments.key, key))
      .orderBy(desc(segments.revFrom))
      .limit(1);
    if (!last || last.documentId !== documentId || last.revTo === null || last.revTo <= baseRev) {
      throw new AlignmentError('not-found', 'That segment is not in this document (as of the revision you edited); reload the page.');
    }
    closedIn.push(last.revTo);
  }
  return { closedIn, formerMembers };
}

/**
 * For a text edit that names the segment version it was typed over: when the segment's text has changed
 * since that version, the revision of its current version. A newer version with the same text (a sentence
 * renumbered, a correction undone) is no conflict: nothing the editor has not seen would be replaced.
 * Null for other edits.
 */
async function textVersion(
  db: Db,
  op: EditOp,
  segs: readonly { key: string; revFrom: number; text: string; isPlaceholder: boolean }[],
): Promise<{ changedInRev: number | null } | null> {
  if ((op.type !== 'correct-text' && op.type !== 'replace-placeholder') || op.segmentRev === undefined) return null;
  const current = segs.find((s) => s.key === op.segmentKey);
  if (!current) return { changedInRev: null }; // gone: reported by lostVersions or as not found
  if (current.revFrom === op.segmentRev) return { changedInRev: null };
  // One lookup on segments_key_idx (key, rev_from).
  const [typedOver] = await db
    .select({ text: segments.text, isPlaceholder: segments.isPlaceholder })
    .from(segments)
    .where(and(eq(segments.key, op.segmentKey), eq(segments.revFrom, op.segmentRev)));
  if (!typedOver || current.revFrom < op.segmentRev) {
    throw new AlignmentError(
      'bad-revision',
      `This text was typed over a version of the segment that does not exist (revision ${op.segmentRev}); reload the page.`,
    );
  }
  const unchanged = typedOver.text === current.text && typedOver.isPlaceholder === current.isPlaceholder;
  return { changedInRev: unchanged ? null : current.revFrom };
}

function holdsAny(members: Record<number, string[]>, keys: ReadonlySet<string>): boolean {
  return Object.values(members).some((cell) => cell.some((k) => keys.has(k)));
}
