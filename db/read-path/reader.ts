/**
 * What the reader shows of one revision, computed once per (document,
 * revision, window) and cached (./cache.ts): the document's witnesses, last
 * turn and transcription progress, and one window of rows.
 */
import { and, eq, sql } from 'drizzle-orm';
import { referenceWitness } from '@/lib/alignment/row-refs';
import { windowForTurn, type TurnWindow } from '@/lib/alignment/turn-window';
import type { AlignmentState, Witness } from '@/lib/alignment/types';
import type { Db } from '../connect';
import { getWitnesses } from '../queries/alignment';
import { aliveAt } from '../queries/alive-at';
import type { DocumentMeta } from '../queries/documents';
import { getAlignmentWindow, getLastTurn, type TurnSpan } from '../queries/window';
import { segments } from '../schema';
import { readCache, revisionKey } from './cache';

export interface TranscriptionProgress {
  witness: Witness;
  turns: number;
  transcribed: number;
}

export interface DocumentOutline {
  rev: number;
  witnesses: Witness[];
  lastTurn: number;
  progress: TranscriptionProgress[];
}

export interface ReaderWindow {
  outline: DocumentOutline;
  window: TurnWindow;
  state: AlignmentState;
}

/** The witnesses and the last turn at `rev`: a few indexed lookups, whatever the document's length. */
export interface DocumentShape {
  witnesses: Witness[];
  lastTurn: number;
}

/**
 * What a passage, the edit page or a citation needs of the whole document, cached per revision apart
 * from the outline's progress count: that count reads every segment of a witness, and a pinned
 * passage read after an edit must not pay it.
 */
export function getDocumentShape(db: Db, documentId: number, rev: number): Promise<DocumentShape> {
  return readCache(db).get(revisionKey(documentId, rev, 'shape'), async () => {
    const witnesses = await getWitnesses(db, documentId);
    const reference = referenceWitness({ witnesses });
    return { witnesses, lastTurn: reference ? await getLastTurn(db, documentId, reference.id) : 0 };
  });
}

/**
 * The rows of turns `span` at revision `rev`, cached per revision: a revision never changes, so a
 * pinned passage's rows are read once, and the current ones once per edit.
 */
export function getCachedWindow(
  db: Db,
  documentId: number,
  rev: number,
  span: TurnSpan,
  witnesses: Witness[],
): Promise<AlignmentState> {
  return readCache(db).get(revisionKey(documentId, rev, `window:${span.first}-${span.last}`), () =>
    getAlignmentWindow(db, documentId, rev, span, witnesses),
  );
}

/**
 * Witnesses, last turn and, per source witness, how many turns are
 * transcribed at `rev`. The progress count is the one read that grows with
 * the document (an aggregate over one witness's segments, two numbers
 * back); it runs once per revision.
 */
export function getDocumentOutline(db: Db, documentId: number, rev: number): Promise<DocumentOutline> {
  return readCache(db).get(revisionKey(documentId, rev, 'outline'), async () => {
    const { witnesses, lastTurn } = await getDocumentShape(db, documentId, rev);
    const progress = await Promise.all(
      witnesses
        .filter((w) => w.role === 'source')
        .map(async (witness) => {
          const [row] = await db
            .select({
              turns: sql<number>`count(distinct ${segments.turnNo})::int`,
              pending: sql<number>`(count(distinct ${segments.turnNo}) filter (where ${segments.isPlaceholder}))::int`,
            })
            .from(segments)
            .where(and(eq(segments.witnessId, witness.id), aliveAt(segments, rev)));
          const turns = Number(row?.turns ?? 0);
          return { witness, turns, transcribed: turns - Number(row?.pending ?? 0) };
        }),
    );
    return { rev, witnesses, lastTurn, progress };
  });
}

/** The reader's window holding turn `at` (the first window when null) at revision `rev`. */
export async function getReaderWindow(db: Db, doc: Pick<DocumentMeta, 'id'>, rev: number, at: number | null): Promise<ReaderWindow> {
  const outline = await getDocumentOutline(db, doc.id, rev);
  const window = windowForTurn(at ?? 1, outline.lastTurn);
  const state = await getCachedWindow(db, doc.id, rev, window, outline.witnesses);
  return { outline, window, state };
}
