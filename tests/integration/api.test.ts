/**
 * The JSON API, the citation downloads and the cite redirect, called as
 * HTTP handlers (Request in, Response out) against a real database on both
 * PGlite and PostgreSQL: bodies, statuses, error JSON and ETag revalidation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '@/app/api/documents/_handlers';
import * as cite from '@/app/documents/[slug]/_citation/cite-redirect';
import * as downloads from '@/app/documents/[slug]/_citation/downloads';
import { applyEdit } from '@/db/edits/apply-edit';
import { getAlignmentState } from '@/db/queries/alignment';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { seedWithEditors, segmentKey, SLUG, type EditFixture } from '../support/edit-fixtures';
import { documented } from '../support/openapi';

// Every response these tests get is first checked against docs/openapi.yaml (status, media type, JSON schema).
const listDocumentsResponse = documented('/api/documents', api.listDocumentsResponse);
const documentResponse = documented('/api/documents/{slug}', api.documentResponse);
const passageResponse = documented('/api/documents/{slug}/passages/{ref}', api.passageResponse);
const citeRedirect = documented('/documents/{slug}/cite', cite.citeRedirect);
const documentCitationFile: typeof downloads.documentCitationFile = (db, request, origin, params) =>
  documented(`/documents/{slug}/citation.${params.format}`, downloads.documentCitationFile)(db, request, origin, params);
const passageCitationFile: typeof downloads.passageCitationFile = (db, request, origin, params) =>
  documented(`/documents/{slug}/passages/{ref}/citation.${params.format}`, downloads.passageCitationFile)(db, request, origin, params);

const ORIGIN = 'http://diptych.test';
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${ORIGIN}${path}`, { headers });

describe.each(testDatabaseKinds)('HTTP API on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const passage = (ref: string, query = '', headers: Record<string, string> = {}) =>
    passageResponse(database.db, get(`/api/documents/${SLUG}/passages/${ref}${query}`, headers), ORIGIN, { slug: SLUG, ref });

  it('GET /api/documents lists documents with their revision and links', async () => {
    const response = await listDocumentsResponse(database.db, get('/api/documents'), ORIGIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await response.json();
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({
      slug: SLUG,
      date: '1991-01-18',
      translator: 'Svetlana Savranskaya',
      publisher: 'National Security Archive',
      currentRev: 1,
      links: {
        self: `${ORIGIN}/api/documents/${SLUG}`,
        reader: `${ORIGIN}/documents/${SLUG}`,
        ris: `${ORIGIN}/documents/${SLUG}/citation.ris`,
        cslJson: `${ORIGIN}/documents/${SLUG}/citation.json`,
      },
    });
  });

  it('GET /api/documents/[slug] gives metadata, witnesses, the turn range and the citation; 404 JSON when unknown', async () => {
    const response = await documentResponse(database.db, get(`/api/documents/${SLUG}`), ORIGIN, SLUG);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.witnesses.map((w: { lang: string; role: string }) => [w.lang, w.role])).toEqual([
      ['ru', 'source'],
      ['en', 'translation'],
    ]);
    expect(body.turns).toEqual({ first: 'T1', last: 'T10', count: 10 });
    expect(body.citation.permalink).toBe(`${ORIGIN}/documents/${SLUG}/passages/T1-T10?rev=1`);
    expect(body.citation.formats.chicagoNote).toContain('rev. 1.');

    const missing = await documentResponse(database.db, get('/api/documents/nope'), ORIGIN, 'nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'document-not-found', message: 'There is no document “nope”.' } });
  });

  it('GET a passage: aligned rows (placeholders without text), citation fields and permalink', async () => {
    const response = await passage('T5-T7');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.passage).toEqual({
      ref: 'T5-T7',
      label: 'T5–T7',
      description: 'turns 5–7',
      turns: [5, 6, 7],
      segmentRefs: ['T5', 'T6', 'T7'],
      notes: [],
    });
    expect(body.revision).toEqual({ shown: 1, pinned: null, current: 1, changedIn: null, changedWhat: [] });
    expect(body.rows).toHaveLength(3);
    const [ru, en] = body.rows[1].cells;
    expect(ru.segments).toEqual([
      expect.objectContaining({ ref: null, turnNo: 6, isPlaceholder: true, text: null, speaker: 'Миттеран' }),
    ]);
    expect(en.segments).toEqual([
      expect.objectContaining({ ref: 'T6', turnNo: 6, isPlaceholder: false, text: 'Yes.', speaker: 'Mitterrand' }),
    ]);
    expect(body.citation.permalink).toBe(`${ORIGIN}/documents/${SLUG}/passages/T5-T7?rev=1`);
    expect(body.citation.locator).toBe('T5–T7, rev. 1');
    expect(body.citation.csl).toMatchObject({ type: 'manuscript', URL: body.citation.permalink, version: 'rev. 1' });
    expect(Object.keys(body.citation.formats)).toEqual([
      'chicagoNote',
      'chicagoFullNote',
      'chicagoBibliography',
      'mla',
      'mlaInText',
      'apa',
      'apaInText',
      'bibtex',
      'ris',
    ]);
    expect(body.citation.quotation.others[0]).toMatchObject({ lang: 'ru', available: false });
    expect(body.links).toMatchObject({
      self: `${ORIGIN}/api/documents/${SLUG}/passages/T5-T7`,
      page: `${ORIGIN}/documents/${SLUG}/passages/T5-T7`,
      previous: `${ORIGIN}/api/documents/${SLUG}/passages/T2-T4`,
      next: `${ORIGIN}/api/documents/${SLUG}/passages/T8-T10`,
    });
  });

  it('answers errors as JSON with a code, a message and a fitting status', async () => {
    const cases: [Response, number, string, string][] = [
      [
        await passage('garbage'),
        400,
        'syntax',
        '“garbage” is not a passage reference: write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7.',
      ],
      [await passage('T7-T5'), 400, 'reversed', '“T7-T5” runs backwards: T7 comes after T5. Write T5-T7.'],
      [await passage('T12'), 404, 'turn-out-of-range', 'T12 is beyond the end of this document: its turns run from T1 to T10.'],
      [
        await passage('T5', '?rev=abc'),
        400,
        'bad-revision',
        '“abc” is not a revision: rev must be a whole number from 1, e.g. rev=3.',
      ],
      [await passage('T5', '?rev=99'), 404, 'no-such-revision', "Revision 99 does not exist: this document's newest revision is 1."],
      [
        await passageResponse(database.db, get('/api/documents/nope/passages/T5'), ORIGIN, { slug: 'nope', ref: 'T5' }),
        404,
        'document-not-found',
        'There is no document “nope”.',
      ],
    ];
    for (const [response, status, code, message] of cases) {
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message } });
    }
  });

  it('revalidates with ETags: 304 while nothing changed, a new tag after an edit, pinned tags tied to the revision shown', async () => {
    const first = await passage('T5-T7');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"passage-.*-T5-T7-r1-c1"$/);
    const again = await passage('T5-T7', '', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await passage('T5-T7', '', { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await passage('T5-T7', '', { 'If-None-Match': '"other"' })).status).toBe(200);

    const list = await listDocumentsResponse(database.db, get('/api/documents'), ORIGIN);
    const listTag = list.headers.get('etag')!;
    const doc = await documentResponse(database.db, get(`/api/documents/${SLUG}`), ORIGIN, SLUG);
    const docTag = doc.headers.get('etag')!;
    expect(
      (await documentResponse(database.db, get(`/api/documents/${SLUG}`, { 'If-None-Match': docTag }), ORIGIN, SLUG)).status,
    ).toBe(304);

    // An edit inside the passage: T6's text.
    const state = await getAlignmentState(database.db, f.documentId);
    const t6 = segmentKey(state, 'T6', 'en');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: 1,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: t6, text: 'Yes, indeed.' },
    });

    const changed = await passage('T5-T7', '', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).rows[1].cells[1].segments[0].text).toBe('Yes, indeed.');
    expect((await listDocumentsResponse(database.db, get('/api/documents', { 'If-None-Match': listTag }), ORIGIN)).status).toBe(200);
    expect(
      (await documentResponse(database.db, get(`/api/documents/${SLUG}`, { 'If-None-Match': docTag }), ORIGIN, SLUG)).status,
    ).toBe(200);

    // Pinned to revision 1: the old text, and the revision that changed it.
    const pinned = await passage('T5-T7', '?rev=1');
    const body = await pinned.json();
    expect(body.revision).toMatchObject({ shown: 1, pinned: 1, current: 2, changedIn: 2 });
    expect(body.rows[1].cells[1].segments[0].text).toBe('Yes.');
    expect(body.citation.permalink).toBe(`${ORIGIN}/documents/${SLUG}/passages/T5-T7?rev=1`);
  });

  it('serves RIS and CSL-JSON at stable URLs, for passages and documents', async () => {
    const ris = await passageCitationFile(database.db, get(`/documents/${SLUG}/passages/T5-T7/citation.ris?rev=1`), ORIGIN, {
      slug: SLUG,
      ref: 'T5-T7',
      format: 'ris',
    });
    expect(ris.status).toBe(200);
    expect(ris.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(ris.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-T5-T7-r1.ris"`);
    const text = await ris.text();
    expect(text.startsWith('TY  - MANSCPT\n')).toBe(true);
    expect(text).toContain(`UR  - ${ORIGIN}/documents/${SLUG}/passages/T5-T7?rev=1\n`);
    expect(text.endsWith('ER  - \n')).toBe(true);
    const etag = ris.headers.get('etag')!;
    const revalidated = await passageCitationFile(
      database.db,
      get(`/documents/${SLUG}/passages/T5-T7/citation.ris?rev=1`, { 'If-None-Match': etag }),
      ORIGIN,
      { slug: SLUG, ref: 'T5-T7', format: 'ris' },
    );
    expect(revalidated.status).toBe(304);

    const json = await documentCitationFile(database.db, get(`/documents/${SLUG}/citation.json`), ORIGIN, {
      slug: SLUG,
      format: 'json',
    });
    expect(json.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const [item] = await json.json();
    expect(item).toMatchObject({ id: `${SLUG}@2`, type: 'manuscript', URL: `${ORIGIN}/documents/${SLUG}/passages/T1-T10?rev=2` });

    const bad = await passageCitationFile(database.db, get(`/documents/${SLUG}/passages/T0/citation.ris`), ORIGIN, {
      slug: SLUG,
      ref: 'T0',
      format: 'ris',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'zero', message: '“T0” does not exist: turns are numbered from T1.' } });
  });

  it('turns the reader’s cite form into a redirect to the passage, in either order, and explains bad selections', async () => {
    const go = (query: string, headers: Record<string, string> = {}) =>
      citeRedirect(database.db, get(`/documents/${SLUG}/cite${query}`, headers), SLUG);
    const forwards = await go('?from=T5&to=T7');
    expect(forwards.status).toBe(303);
    expect(forwards.headers.get('location')).toBe(`${ORIGIN}/documents/${SLUG}/passages/T5-T7#cite`);
    expect((await go('?from=T7&to=T5')).headers.get('location')).toBe(`${ORIGIN}/documents/${SLUG}/passages/T5-T7#cite`);
    expect((await go('?from=T4&to=T4')).headers.get('location')).toBe(`${ORIGIN}/documents/${SLUG}/passages/T4#cite`);
    expect((await go('?ref=t2-t3')).headers.get('location')).toBe(`${ORIGIN}/documents/${SLUG}/passages/T2-T3#cite`);

    const beyond = await go('?from=T9&to=T12');
    expect(beyond.status).toBe(404);
    expect(beyond.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await beyond.text()).toContain('T12 is beyond the end of this document: its turns run from T1 to T10.');

    const hostile = await go('?from=%3Cscript%3E');
    expect(hostile.status).toBe(400);
    const html = await hostile.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('“&#60;script&#62;” is not a passage reference');

    const empty = await go('', { Accept: 'application/json' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe('empty');
  });
});
