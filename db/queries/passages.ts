/**
 * A passage as a page, the API and a citation need it: the document, the
 * alignment at the pinned revision (or the current one), the reference
 * resolved against it, and, for a pinned passage, the first later revision
 * that changed what the passage shows.
 */
import { and, eq, gt, inArray, isNotNull, lte, min, or, sql } from 'drizzle-orm';
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { passageChangeKinds, type PassageChangeKind } from '@/lib/refs/passage-change';
import { passageFingerprint } from '@/lib/refs/fingerprint';
import { formatRef, type PassageRef } from '@/lib/refs/parse';
import { RefError } from '@/lib/refs/errors';
import { resolveRef, type ResolvedPassage } from '@/lib/refs/resolve';
import { checkRevision } from '@/lib/refs/revision';
import type { Db } from '../connect';
import { alignmentRows, segments } from '../schema';
import { readCache, revisionKey } from '../read-path/cache';
import { getCachedWindow, getDocumentShape } from '../read-path/reader';
import { getMetadataAt } from './document-metadata';
import { getDocumentBySlug, type DocumentMeta } from './documents';

export interface PassageChange {
  /** The first revision after the pinned one that changed the passage's rows or segments. */
  rev: number;
  /** What differs between the pinned passage and the current one. */
  kinds: PassageChangeKind[];
}

export interface PassageView {
  document: DocumentMeta;
  /** The alignment the passage is shown from: at the pinned revision, or current. */
  state: AlignmentState;
  passage: ResolvedPassage;
  /** The revision asked for (?rev=), null for current. */
  pinnedRev: number | null;
  /** Set when pinned and the current alignment of the passage differs from the pinned one. */
  change: PassageChange | null;
  /**
   * The same reference resolved against the current alignment (equal to
   * `passage` when not pinned); null when it no longer resolves (a sentence
   * merged away since the pinned revision).
   */
  current: ResolvedPassage | null;
}

/**
 * Null when the document does not exist. Throws RefError when the reference
 * does not resolve at that revision or the revision does not exist.
 */
export async function getPassageView(
  db: Db,
  params: { slug: string; ref: PassageRef; rev: number | null },
): Promise<PassageView | null> {
  const document = await getDocumentBySlug(db, params.slug);
  if (!document) return null;
  return passageViewOf(db, document, params.ref, params.rev);
}

/**
 * The passage of a document already read, computed once per (revision shown,
 * reference) and, for a pinned one, per current revision too (it says
 * whether the passage changed since). Reads only the passage's turns and one
 * turn either side, as windows (./window.ts), never the document.
 */
export function passageViewOf(db: Db, document: DocumentMeta, ref: PassageRef, rev: number | null): Promise<PassageView> {
  checkRevision(rev, document.currentRev);
  const shown = rev ?? document.currentRev;
  const what = `passage:${formatRef(ref)}:${rev == null ? 'current' : `pinned-c${document.currentRev}`}`;
  return readCache(db).get(revisionKey(document.id, shown, what), () => computePassageView(db, document, ref, rev));
}

