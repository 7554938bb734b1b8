/**
 * The not-found decision proxy.ts makes before any page renders (issue 10:
 * pages that call notFound() themselves render an empty body without
 * JavaScript). Each URL that names nothing gets the reason a reader sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMissingPage } from '@/db/read-path/missing-page';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { seedWithEditors, SLUG } from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('missing pages on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const check = (path: string, search = '') => findMissingPage(database.db, path, new URLSearchParams(search));

  it('names an unknown document, on every page of it', async () => {
    for (const path of [
      '/documents/no-such-memo',
      '/documents/no-such-memo/passages/T5',
      '/documents/no-such-memo/history',
      '/documents/no-such-memo/edit',
    ]) {
      expect(await check(path)).toEqual({ kind: 'document', message: 'There is no document “no-such-memo”.' });
    }
  });

  it('says why a passage does not resolve', async () => {
    expect(await check(`/documents/${SLUG}/passages/T12`)).toEqual({
      kind: 'passage',
      message: 'T12 is beyond the end of this document: its turns run from T1 to T10.',
    });
    expect((await check(`/documents/${SLUG}/passages/T5`, 'rev=999'))?.message).toContain('Revision 999 does not exist');
    expect((await check(`/documents/${SLUG}/passages/${encodeURIComponent('T5–Т7')}`))?.message).toContain('“T5–Т7”');
  });

  it('says which revisions exist', async () => {
    expect(await check(`/documents/${SLUG}/history/9999`)).toEqual({
      kind: 'revision',
      message: '“9999” is not a revision of this document: its revisions are 1 to 1.',
    });
    expect((await check(`/documents/${SLUG}/history/abc`))?.kind).toBe('revision');
  });

  it('leaves pages that exist, and spellings the page redirects, to the page', async () => {
    for (const path of [
      `/documents/${SLUG}`,
      `/documents/${SLUG}/passages/T5-T7`,
      `/documents/${SLUG}/passages/${encodeURIComponent('T5–T7')}`,
      `/documents/${SLUG}/history/1`,
      `/documents/${SLUG}/edit`,
      `/documents/${SLUG}/citation.json`,
      '/search',
    ]) {
      expect(await check(path)).toBeNull();
    }
    expect(await check(`/documents/${SLUG}/passages/T5`, 'rev=1')).toBeNull();
  });
});
