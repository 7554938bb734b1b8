/**
 * Real source text aligned in place of the seed's placeholders, on a real
 * database: one revision of `auto` rows, undone by one undo (placeholders
 * back, exactly), and bounded: aligning a passage writes only its rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { undoLastEdit } from '@/db/edits/history-edits';
import { getAlignmentState } from '@/db/queries/alignment';
import { align } from '@/lib/align/align';
import { alignSourceOp, planAlignSource, sourceSentences, type TurnRange } from '@/lib/alignment/align-source-plan';
import { witnessSequence } from '@/lib/alignment/invariants';
import type { AlignmentState } from '@/lib/alignment/types';
import { contentOf } from '../support/alignment-fixtures';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { expectConsistentHistory, row, seedWithEditors, segmentKey, witnessIds, type EditFixture } from '../support/edit-fixtures';
import { SEED_RUSSIAN, SEED_RUSSIAN_TURNS } from '../support/seed-russian';

function alignOp(state: AlignmentState, text: string, range?: TurnRange) {
  const plan = planAlignSource(state, range)!;
  const sentences = sourceSentences(plan, text, 'turns');
  return alignSourceOp(plan, sentences, align(sentences, plan.units, { sourceLang: 'ru', targetLang: 'en' }));
}

describe.each(testDatabaseKinds)('aligning real source text on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());
  const state = () => getAlignmentState(database.db, f.documentId);

  it('replaces every placeholder with aligned sentences in one revision, and one undo restores them', async () => {
    const before = await state();
    const { ru, en } = witnessIds(before);
    const op = alignOp(before, SEED_RUSSIAN);
    const outcome = await applyEdit(database.db, { documentId: f.documentId, baseRev: before.rev, userId: f.ada, op });
    expect(outcome.rev).toBe(before.rev + 1);
    expect(outcome.summary).toMatch(/^Aligned \d+ source sentences to T1–T10: \d+ rows, marked auto for review$/);

    const after = await state();
    const source = witnessSequence(after, ru);
    expect(source.some((s) => s.isPlaceholder)).toBe(false);
    expect(source.map((s) => s.text)).toEqual(op.sentences);
    expect(after.rows.every((r) => r.status === 'auto')).toBe(true);
    expect(after.rows).toHaveLength(op.links.length);
    // Turns were anchors: every row's sentences belong to one turn, and speakers stay in Russian.
    for (const r of after.rows) {
      const turns = new Set(
        Object.values(r.members)
          .flat()
          .map((k) => after.segments[k]!.turnNo),
      );
      expect(turns.size).toBe(1);
    }
    expect(source[0]!.speaker).toBe(witnessSequence(before, ru)[0]!.speaker);
    // "Вы правы." faces "You are right." (T4 is one sentence on both sides).
    const t4 = row(after, 'T4');
    expect(t4.members[ru]!.map((k) => after.segments[k]!.text)).toEqual(['Вы правы.']);
    expect(
      witnessSequence(after, en)
        .map((s) => s.text)
        .join(''),
    ).toBe(
      witnessSequence(before, en)
        .map((s) => s.text)
        .join(''),
    );
    await expectConsistentHistory(database.db, f.documentId);

    await undoLastEdit(database.db, { documentId: f.documentId, userId: f.ada, rev: outcome.rev });
    expect(contentOf(await state())).toEqual(contentOf(before));
  });

  it('aligns a passage without rewriting the rows around it', async () => {
    const s1 = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s1.rev,
      userId: f.ada,
      op: { type: 'replace-placeholder', segmentKey: segmentKey(s1, 'T1', 'ru'), text: SEED_RUSSIAN_TURNS[0]! },
    });
    const s2 = await state();
    const t1 = row(s2, 'T1');
    const op = alignOp(s2, SEED_RUSSIAN_TURNS.slice(1, 4).join('\n\n'), { from: 2, to: 4 });
    const outcome = await applyEdit(database.db, { documentId: f.documentId, baseRev: s2.rev, userId: f.ada, op });
    const s3 = await state();
    expect(row(s3, 'T1')).toEqual(t1);
    expect(row(s3, 'T5')).toEqual(row(s2, 'T5'));
    // Closed: the three rows of T2–T4; inserted: one per link. Nothing else.
    expect(outcome.written.rows).toBe(3 + op.links.length);
    expect(
      witnessSequence(s3, witnessIds(s3).ru)
        .filter((s) => s.isPlaceholder)
        .map((s) => s.turnNo),
    ).toEqual([5, 6, 7, 8, 9, 10]);
    await expectConsistentHistory(database.db, f.documentId);
  });
});
