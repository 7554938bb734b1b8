/**
 * A document's history: the revision list (who, when, what) and what one
 * revision changed (rows and texts before and after). Reads are bounded by
 * the history page or by what that revision wrote, not by document length.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { columnName, rowLabel } from '@/lib/alignment/labels';
import type { NewRow } from '@/lib/alignment/change-set';
import { segmentRef, type AlignmentState, type Segment, type Witness } from '@/lib/alignment/types';
import type { RevisionOp } from '@/lib/alignment/op-schema';
import type { Db } from '../connect';
import { keysChangedAt, versionsAt } from '../edits/versions';
import { revisions, users } from '../schema';
import { getWitnesses } from './alignment';

export interface RevisionSummary {
  rev: number;
  createdAt: Date;
  summary: string;
  /** 'merge-rows', 'undo', 'revert', 'import', ... */
  opType: string;
  userId: number;
  author: string;
  /** The revision that undid this one, if any. */
  undoneIn: number | null;
}

const summaryColumns = {
  rev: revisions.rev,
  createdAt: revisions.createdAt,
  summary: revisions.summary,
  op: revisions.op,
  userId: revisions.userId,
  author: users.name,
};

/** Newest first, `limit` at a time; `beforeRev` pages back. */
export async function listRevisions(
  db: Db,
  documentId: number,
  options: { limit?: number; beforeRev?: number } = {},
): Promise<RevisionSummary[]> {
  const limit = options.limit ?? 50;
  const records = await db
    .select(summaryColumns)
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.documentId, documentId), options.beforeRev ? lt(revisions.rev, options.beforeRev) : undefined))
    .orderBy(desc(revisions.rev))
    .limit(limit);
  const revs = records.map((r) => r.rev);
  const undos = revs.length
    ? await db
        .select({ rev: revisions.rev, target: sql<number>`(${revisions.op}->>'rev')::int`.mapWith(Number) })
        .from(revisions)
        .where(
          and(
            eq(revisions.documentId, documentId),
            sql`${revisions.op}->>'type' = 'undo'`,
            inArray(sql`(${revisions.op}->>'rev')::int`, revs),
          ),
        )
    : [];
  const undoneIn = new Map(undos.map((u) => [u.target, u.rev]));
  return records.map(({ op, ...r }) => ({
    ...r,
    opType: (op as RevisionOp).type,
    undoneIn: undoneIn.get(r.rev) ?? null,
  }));
}

export async function getRevision(db: Db, documentId: number, rev: number): Promise<(RevisionSummary & { op: RevisionOp }) | null> {
  const [record] = await db
    .select(summaryColumns)
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.documentId, documentId), eq(revisions.rev, rev)));
  if (!record) return null;
  const op = record.op as RevisionOp;
  return { ...record, op, opType: op.type, undoneIn: null };
}

export interface RowSnapshot {
  label: string;
  status: string;
  note: string | null;
  cells: { witnessId: number; column: string; lang: string; segments: { ref: string; text: string; isPlaceholder: boolean }[] }[];
}

export interface RowChange {
  key: string;
  change: 'added' | 'removed' | 'changed';
  before: RowSnapshot | null;
  after: RowSnapshot | null;
}

export interface SegmentChange {
  key: string;
  column: string;
  lang: string;
  change: 'added' | 'removed' | 'changed';
  before: { ref: string; text: string; isPlaceholder: boolean } | null;
  after: { ref: string; text: string; isPlaceholder: boolean } | null;
}

export interface RevisionDiff {
  rev: number;
  rows: RowChange[];
  segments: SegmentChange[];
  /** How many rows and segments the revision changed in all; the lists stop at the limit. */
  total: { rows: number; segments: number };
  truncated: boolean;
}

/** Most changes a diff lists (an import or a revert may change a whole document). */
export const DIFF_LIMIT = 300;

