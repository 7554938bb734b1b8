/**
 * Builds the conflict an editor sees when the passage they edited changed
 * since the revision they saw: which passage, in which revision, by whom,
 * and the passage as it is now.
 */
import { and, eq } from 'drizzle-orm';
import { ConflictError, type ConflictRow } from '@/lib/alignment/errors';
import { columnName, passageLabel, rowLabel } from '@/lib/alignment/labels';
import { segmentRef, type AlignmentRow, type AlignmentState } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { revisions, users } from '../schema';

export async function revisionAuthor(db: Db, documentId: number, rev: number): Promise<string> {
  const [row] = await db
    .select({ name: users.name })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.documentId, documentId), eq(revisions.rev, rev)));
  return row?.name ?? 'another editor';
}

export function describeRows(rows: readonly AlignmentRow[], state: AlignmentState): ConflictRow[] {
  return rows.map((row) => ({
    key: row.key,
    label: rowLabel(row, state),
    status: row.status,
    note: row.note,
    cells: state.witnesses.map((w) => ({
      witnessId: w.id,
      lang: w.lang,
      column: columnName(w),
      segments: (row.members[w.id] ?? []).flatMap((k) => {
        const s = state.segments[k];
        return s ? [{ key: s.key, ref: segmentRef(s), text: s.text, rev: s.revFrom, isPlaceholder: s.isPlaceholder }] : [];
      }),
    })),
  }));
}

/**
 * The conflict for `rows` (the touched passage as it is now; may be empty
 * when it was merged away), changed in `changedInRev`.
 */
export async function conflictError(
  db: Db,
  input: { documentId: number; currentRev: number; state: AlignmentState; rows: AlignmentRow[]; changedInRev: number; tail?: string },
): Promise<ConflictError> {
  const changedBy = await revisionAuthor(db, input.documentId, input.changedInRev);
  const passage = input.rows.length ? passageLabel(input.rows, input.state) : 'This passage';
  const tail = input.tail ?? 'reload to see it.';
  return new ConflictError(`${passage} changed in revision ${input.changedInRev} by ${changedBy}; ${tail}`, {
    currentRev: input.currentRev,
    passage,
    changedInRev: input.changedInRev,
    changedBy,
    rows: describeRows(input.rows, input.state),
  });
}
