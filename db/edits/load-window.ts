/**
 * Reads what an edit needs and nothing more: the current versions of the
 * rows and segments it names, and the window of consecutive rows around
 * them (lib/alignment/window.ts). Every read is a bounded index range on
 * (document, order_key) or a lookup by key, so the cost does not grow with
 * the document's length.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import { AlignmentError } from '@/lib/alignment/errors';
import { byOrderKey } from '@/lib/alignment/order';
import type { AlignmentRow, Segment, Witness } from '@/lib/alignment/types';
import type { EditWindow } from '@/lib/alignment/window';
import type { Db } from '../connect';
import { rowColumns, segmentColumns } from '../queries/columns';
import { membersByRow, membersOfRows } from '../queries/members';
import { alignmentMembers, alignmentRows, segments } from '../schema';

/** An edit spanning more rows than this is not one passage; refusing it keeps every edit bounded. */
export const MAX_WINDOW_ROWS = 2_000;

// Lookups by key or id filter the document in memory, not in SQL: with stale
// statistics (PGlite has no autovacuum) a document_id condition can steer the
// planner to a document-wide index instead of the key's own.

export async function currentRowsByKey(db: Db, documentId: number, keys: readonly string[]) {
  if (!keys.length) return [];
  const rows = await db
    .select({ ...rowColumns, documentId: alignmentRows.documentId })
    .from(alignmentRows)
    .where(and(inArray(alignmentRows.key, [...keys]), isNull(alignmentRows.revTo)));
  return rows.filter((r) => r.documentId === documentId).map(({ documentId: _d, ...r }) => r);
}

export async function currentSegmentsByKey(db: Db, documentId: number, keys: readonly string[]): Promise<Segment[]> {
  if (!keys.length) return [];
  const rows = await db
    .select({ ...segmentColumns, documentId: segments.documentId })
    .from(segments)
    .where(and(inArray(segments.key, [...keys]), isNull(segments.revTo)));
  return rows.filter((s) => s.documentId === documentId).map(({ documentId: _d, ...s }) => s);
}

/** Keys of the current segments of one turn in one witness (its sentences). */
export async function turnSegmentKeys(db: Db, witnessId: number, turnNo: number): Promise<string[]> {
  const rows = await db
    .select({ key: segments.key })
    .from(segments)
    .where(and(eq(segments.witnessId, witnessId), eq(segments.turnNo, turnNo), isNull(segments.revTo)));
  return rows.map((r) => r.key);
}

/**
 * Order keys of the current rows holding any of these segments. Two lookups
 * (members by segment key, then rows by id) rather than a join, so the plan
 * cannot turn into a walk over every row when statistics are stale (PGlite
 * has no autovacuum; a freshly imported document has no statistics at all).
 */
export async function currentRowsOfSegments(db: Db, documentId: number, segmentKeys: readonly string[]): Promise<string[]> {
  if (!segmentKeys.length) return [];
  const versions = await db
    .selectDistinct({ id: alignmentMembers.rowVersionId })
    .from(alignmentMembers)
    .where(inArray(alignmentMembers.segmentKey, [...segmentKeys]));
  if (!versions.length) return [];
  const rows = await db
    .select({ orderKey: alignmentRows.orderKey, documentId: alignmentRows.documentId })
    .from(alignmentRows)
    .where(
      and(
        inArray(
          alignmentRows.id,
          versions.map((v) => v.id),
        ),
        isNull(alignmentRows.revTo),
      ),
    );
  return [...new Set(rows.filter((r) => r.documentId === documentId).map((r) => r.orderKey))];
}

/**
 * The window from the first to the last anchor row (by order key), plus one
 * row on each side, with all their segments and the order keys just outside.
 */
export async function loadWindow(
  db: Db,
  documentId: number,
  rev: number,
  witnesses: Witness[],
  anchorOrderKeys: readonly string[],
): Promise<EditWindow> {
  const sorted = [...anchorOrderKeys].sort((a, b) => byOrderKey({ orderKey: a }, { orderKey: b }));
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (lo === undefined || hi === undefined) {
    return {
      state: { rev, witnesses, rows: [], segments: {} },
      bounds: { rowBefore: null, rowAfter: null, segmentBefore: {}, segmentAfter: {} },
    };
  }
  const current = and(eq(alignmentRows.documentId, documentId), isNull(alignmentRows.revTo));
  const [before, after] = await Promise.all([
    db
      .select({ orderKey: alignmentRows.orderKey })
      .from(alignmentRows)
      .where(and(current, lt(alignmentRows.orderKey, lo)))
      .orderBy(desc(alignmentRows.orderKey))
      .limit(2),
    db
      .select({ orderKey: alignmentRows.orderKey })
      .from(alignmentRows)
      .where(and(current, gt(alignmentRows.orderKey, hi)))
      .orderBy(asc(alignmentRows.orderKey))
      .limit(2),
  ]);
  const from = before[0]?.orderKey ?? lo;
  const to = after[0]?.orderKey ?? hi;
  const rowRecords = await db
    .select(rowColumns)
    .from(alignmentRows)
    .where(and(current, gte(alignmentRows.orderKey, from), lte(alignmentRows.orderKey, to)))
    .orderBy(asc(alignmentRows.orderKey))
    .limit(MAX_WINDOW_ROWS + 1);
  if (rowRecords.length > MAX_WINDOW_ROWS) {
    throw new AlignmentError('too-wide', `This edit spans more than ${MAX_WINDOW_ROWS} rows; edit one passage at a time.`);
  }

  const members = await membersOfRows(
    db,
    rowRecords.map((r) => r.id),
  );
  const segmentList = await currentSegmentsByKey(
    db,
    documentId,
    members.map((m) => m.segmentKey),
  );
  const segmentMap: Record<string, Segment> = {};
  for (const s of segmentList) segmentMap[s.key] = s;

  const byRow = membersByRow(members, (key) => segmentMap[key]?.orderKey ?? '');
  const rows: AlignmentRow[] = rowRecords.map(({ id, ...row }) => ({ ...row, members: byRow.get(id) ?? {} }));

  // Per witness, the nearest segments outside the window (new segment keys must fit between).
  const segmentBefore: Record<number, string | null> = {};
  const segmentAfter: Record<number, string | null> = {};
  await Promise.all(
    witnesses.map(async (w) => {
      const own = segmentList.filter((s) => s.witnessId === w.id).sort(byOrderKey);
      const first = own[0];
      const last = own[own.length - 1];
      if (!first || !last) return;
      const live = and(eq(segments.witnessId, w.id), isNull(segments.revTo));
      const [[b], [a]] = await Promise.all([
        db
          .select({ orderKey: segments.orderKey })
          .from(segments)
          .where(and(live, lt(segments.orderKey, first.orderKey)))
          .orderBy(desc(segments.orderKey))
          .limit(1),
        db
          .select({ orderKey: segments.orderKey })
          .from(segments)
          .where(and(live, gt(segments.orderKey, last.orderKey)))
          .orderBy(asc(segments.orderKey))
          .limit(1),
      ]);
      segmentBefore[w.id] = b?.orderKey ?? null;
      segmentAfter[w.id] = a?.orderKey ?? null;
    }),
  );

  return {
    state: { rev, witnesses, rows, segments: segmentMap },
    bounds: {
      // The window starts at the neighbour before[0] (when there is one); before[1] lies outside it.
      rowBefore: before[0] ? (before[1]?.orderKey ?? null) : null,
      rowAfter: after[0] ? (after[1]?.orderKey ?? null) : null,
      segmentBefore,
      segmentAfter,
    },
  };
}
