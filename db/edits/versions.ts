/**
 * Versions of given keys at a revision (or now), as plain content for
 * comparison: what undo and revert restore from. A segment's order key is
 * fixed when the key is created (no operation moves a segment within its
 * witness), so members sort by it whatever the version.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { NewRow, NewSegment } from '@/lib/alignment/change-set';
import type { KeyedVersions } from '@/lib/alignment/history';
import type { Db } from '../connect';
import { aliveAt, changedAfter, changedAt, type Versioned } from '../queries/alive-at';
import { rowColumns, segmentColumns } from '../queries/columns';
import { membersByRow, membersOfRows } from '../queries/members';
import { alignmentRows, segments } from '../schema';

export interface KeySet {
  rows: string[];
  segments: string[];
}

const CHUNK = 1_000;

async function inChunks<K, T>(keys: readonly K[], read: (part: K[]) => Promise<T[]>): Promise<T[]> {
  const result: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) result.push(...(await read(keys.slice(i, i + CHUNK))));
  return result;
}

async function keysWhere(db: Db, documentId: number, changed: (table: Versioned) => SQL): Promise<KeySet> {
  const [rowKeys, segmentKeys] = await Promise.all([
    db
      .selectDistinct({ key: alignmentRows.key })
      .from(alignmentRows)
      .where(and(eq(alignmentRows.documentId, documentId), changed(alignmentRows))),
    db
      .selectDistinct({ key: segments.key })
      .from(segments)
      .where(and(eq(segments.documentId, documentId), changed(segments))),
  ]);
  return { rows: rowKeys.map((r) => r.key), segments: segmentKeys.map((s) => s.key) };
}

/** Keys with a version created or closed by revision `rev` (what that revision changed). */
export function keysChangedAt(db: Db, documentId: number, rev: number): Promise<KeySet> {
  return keysWhere(db, documentId, (table) => changedAt(table, rev));
}

/** Keys with any version created or closed after revision `rev` (what changed since). */
export function keysChangedAfter(db: Db, documentId: number, rev: number): Promise<KeySet> {
  return keysWhere(db, documentId, (table) => changedAfter(table, rev));
}

/** The versions of `keys` alive at `rev` (null: now); a key without one is absent from the maps. */
export async function versionsAt(
  db: Db,
  documentId: number,
  keys: KeySet,
  rev: number | null,
): Promise<KeyedVersions & { revFrom: Map<string, number> }> {
  const segmentRecords = await inChunks(keys.segments, (part) =>
    db
      .select({ ...segmentColumns, documentId: segments.documentId })
      .from(segments)
      // By key alone, the document checked below (see load-window.ts on stale statistics).
      .where(and(inArray(segments.key, part), aliveAt(segments, rev))),
  ).then((list) => list.filter((s) => s.documentId === documentId).map(({ documentId: _d, ...s }) => s));
  const rowRecords = await inChunks(keys.rows, (part) =>
    db
      .select({ ...rowColumns, documentId: alignmentRows.documentId })
      .from(alignmentRows)
      .where(and(inArray(alignmentRows.key, part), aliveAt(alignmentRows, rev))),
  ).then((list) => list.filter((r) => r.documentId === documentId).map(({ documentId: _d, ...r }) => r));
  const ids = rowRecords.map((r) => r.id);
  const members = await inChunks(ids, (part) => membersOfRows(db, part));
  const memberOrder = new Map<string, string>();
  const memberKeys = [...new Set(members.map((m) => m.segmentKey))];
  for (const s of await inChunks(memberKeys, (part) =>
    db.selectDistinct({ key: segments.key, orderKey: segments.orderKey }).from(segments).where(inArray(segments.key, part)),
  )) {
    memberOrder.set(s.key, s.orderKey);
  }

  const cellsByRow = membersByRow(members, (key) => memberOrder.get(key) ?? '');
  const revFrom = new Map<string, number>();
  const rows = new Map<string, NewRow>();
  for (const { id, revFrom: from, ...row } of rowRecords) {
    rows.set(row.key, { ...row, members: cellsByRow.get(id) ?? {} });
    revFrom.set(`r:${row.key}`, from);
  }
  const segmentMap = new Map<string, NewSegment>();
  for (const { revFrom: from, ...s } of segmentRecords) {
    segmentMap.set(s.key, s);
    revFrom.set(`s:${s.key}`, from);
  }
  return { rows, segments: segmentMap, revFrom };
}
