/**
 * Reads a document's alignment, current or as of a revision, into the pure
 * model of lib/alignment. Each read is an index range on (document, rev).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { alignmentRows, documents, segments, witnesses } from '../schema';
import { aliveAt } from './alive-at';
import { rowColumns, segmentColumns, witnessColumns } from './columns';
import { membersByRow, membersOfRows, type MemberRecord } from './members';

export async function getWitnesses(db: Db, documentId: number): Promise<Witness[]> {
  return db.select(witnessColumns).from(witnesses).where(eq(witnesses.documentId, documentId)).orderBy(asc(witnesses.position));
}

/**
 * The whole alignment of a document at `rev` (null: current). Three range
 * reads (rows, their members, segments), joined in memory by key.
 */
export async function getAlignmentState(db: Db, documentId: number, rev: number | null = null): Promise<AlignmentState> {
  const [doc] = await db.select({ currentRev: documents.currentRev }).from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new Error(`No document ${documentId}`);
  const atRev = rev ?? doc.currentRev;

  const [witnessList, rowRecords, segmentRecords] = await Promise.all([
    getWitnesses(db, documentId),
    db
      .select(rowColumns)
      .from(alignmentRows)
      .where(and(eq(alignmentRows.documentId, documentId), aliveAt(alignmentRows, rev)))
      .orderBy(asc(alignmentRows.orderKey)),
    db
      .select(segmentColumns)
      .from(segments)
      .where(and(eq(segments.documentId, documentId), aliveAt(segments, rev))),
  ]);

  const members = await membersOfRows(
    db,
    rowRecords.map((r) => r.id),
  );

  return assembleState(atRev, witnessList, rowRecords, members, segmentRecords);
}

export interface RowRecord {
  id: number;
  key: string;
  orderKey: string;
  status: AlignmentRow['status'];
  note: string | null;
  revFrom: number;
}

/** Joins rows, their members and segments (read separately, by range or key) into the pure model. */
export function assembleState(
  rev: number,
  witnessList: Witness[],
  rowRecords: RowRecord[],
  members: MemberRecord[],
  segmentRecords: Segment[],
): AlignmentState {
  const segmentMap: Record<string, Segment> = {};
  for (const s of segmentRecords) segmentMap[s.key] = s;

  const byRow = membersByRow(members, (key) => segmentMap[key]?.orderKey);
  const rows: AlignmentRow[] = rowRecords.map((r) => ({
    key: r.key,
    orderKey: r.orderKey,
    status: r.status,
    note: r.note,
    revFrom: r.revFrom,
    members: byRow.get(r.id) ?? {},
  }));

  return { rev, witnesses: witnessList, rows, segments: segmentMap };
}