/** What revision `rev` changed, against revision rev − 1 (at most `limit` rows and segments of it). */
export async function getRevisionDiff(db: Db, documentId: number, rev: number, limit = DIFF_LIMIT): Promise<RevisionDiff> {
  const witnesses = await getWitnesses(db, documentId);
  const all = await keysChangedAt(db, documentId, rev);
  const keys = { rows: all.rows.slice(0, limit), segments: all.segments.slice(0, limit) };
  const [before, after] = await Promise.all([versionsAt(db, documentId, keys, rev - 1), versionsAt(db, documentId, keys, rev)]);

  // The segments of every row version shown, as they read at each side.
  const memberKeys = (rows: ReadonlyMap<string, NewRow>) => [...rows.values()].flatMap((r) => Object.values(r.members).flat());
  const [segmentsBefore, segmentsAfter] = await Promise.all([
    versionsAt(db, documentId, { rows: [], segments: [...new Set([...memberKeys(before.rows), ...keys.segments])] }, rev - 1),
    versionsAt(db, documentId, { rows: [], segments: [...new Set([...memberKeys(after.rows), ...keys.segments])] }, rev),
  ]);
  const lookup = (segs: ReadonlyMap<string, Omit<Segment, 'revFrom'>>): Pick<AlignmentState, 'witnesses' | 'segments'> => ({
    witnesses,
    segments: Object.fromEntries([...segs].map(([k, s]) => [k, { ...s, revFrom: 0 }])),
  });
  const beforeLookup = lookup(segmentsBefore.segments);
  const afterLookup = lookup(segmentsAfter.segments);

  const rows: (RowChange & { orderKey: string })[] = keys.rows.flatMap((key) => {
    const a = before.rows.get(key);
    const b = after.rows.get(key);
    if (!a && !b) return [];
    return [
      {
        key,
        orderKey: (b ?? a)!.orderKey,
        change: !a ? ('added' as const) : !b ? ('removed' as const) : ('changed' as const),
        before: a ? snapshot(a, beforeLookup, witnesses) : null,
        after: b ? snapshot(b, afterLookup, witnesses) : null,
      },
    ];
  });
  rows.sort((x, y) => (x.orderKey < y.orderKey ? -1 : x.orderKey > y.orderKey ? 1 : 0));

  const segmentChanges: SegmentChange[] = keys.segments.flatMap((key) => {
    const a = before.segments.get(key);
    const b = after.segments.get(key);
    const view = (s: Omit<Segment, 'revFrom'> | undefined) =>
      s ? { ref: segmentRef(s), text: s.text, isPlaceholder: s.isPlaceholder } : null;
    const x = view(a);
    const y = view(b);
    if (JSON.stringify(x) === JSON.stringify(y)) return [];
    const witness = witnesses.find((w) => w.id === (b ?? a)!.witnessId);
    return [
      {
        key,
        column: witness ? columnName(witness) : '',
        lang: witness?.lang ?? 'und',
        change: !a ? 'added' : !b ? 'removed' : 'changed',
        before: x,
        after: y,
      },
    ];
  });
  segmentChanges.sort((x, y) => (x.after ?? x.before)!.ref.localeCompare((y.after ?? y.before)!.ref, 'en', { numeric: true }));

  return {
    rev,
    rows: rows.map(({ orderKey: _o, ...r }) => r),
    segments: segmentChanges,
    total: { rows: all.rows.length, segments: all.segments.length },
    truncated: all.rows.length > limit || all.segments.length > limit,
  };
}

function snapshot(row: NewRow, state: Pick<AlignmentState, 'witnesses' | 'segments'>, witnesses: Witness[]): RowSnapshot {
  return {
    label: rowLabel({ ...row, revFrom: 0 }, state),
    status: row.status,
    note: row.note,
    cells: witnesses.map((w) => ({
      witnessId: w.id,
      column: columnName(w),
      lang: w.lang,
      segments: (row.members[w.id] ?? []).flatMap((k) => {
        const s = state.segments[k];
        return s ? [{ ref: segmentRef(s), text: s.text, isPlaceholder: s.isPlaceholder }] : [];
      }),
    })),
  };
}
