/**
 * Suggestions for a passage, learned from the document around it: the
 * passage's rows and up to TRAINING_ROWS_EACH_SIDE rows on each side (read
 * as one bounded window by order key), with every accepted link among them
 * feeding back. Bounded so a suggestion costs the same in a memo and a book.
 */
import { and, asc, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { byOrderKey } from '@/lib/alignment/order';
import { rowTextOf, trainSuggester } from '@/lib/word-links/suggest';
import { stripRevision, wordLinksOfRows } from '../queries/word-links';
import { alignmentRows } from '../schema';
import { loadWindow } from './load-window';
import type { SuggestFor } from './word-link-edit';

export const TRAINING_ROWS_EACH_SIDE = 250;

export const suggestFromDocument: SuggestFor = async (db, documentId, rows, state) => {
  const keys = rows.map((r) => r.orderKey).sort((a, b) => byOrderKey({ orderKey: a }, { orderKey: b }));
  const lo = keys[0]!;
  const hi = keys[keys.length - 1]!;
  const current = and(eq(alignmentRows.documentId, documentId), isNull(alignmentRows.revTo));
  const [before, after] = await Promise.all([
    db
      .select({ orderKey: alignmentRows.orderKey })
      .from(alignmentRows)
      .where(and(current, lt(alignmentRows.orderKey, lo)))
      .orderBy(desc(alignmentRows.orderKey))
      .limit(TRAINING_ROWS_EACH_SIDE),
    db
      .select({ orderKey: alignmentRows.orderKey })
      .from(alignmentRows)
      .where(and(current, gt(alignmentRows.orderKey, hi)))
      .orderBy(asc(alignmentRows.orderKey))
      .limit(TRAINING_ROWS_EACH_SIDE),
  ]);
  const around = await loadWindow(db, documentId, state.rev, state.witnesses, [
    before[before.length - 1]?.orderKey ?? lo,
    after[after.length - 1]?.orderKey ?? hi,
  ]);
  const training = around.state.rows.map((r) => rowTextOf(r, around.state));
  const accepted = (
    await wordLinksOfRows(
      db,
      documentId,
      around.state.rows.map((r) => r.key),
      null,
    )
  )
    .map(stripRevision)
    .filter((l) => l.status === 'accepted');
  const suggester = trainSuggester(training, accepted);
  return rows.flatMap((row) =>
    suggester.suggest(
      rowTextOf(row, state),
      accepted.filter((l) => l.rowKey === row.key),
    ),
  );
};
