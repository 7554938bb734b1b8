/**
 * A passage is read as a window of turns that ends before the next turn's
 * row. A boundary move can put the next turn's first segment into the row of
 * the passage's last turn: the window must still hold that row (a property
 * test found "T3 is not in this document" for T2–T3 after such a move).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { getPassageView } from '@/db/queries/passages';
import { rowRefs } from '@/lib/alignment/row-refs';
import { parseRef } from '@/lib/refs/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { row, seedWithEditors, SLUG, witnessIds, type EditFixture } from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('passage windows after boundary moves on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  it('keeps the last turn of a passage when a later turn moved up into its row', async () => {
    let s = await getAlignmentState(database.db, f.documentId);
    const { en } = witnessIds(s);
    // T5's English moves up into the row of T4, and that row is merged with T3's: one row holds T3, T4 and T5,
    // so T5 (the turn after the window T1–T4 that T2–T3 reads) starts in the row that holds T3.
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'move-boundary', rowKey: row(s, 'T5').key, witnessId: en, direction: 'up' },
    });
    s = await getAlignmentState(database.db, f.documentId);
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'merge-rows', rowKey: row(s, 'T3').key, nextRowKey: row(s, 'T4').key },
    });
    for (const rev of [null, 3]) {
      const view = await getPassageView(database.db, { slug: SLUG, ref: parseRef('T2-T3'), rev });
      expect(view!.passage.turns).toEqual([2, 3]);
      expect(view!.passage.rows.map((r) => rowRefs(r, view!.state))).toEqual([['T2'], ['T3', 'T4', 'T5']]);
    }
  });
});
