/**
 * A consecutive window of a document's alignment at one revision: the rows
 * from the one holding the first segment of turn `first` up to (not
 * including) the one holding the first segment of turn `last + 1`. Every
 * read is an index lookup or a short range (turn → segment keys → row
 * versions → order-key range), so the cost follows the window, never the
 * document: tests/integration/read-scale.test.ts counts the tuples.
 *
 * Reads name the revision explicitly (never "rev_to is null"), so what is
 * read is exactly revision `rev` even if an edit lands meanwhile, and the
 * result can be cached under that revision (db/read-path/).
 */
import { and, asc, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { referenceWitness } from '@/lib/alignment/row-refs';
import type { AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { alignmentRows, segments } from '../schema';
import { assembleState, getWitnesses } from './alignment';
import { aliveAt } from './alive-at';
import { rowColumns } from './columns';
import type { MemberRecord } from './members';

/**
 * Looks up each of `values` on its own index probe (`probe` names the probed
 * value `k.v`): a lateral join driven by one JSON parameter. Without
 * statistics (a fresh import) PostgreSQL prices a long IN list as a large
 * share of the table and scans it; a lateral subquery kept apart by `offset 0` cannot be flattened into a hash join over a scan.
 */
async function probeEach<T>(db: Db, values: readonly (string | number)[], probe: SQL): Promise<T[]> {
  if (values.length === 0) return [];
  const result = await db.execute(
    sql`select p.* from json_array_elements_text(${JSON.stringify(values)}::json) as k(v) cross join lateral (${probe} offset 0) as p`,
  );
  // postgres.js returns an array; PGlite returns { rows }.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** More rows than any window of turns holds unless its turns were split into very many sentences. */
const MAX_WINDOW_ROWS = 5_000;

export interface TurnSpan {
  first: number;
  last: number;
}

/** The order key of the row holding the first segment of `turn` in the reference witness, at `rev`. */
export async function turnRowOrderKey(db: Db, witnessId: number, turn: number, rev: number): Promise<string | null> {
  return (await turnRowOrderKeys(db, witnessId, turn, rev))?.first ?? null;
}

/** The order keys of the first and the last row holding a segment of `turn` in the reference witness, at `rev`. */
async function turnRowOrderKeys(
  db: Db,
  witnessId: number,
  turn: number,
  rev: number,
): Promise<{ first: string; last: string } | null> {
  const keys = await db
    .select({ key: segments.key })
    .from(segments)
    .where(and(eq(segments.witnessId, witnessId), eq(segments.turnNo, turn), aliveAt(segments, rev)));
  if (keys.length === 0) return null;
  const versions = await probeEach<{ id: number }>(
    db,
    keys.map((k) => k.key),
    sql`select row_version_id as id from alignment_members where segment_key = k.v`,
  );
  const rows = await probeEach<{ order_key: string }>(
    db,
    versions.map((v) => v.id),
    sql`select order_key from alignment_rows where id = k.v::int and ${aliveAt(alignmentRows, rev)}`,
  );
  let first: string | null = null;
  let last: string | null = null;
  for (const { order_key: key } of rows) {
    if (first === null || key < first) first = key;
    if (last === null || key > last) last = key;
  }
  return first === null || last === null ? null : { first, last };
}

/** The last turn number of a witness in the current alignment (0 when it has none): one index range read. */
export async function getLastTurn(db: Db, documentId: number, witnessId: number): Promise<number> {
  // The top of the (witness, turn) index, by witness alone (a witness belongs to one document): as max()
  // with document_id in the filter too, PostgreSQL walked every current segment of the witness.
  void documentId;
  const [row] = await db
    .select({ last: segments.turnNo })
    .from(segments)
    .where(and(eq(segments.witnessId, witnessId), isNull(segments.revTo)))
    .orderBy(desc(segments.witnessId), desc(segments.turnNo))
    .limit(1);
  return Number(row?.last ?? 0);
}

/** The window of turns `span` at revision `rev`, as the pure model (rows in order, their segments, every witness). */
export async function getAlignmentWindow(
  db: Db,
  documentId: number,
  rev: number,
  span: TurnSpan,
  witnessList?: Witness[],
): Promise<AlignmentState> {
  const witnesses = witnessList ?? (await getWitnesses(db, documentId));
  const reference = referenceWitness({ witnesses });
  if (!reference) return { rev, witnesses, rows: [], segments: {} };
  const [from, to, lastTurn] = await Promise.all([
    span.first > 1 ? turnRowOrderKey(db, reference.id, span.first, rev) : null,
    turnRowOrderKey(db, reference.id, span.last + 1, rev),
    turnRowOrderKeys(db, reference.id, span.last, rev),
  ]);
  const bounds: SQL[] = [eq(alignmentRows.documentId, documentId), aliveAt(alignmentRows, rev)];
  if (from != null) bounds.push(gte(alignmentRows.orderKey, from));
  // The window ends before the next turn's row, unless a boundary move or a merge put the span's last
  // turn into that row (or past it): then it ends with the last row holding that turn.
  if (lastTurn != null && to != null && lastTurn.last >= to) bounds.push(lte(alignmentRows.orderKey, lastTurn.last));
  else if (to != null) bounds.push(lt(alignmentRows.orderKey, to));
  const rowRecords = await db
    .select(rowColumns)
    .from(alignmentRows)
    .where(and(...bounds))
    .orderBy(asc(alignmentRows.orderKey))
    .limit(MAX_WINDOW_ROWS);
  if (rowRecords.length === 0) return { rev, witnesses, rows: [], segments: {} };

  const members = await probeEach<MemberRecord>(
    db,
    rowRecords.map((r) => r.id),
    sql`select row_version_id as "rowVersionId", witness_id as "witnessId", segment_key as "segmentKey"
        from alignment_members where row_version_id = k.v::int`,
  );
  const segmentRecords = await probeEach<Segment>(
    db,
    [...new Set(members.map((m) => m.segmentKey))],
    sql`select key, witness_id as "witnessId", order_key as "orderKey", turn_no as "turnNo", sentence_no as "sentenceNo",
               speaker, text, is_placeholder as "isPlaceholder", rev_from as "revFrom"
        from segments where key = k.v and ${aliveAt(segments, rev)}`,
  );
  return assembleState(rev, witnesses, rowRecords, members, segmentRecords);
}

/**
 * A window with one turn of context on each side, for pages whose rows act
 * on their neighbours (the edit page: merge with the next row, move a
 * boundary): `range` is where the window's own rows are in `state.rows`.
 */
export async function getAlignmentWindowWithContext(
  db: Db,
  documentId: number,
  rev: number,
  span: TurnSpan,
  lastTurn: number,
): Promise<{ state: AlignmentState; range: { start: number; end: number } }> {
  const witnesses = await getWitnesses(db, documentId);
  const empty: AlignmentState = { rev, witnesses, rows: [], segments: {} };
  const [before, core, after] = await Promise.all([
    span.first > 1 ? getAlignmentWindow(db, documentId, rev, { first: span.first - 1, last: span.first - 1 }, witnesses) : empty,
    getAlignmentWindow(db, documentId, rev, span, witnesses),
    span.last < lastTurn ? getAlignmentWindow(db, documentId, rev, { first: span.last + 1, last: span.last + 1 }, witnesses) : empty,
  ]);
  return {
    state: {
      rev,
      witnesses,
      rows: [...before.rows, ...core.rows, ...after.rows],
      segments: { ...before.segments, ...core.segments, ...after.segments },
    },
    range: { start: before.rows.length, end: before.rows.length + core.rows.length },
  };
}
