/**
 * Reads a document's alignment, current or as of a revision, into the pure
 * model of lib/alignment. Each read is an index range on (document, rev).
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { alignmentMembers, alignmentRows, documents, segments, witnesses } from '../schema';
import { rowColumns, segmentColumns } from './columns';

/** Versions alive at `rev` (or current ones when rev is null). */
export function aliveAt(table: typeof segments | typeof alignmentRows, rev: number | null): SQL {
  if (rev == null) return isNull(table.revTo);
  return and(lte(table.revFrom, rev), or(isNull(table.revTo), gt(table.revTo, rev)))!;
}

export async function getWitnesses(db: Db, documentId: number): Promise<Witness[]> {
  return db
    .select({
      id: witnesses.id,
      lang: witnesses.lang,
      role: witnesses.role,
      label: witnesses.label,
      isPlaceholderWitness: witnesses.isPlaceholderWitness,
      position: witnesses.position,
    })
    .from(witnesses)
    .where(eq(witnesses.documentId, documentId))
    .orderBy(asc(witnesses.position));
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

  const members = rowRecords.length
    ? await db
        .select({
          rowVersionId: alignmentMembers.rowVersionId,
          witnessId: alignmentMembers.witnessId,
          segmentKey: alignmentMembers.segmentKey,
        })
        .from(alignmentMembers)
        .where(
          inArray(
            alignmentMembers.rowVersionId,
            rowRecords.map((r) => r.id),
          ),
        )
    : [];

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

export interface MemberRecord {
  rowVersionId: number;
  witnessId: number;
  segmentKey: string;
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

  const membersByRow = new Map<number, Record<number, string[]>>();
  for (const m of members) {
    const byWitness = membersByRow.get(m.rowVersionId) ?? {};
    (byWitness[m.witnessId] ??= []).push(m.segmentKey);
    membersByRow.set(m.rowVersionId, byWitness);
  }
  const rows: AlignmentRow[] = rowRecords.map((r) => {
    const byWitness = membersByRow.get(r.id) ?? {};
    for (const keys of Object.values(byWitness)) {
      keys.sort((a, b) => compareOrderKeys(segmentMap[a]?.orderKey, segmentMap[b]?.orderKey));
    }
    return { key: r.key, orderKey: r.orderKey, status: r.status, note: r.note, revFrom: r.revFrom, members: byWitness };
  });

  return { rev, witnesses: witnessList, rows, segments: segmentMap };
}

// Order keys compare as plain strings (byte order), as fractional-indexing requires.
function compareOrderKeys(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
