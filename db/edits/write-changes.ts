/**
 * Writes a change set as revision `rev`: closes the replaced versions
 * (rev_to = rev; the only in-place update the versioned tables allow), then
 * inserts the new versions and the new row versions' members. Returns how
 * many versions were written, for the history and the tests.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import { normalizeMembers, type ChangeSet } from '@/lib/alignment/change-set';
import type { Db } from '../connect';
import { alignmentMembers, alignmentRows, segments } from '../schema';

// Keeps each statement's parameter count far below PostgreSQL's 65,535 limit.
const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

export async function writeChanges(db: Db, documentId: number, rev: number, changes: ChangeSet): Promise<void> {
  // Closed by key alone: every key here was read from this document's window, and a
  // document_id condition can steer a planner without statistics to a document-wide
  // index (see load-window.ts).
  for (const keys of chunks(changes.closeSegments)) {
    await db
      .update(segments)
      .set({ revTo: rev })
      .where(and(inArray(segments.key, keys), isNull(segments.revTo)));
  }
  for (const keys of chunks(changes.closeRows)) {
    await db
      .update(alignmentRows)
      .set({ revTo: rev })
      .where(and(inArray(alignmentRows.key, keys), isNull(alignmentRows.revTo)));
  }
  for (const batch of chunks(changes.insertSegments)) {
    await db.insert(segments).values(batch.map((s) => ({ ...s, documentId, revFrom: rev })));
  }
  for (const batch of chunks(changes.insertRows)) {
    const inserted = await db
      .insert(alignmentRows)
      .values(batch.map(({ members: _members, ...r }) => ({ ...r, documentId, revFrom: rev })))
      .returning({ id: alignmentRows.id, key: alignmentRows.key });
    const idByKey = new Map(inserted.map((r) => [r.key, r.id]));
    const members = batch.flatMap((row) =>
      Object.entries(normalizeMembers(row.members)).flatMap(([witnessId, keys]) =>
        keys.map((segmentKey) => ({ rowVersionId: idByKey.get(row.key)!, witnessId: Number(witnessId), segmentKey })),
      ),
    );
    for (const part of chunks(members)) await db.insert(alignmentMembers).values(part);
  }
}

/** How many versions a change set writes (closed + inserted), rows and segments. */
export function countWrites(changes: ChangeSet): { rows: number; segments: number } {
  return {
    rows: new Set([...changes.closeRows, ...changes.insertRows.map((r) => r.key)]).size,
    segments: new Set([...changes.closeSegments, ...changes.insertSegments.map((s) => s.key)]).size,
  };
}
