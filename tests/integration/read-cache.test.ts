/**
 * Compute once per revision (db/read-path/): a second read of any view
 * computes nothing; an edit makes every view of its document (reader window,
 * passage, API, search) show the edit on the next read and leaves the other
 * document's views cached; a pinned passage shows the same thing forever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentResponse, passageResponse } from '@/app/api/documents/_handlers';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { passageViewOf } from '@/db/queries/passages';
import { readCache } from '@/db/read-path/cache';
import { getReaderWindow } from '@/db/read-path/reader';
import { cachedSearch } from '@/db/read-path/search';
import { parseRef } from '@/lib/refs/parse';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { row, seedWithEditors, segmentKey, SLUG, type EditFixture } from '../support/edit-fixtures';
import { createLargeDocument } from '../support/large-document';

const ORIGIN = 'http://diptych.test';
const OTHER = 'other-document';

describe.each(testDatabaseKinds)('the revision cache on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
    await createLargeDocument(database.db, { slug: OTHER, turns: 30, userId: f.ada });
  });
  afterAll(async () => database?.dispose());

  const misses = () => readCache(database.db).stats().misses;
  const api = async (slug: string, ref: string, query = '') =>
    (
      await passageResponse(database.db, new Request(`${ORIGIN}/api/documents/${slug}/passages/${ref}${query}`), ORIGIN, { slug, ref })
    ).json();

  /** Every cached view of one document, as plain data. */
  async function views(slug: string) {
    const doc = (await getDocumentBySlug(database.db, slug))!;
    const reader = await getReaderWindow(database.db, doc, doc.currentRev, null);
    const passage = await passageViewOf(database.db, doc, parseRef('T2'), null);
    const documentJson = await (
      await documentResponse(database.db, new Request(`${ORIGIN}/api/documents/${slug}`), ORIGIN, slug)
    ).json();
    return { rev: doc.currentRev, reader, passage, passageJson: await api(slug, 'T2'), documentJson };
  }

  it('a second read of every view computes nothing', async () => {
    await views(SLUG);
    await views(OTHER);
    await cachedSearch(database.db, 'Президент');
    const before = misses();
    await views(SLUG);
    await views(OTHER);
    await cachedSearch(database.db, 'Президент');
    expect(misses()).toBe(before);
  });

  it('an edit shows in every view of its document at once, and leaves the other document cached', async () => {
    const pinnedBefore = await api(SLUG, 'T1', '?rev=1');
    expect((await cachedSearch(database.db, 'Президент')).total).toBe(0);
    const state = await getAlignmentState(database.db, f.documentId);
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: {
        type: 'set-row-status',
        rowKey: row(state, 'T2').key,
        status: 'verified',
        note: { kind: 'omission', text: 'Checked against the archive copy' },
      },
    });
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 2,
      userId: f.ada,
      op: { type: 'replace-placeholder', segmentKey: segmentKey(state, 'T1', 'ru'), text: 'Доброе утро, господин Президент.' },
    });

    const before = misses();
    await views(OTHER);
    expect(misses()).toBe(before);

    const edited = await views(SLUG);
    expect(edited.rev).toBe(3);
    const t2 = (rows: { key: string; note: string | null; status: string }[]) => rows.find((r) => r.key === row(state, 'T2').key)!;
    expect(t2(edited.reader.state.rows).status).toBe('verified');
    expect(t2(edited.reader.state.rows).note).toContain('Checked against the archive copy');
    expect(t2(edited.passage.passage.rows).note).toContain('Checked against the archive copy');
    expect(edited.passageJson.rows[0].note).toContain('Checked against the archive copy');
    expect(edited.documentJson.document.currentRev).toBe(3);
    expect(edited.reader.outline.progress[0]!.transcribed).toBe(1);
    expect((await cachedSearch(database.db, 'Президент')).total).toBe(1);

    // The pinned passage shows what it showed; only the "changed since" facts are new.
    const pinnedAfter = await api(SLUG, 'T1', '?rev=1');
    expect(pinnedAfter.rows).toEqual(pinnedBefore.rows);
    expect(pinnedAfter.citation).toEqual(pinnedBefore.citation);
    expect(pinnedAfter.revision).toMatchObject({ shown: 1, pinned: 1, current: 3, changedIn: 3 });
  });
});
