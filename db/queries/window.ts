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
import { and, asc, eq, gte, inArray, isNull, lt, max, min, type SQL } from 'drizzle-orm';
import { referenceWitness } from '@/lib/alignment/row-refs';
import type { AlignmentState, Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { alignmentMembers, alignmentRows, segments } from '../schema';
import { aliveAt, assembleState, getWitnesses } from './alignment';
import { rowColumns, segmentColumns } from './columns';

/** More rows than any window of turns holds unless its turns were split into very many sentences. */
const MAX_WINDOW_ROWS = 5_000;

export interface TurnSpan {
  first: number;
  last: number;
}

/** The order key of the row holding the first segment of `turn` in the reference witness, at `rev`. */
export async function turnRowOrderKey(db: Db, witnessId: number, turn: number, rev: number): Promise<string | null> {
  const keys = await db
    .select({ key: segments.key })
    .from(segments)
    .where(and(eq(segments.witnessId, witnessId), eq(segments.turnNo, turn), aliveAt(segments, rev)));
  if (keys.length === 0) return null;
  const versions = await db
    .select({ id: alignmentMembers.rowVersionId })
    .from(alignmentMembers)
    .where(inArray(alignmentMembers.segmentKey, keys.map((k) => k.key)));
  if (versions.length === 0) return null;
  const [row] = await db
    .select({ first: min(alignmentRows.orderKey) })
    .from(alignmentRows)
    .where(and(inArray(alignmentRows.id, versions.map((v) => v.id)), aliveAt(alignmentRows, rev)));
  return row?.first ?? null;
}

/** The last turn number of a witness in the current alignment (0 when it has none): one index range read. */
export async function getLastTurn(db: Db, documentId: number, witnessId: number): Promise<number> {
  const [row] = await db
    .select({ last: max(segments.turnNo) })
    .from(segments)
    .where(and(eq(segments.documentId, documentId), eq(segments.witnessId, witnessId), isNull(segments.revTo)));
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
  const [from, to] = await Promise.all([
    span.first > 1 ? turnRowOrderKey(db, reference.id, span.first, rev) : null,
    turnRowOrderKey(db, reference.id, span.last + 1, rev),
  ]);
  const bounds: SQL[] = [eq(alignmentRows.documentId, documentId), aliveAt(alignmentRows, rev)];
  if (from != null) bounds.push(gte(alignmentRows.orderKey, from));
  if (to != null) bounds.push(lt(alignmentRows.orderKey, to));
  const rowRecords = await db
    .select(rowColumns)
    .from(alignmentRows)
    .where(and(...bounds))
    .orderBy(asc(alignmentRows.orderKey))
    .limit(MAX_WINDOW_ROWS);
  if (rowRecords.length === 0) return { rev, witnesses, rows: [], segments: {} };

  const members = await db
    .select({
      rowVersionId: alignmentMembers.rowVersionId,
      witnessId: alignmentMembers.witnessId,
      segmentKey: alignmentMembers.segmentKey,
    })
    .from(alignmentMembers)
    .where(inArray(alignmentMembers.rowVersionId, rowRecords.map((r) => r.id)));
  const segmentRecords = members.length
    ? await db
        .select(segmentColumns)
        .from(segments)
        .where(and(inArray(segments.key, [...new Set(members.map((m) => m.segmentKey))]), aliveAt(segments, rev)))
    : [];
  return assembleState(rev, witnesses, rowRecords, members, segmentRecords);
}
