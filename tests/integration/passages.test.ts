/**
 * Passages on a real database (PGlite, and the PostgreSQL server when
 * DATABASE_URL is set): resolution at current and pinned revisions, the
 * "changed in revision N" notice, and references that survive splits and
 * merges. Edits go through the editing layer's applyEdit, as in the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { undoLastEdit } from '@/db/edits/history-edits';
import { getAlignmentState } from '@/db/queries/alignment';
import { firstChangeAfter, getPassageView, type PassageView } from '@/db/queries/passages';
import { rowRefs } from '@/lib/alignment/row-refs';
import { passageCitation } from '@/lib/citation/passage-citation';
import { RefError } from '@/lib/refs/errors';
import { passageFingerprint } from '@/lib/refs/fingerprint';
import { parseRef } from '@/lib/refs/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { row, seedWithEditors, segmentKey, SLUG, type EditFixture } from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('passages on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  /** Fingerprints and refs of pinned views taken before the edits. */
  let t5t7AtRev1: { print: string; refs: string[][] };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const view = async (ref: string, rev: number | null = null): Promise<PassageView> => {
    const result = await getPassageView(database.db, { slug: SLUG, ref: parseRef(ref), rev });
    if (!result) throw new Error('document missing');
    return result;
  };
  const refsOfRows = (v: PassageView) => v.passage.rows.map((r) => rowRefs(r, v.state));
  const state = () => getAlignmentState(database.db, f.documentId);

  it('resolves the seed’s T5–T7 to its three rows at the current revision', async () => {
    const v = await view('T5-T7');
    expect(v.state.rev).toBe(1);
    expect(v.pinnedRev).toBeNull();
    expect(refsOfRows(v)).toEqual([['T5'], ['T6'], ['T7']]);
    expect(v.passage.turns).toEqual([5, 6, 7]);
    expect(v.change).toBeNull();
    t5t7AtRev1 = { print: passageFingerprint(v.state, v.passage.rows), refs: refsOfRows(v) };
  });

  it('is unchanged when pinned to the current revision', async () => {
    const v = await view('T5-T7', 1);
    expect(v.pinnedRev).toBe(1);
    expect(v.change).toBeNull();
  });

  it('reports unknown documents as null, and refuses turns, sentences and revisions that do not exist', async () => {
    expect(await getPassageView(database.db, { slug: 'no-such-doc', ref: parseRef('T1'), rev: null })).toBeNull();
    await expect(view('T12')).rejects.toThrow('T12 is beyond the end of this document: its turns run from T1 to T10.');
    await expect(view('T5', 2)).rejects.toThrow("Revision 2 does not exist: this document's newest revision is 1.");
    await expect(view('T5', 2)).rejects.toBeInstanceOf(RefError);
  });

  it('after edits, a pinned passage shows exactly what was cited and names the first revision that changed it', async () => {
    let s = await state();
    // r2: merge rows T7 and T8 (inside the passage).
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'merge-rows', rowKey: row(s, 'T7').key, nextRowKey: row(s, 'T8').key },
    });
    // r3: correct a word of T2 (outside it).
    s = await state();
    const t2 = segmentKey(s, 'T2', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 2,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: t2, text: s.segments[t2]!.text.replace('fulfilling', 'fulfiling') },
    });
    // r4: split T5 into two sentences (paragraph boundary).
    s = await state();
    const t5 = segmentKey(s, 'T5', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 3,
      userId: f.ada,
      op: { type: 'split-segment', segmentKey: t5, offsets: [s.segments[t5]!.text.indexOf('Events are')] },
    });

    const pinned = await view('T5-T7', 1);
    expect(pinned.state.rev).toBe(1);
    expect(passageFingerprint(pinned.state, pinned.passage.rows)).toBe(t5t7AtRev1.print);
    expect(refsOfRows(pinned)).toEqual(t5t7AtRev1.refs);
    expect(pinned.change).toEqual({ rev: 2, kinds: ['alignment'] });

    const current = await view('T5-T7');
    expect(current.state.rev).toBe(4);
    // Splitting a segment keeps both sentences in their row.
    expect(refsOfRows(current)).toEqual([['T5.1', 'T5.2'], ['T6'], ['T7', 'T8']]);
    expect(current.passage.turns).toEqual([5, 6, 7]);
    expect(current.passage.segmentRefs).toEqual(['T5.1', 'T5.2', 'T6', 'T7']);
  });

  it('names the revision that changed each passage, and none for passages no edit touched', async () => {
    expect((await view('T1-T2', 1)).change).toMatchObject({ rev: 3 });
    expect((await view('T2', 2)).change).toMatchObject({ rev: 3 });
    expect((await view('T5', 3)).change).toMatchObject({ rev: 4 });
    expect((await view('T8', 1)).change).toMatchObject({ rev: 2 });
    expect((await view('T9-T10', 1)).change).toBeNull();
    expect((await view('T3-T4', 2)).change).toBeNull();
  });

  it('keeps a sentence reference to a whole turn readable, with a note', async () => {
    const atRev1 = await view('T5.2', 1);
    expect(atRev1.passage.segmentRefs).toEqual(['T5']);
    expect(atRev1.passage.notes).toEqual(['T5 is not divided into sentences at revision 1, so T5.2 is shown as the whole of T5.']);
    const now = await view('T5.2');
    expect(now.passage.segmentRefs).toEqual(['T5.2']);
    expect(now.passage.notes).toEqual([]);
  });

  it('says nothing changed when a later revision put the passage back exactly as it was', async () => {
    const before = await view('T9');
    const s = await state();
    const t9 = segmentKey(s, 'T9', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: t9, text: `${s.segments[t9]!.text} [sic]` },
    });
    // A text correction is named as such, not as an alignment change.
    expect((await view('T9', before.state.rev)).change).toEqual({ rev: before.state.rev + 1, kinds: ['text'] });
    await undoLastEdit(database.db, { documentId: f.documentId, userId: f.bob });
    const pinned = await view('T9', before.state.rev);
    expect(pinned.state.rev).toBe(before.state.rev);
    expect(pinned.change).toBeNull();
  });

  it('keeps pinned sentences readable after the turn is merged back or renumbered', async () => {
    // T3 split into two sentences, then joined again: T3.2 now reads as the whole turn, with a note.
    let s = await state();
    const t3 = segmentKey(s, 'T3', 'en');
    const split = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'split-segment', segmentKey: t3, offsets: [s.segments[t3]!.text.indexOf('In my view')] },
    });
    s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'merge-segments', segmentKey: segmentKey(s, 'T3.1', 'en'), nextSegmentKey: segmentKey(s, 'T3.2', 'en') },
    });
    const pinned = await view('T3.2', split.rev);
    expect(pinned.passage.segmentRefs).toEqual(['T3.2']);
    expect(pinned.state.segments[pinned.passage.segmentKeys[0]!]!.text).toMatch(/^In my view, it is precisely the Soviet Union/);
    expect(pinned.change).toMatchObject({ rev: split.rev + 1 });
    expect(pinned.current?.segmentRefs).toEqual(['T3']);
    expect((await view('T3.2')).passage.notes).toEqual([
      `T3 is not divided into sentences at revision ${split.rev + 1}, so T3.2 is shown as the whole of T3.`,
    ]);

    // T5 (two sentences since revision 4) cut into three, then its last two joined: T5.3 is gone now.
    s = await state();
    const t52 = segmentKey(s, 'T5.2', 'en');
    const three = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'split-segment', segmentKey: t52, offsets: [s.segments[t52]!.text.indexOf('Today it has suffered')] },
    });
    s = await state();
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'merge-segments', segmentKey: segmentKey(s, 'T5.2', 'en'), nextSegmentKey: segmentKey(s, 'T5.3', 'en') },
    });
    const gone = await view('T5.3', three.rev);
    expect(gone.state.segments[gone.passage.segmentKeys[0]!]!.text).toMatch(/^Today it has suffered a political defeat\./);
    expect(gone.current).toBeNull();
    expect(gone.change).toMatchObject({ rev: three.rev + 1 });
    await expect(view('T5.3')).rejects.toThrow(
      `T5.3 does not exist at revision ${three.rev + 1}: turn T5 has 2 sentences (T5.1–T5.2).`,
    );
    expect((await view('T5')).passage.turns).toEqual([5]);
  });

  it('finds the first later revision touching given keys with index range reads', async () => {
    const at1 = await getAlignmentState(database.db, f.documentId, 1);
    const t7 = row(at1, 'T7');
    expect(await firstChangeAfter(database.db, f.documentId, 1, [{ rowKeys: [t7.key], segmentKeys: [] }])).toBe(2);
    expect(await firstChangeAfter(database.db, f.documentId, 1, [{ rowKeys: [], segmentKeys: [segmentKey(at1, 'T2', 'en')] }])).toBe(
      3,
    );
    expect(await firstChangeAfter(database.db, f.documentId, 1, [{ rowKeys: [row(at1, 'T10').key], segmentKeys: [] }])).toBeNull();
    expect(await firstChangeAfter(database.db, f.documentId, 1, [{ rowKeys: [], segmentKeys: [] }])).toBeNull();
  });

  it('cites a pinned passage with the text as it was and the revision it was made on', async () => {
    const v = await view('T5-T7', 1);
    const citation = passageCitation({
      document: v.document,
      state: v.state,
      passage: v.passage,
      pinned: true,
      origin: 'https://d.example',
    });
    expect(citation.permalink).toBe(`https://d.example/documents/${SLUG}/passages/T5-T7?rev=1`);
    expect(citation.citations.chicagoNote).toContain('T5–T7, rev. 1.');
    expect(citation.quotation.translation.text).toContain('mainly Arab [soldiers].');
    expect(citation.quotation.others[0]).toMatchObject({ lang: 'ru', available: false, text: '' });
  });
});
