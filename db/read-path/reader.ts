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
import { aliveAt, getWitnesses } from '../queries/alignment';
import type { DocumentMeta } from '../queries/documents';
import { getAlignmentWindow, getLastTurn } from '../queries/window';
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

/**
 * Witnesses, last turn and, per source witness, how many turns are
 * transcribed at `rev`. The progress count is the one read that grows with
 * the document (an aggregate over one witness's segments, two numbers
 * back); it runs once per revision.
 */
export function getDocumentOutline(db: Db, documentId: number, rev: number): Promise<DocumentOutline> {
  return readCache(db).get(revisionKey(documentId, rev, 'outline'), async () => {
    const witnesses = await getWitnesses(db, documentId);
    const reference = referenceWitness({ witnesses });
    const [lastTurn, progress] = await Promise.all([
      reference ? getLastTurn(db, documentId, reference.id) : 0,
      Promise.all(
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
      ),
    ]);
    return { rev, witnesses, lastTurn, progress };
  });
}

/** The reader's window holding turn `at` (the first window when null) at revision `rev`. */
export async function getReaderWindow(db: Db, doc: Pick<DocumentMeta, 'id'>, rev: number, at: number | null): Promise<ReaderWindow> {
  const outline = await getDocumentOutline(db, doc.id, rev);
  const window = windowForTurn(at ?? 1, outline.lastTurn);
  const state = await readCache(db).get(revisionKey(doc.id, rev, `window:${window.first}-${window.last}`), () =>
    getAlignmentWindow(db, doc.id, rev, window, outline.witnesses),
  );
  return { outline, window, state };
}
