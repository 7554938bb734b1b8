/** Reading alignment members (which segments each row version holds, per witness) and grouping them by row. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../connect';
import { alignmentMembers } from '../schema';

export interface MemberRecord {
  rowVersionId: number;
  witnessId: number;
  segmentKey: string;
}

export const memberColumns = {
  rowVersionId: alignmentMembers.rowVersionId,
  witnessId: alignmentMembers.witnessId,
  segmentKey: alignmentMembers.segmentKey,
};

/** The members of the given row versions (one read; none for no ids). */
export async function membersOfRows(db: Db, rowVersionIds: readonly number[]): Promise<MemberRecord[]> {
  if (!rowVersionIds.length) return [];
  return db
    .select(memberColumns)
    .from(alignmentMembers)
    .where(inArray(alignmentMembers.rowVersionId, [...rowVersionIds]));
}

/**
 * Members grouped by row version, then by witness: each cell's segment keys
 * in order-key order (byte order, as fractional-indexing requires); a key
 * whose order key is unknown (`orderKeyOf` gives undefined) sorts last.
 */
export function membersByRow(
  members: readonly MemberRecord[],
  orderKeyOf: (segmentKey: string) => string | undefined,
): Map<number, Record<number, string[]>> {
  const byRow = new Map<number, Record<number, string[]>>();
  for (const m of members) {
    const cells = byRow.get(m.rowVersionId) ?? {};
    (cells[m.witnessId] ??= []).push(m.segmentKey);
    byRow.set(m.rowVersionId, cells);
  }
  for (const cells of byRow.values()) {
    for (const keys of Object.values(cells)) keys.sort((a, b) => compareOrderKeys(orderKeyOf(a), orderKeyOf(b)));
  }
  return byRow;
}

function compareOrderKeys(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