async function computePassageView(db: Db, document: DocumentMeta, ref: PassageRef, rev: number | null): Promise<PassageView> {
  const { lastTurn, witnesses } = await getDocumentShape(db, document.id, document.currentRev);
  const span = { first: Math.max(1, ref.start.turn - 1), last: Math.min(lastTurn, ref.end.turn + 1) };
  const windowAt = (at: number): Promise<AlignmentState> =>
    span.first > span.last
      ? Promise.resolve({ rev: at, witnesses, rows: [], segments: {} })
      : getCachedWindow(db, document.id, at, span, witnesses);

  const currentState = await windowAt(document.currentRev);
  if (rev == null) {
    const passage = resolveRef(ref, currentState, { lastTurn });
    return { document, state: currentState, passage, pinnedRev: null, change: null, current: passage };
  }

  // Read at the pinned revision even when it is the newest: an edit may land between the two reads.
  const pinnedRev = rev;
  const [pinnedWindow, pinnedMeta] = await Promise.all([
    windowAt(pinnedRev),
    readCache(db).get(revisionKey(document.id, pinnedRev, 'metadata'), () => getMetadataAt(db, document.id, pinnedRev)),
  ]);
  // A pinned citation names the document as it was at that revision (title, participants, translator...).
  const pinnedDocument = pinnedMeta ? withMetadata(document, pinnedMeta) : document;
  // A copy: the cached window is shared by every reader of that revision.
  const state: AlignmentState = pinnedMeta
    ? {
        ...pinnedWindow,
        witnesses: pinnedWindow.witnesses.map((w) => {
          const asOf = pinnedMeta.witnesses.find((m) => m.id === w.id);
          return asOf ? { ...w, lang: asOf.lang, label: asOf.label } : w;
        }),
      }
    : pinnedWindow;
  const passage = resolveRef(ref, state, { lastTurn });
  // A sentence reference may name a sentence that a later merge took away: then only the pinned view exists.
  const current = resolveOrNull(ref, currentState, lastTurn);
  let change: PassageChange | null = null;
  const currentPrint = current ? passageFingerprint(currentState, current.rows) : null;
  if (passageFingerprint(state, passage.rows) !== currentPrint) {
    const first = await firstChangeAfter(db, document.id, pinnedRev, [...keysOf(passage.rows), ...keysOf(current?.rows ?? [])]);
    // A difference implies some version of these keys started or ended after the pin; current_rev is the safe bound.
    const kinds = passageChangeKinds(
      { state, rows: passage.rows, turns: passage.turns },
      current ? { state: currentState, rows: current.rows, turns: current.turns } : null,
    );
    change = { rev: first ?? document.currentRev, kinds };
  }
  return { document: pinnedDocument, state, passage, pinnedRev, change, current };
}

function withMetadata(document: DocumentMeta, meta: NonNullable<Awaited<ReturnType<typeof getMetadataAt>>>): DocumentMeta {
  const { title, date, participants, archiveRef, translator, publisher, sourceNote, isExcerpt } = meta;
  return { ...document, title, date, participants, archiveRef, translator, publisher, sourceNote, isExcerpt };
}

function resolveOrNull(ref: PassageRef, state: AlignmentState, lastTurn: number): ResolvedPassage | null {
  try {
    return resolveRef(ref, state, { lastTurn });
  } catch (error) {
    if (error instanceof RefError) return null;
    throw error;
  }
}

function keysOf(rows: readonly AlignmentRow[]): { rowKeys: string[]; segmentKeys: string[] }[] {
  return [
    {
      rowKeys: rows.map((r) => r.key),
      segmentKeys: rows.flatMap((r) => Object.values(r.members).flat()),
    },
  ];
}

/**
 * The first revision after `rev` that closed a version alive at `rev` or
 * opened a new one, among the given rows and segments. Each read is a range
 * on the (key, rev_from) indexes.
 */
export async function firstChangeAfter(
  db: Db,
  documentId: number,
  rev: number,
  sets: { rowKeys: string[]; segmentKeys: string[] }[],
): Promise<number | null> {
  const rowKeys = [...new Set(sets.flatMap((s) => s.rowKeys))];
  const segmentKeys = [...new Set(sets.flatMap((s) => s.segmentKeys))];
  const changed = (table: typeof alignmentRows | typeof segments, keys: string[]) =>
    keys.length === 0
      ? Promise.resolve([{ first: null as number | null }])
      : db
          .select({
            first: min(sql<number>`case when ${table.revFrom} > ${rev} then ${table.revFrom} else ${table.revTo} end`),
          })
          .from(table)
          .where(
            and(
              eq(table.documentId, documentId),
              inArray(table.key, keys),
              or(gt(table.revFrom, rev), and(lte(table.revFrom, rev), isNotNull(table.revTo), gt(table.revTo, rev))),
            ),
          );
  const [[rows], [segs]] = await Promise.all([changed(alignmentRows, rowKeys), changed(segments, segmentKeys)]);
  const candidates = [rows?.first, segs?.first].filter((v): v is number => v != null).map(Number);
  return candidates.length ? Math.min(...candidates) : null;
}

export { getLastTurn } from './window';
