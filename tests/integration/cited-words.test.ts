/**
 * Word citations (T4@w2-w3) on both databases: a pinned word citation keeps
 * naming the same words, and the links alive then, after a later text edit
 * shifts the word numbers; the JSON API returns the words and their links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageResponse } from '@/app/api/documents/_handlers';
import { passageCitationFile } from '@/app/documents/[slug]/_citation/downloads';
import { applyEdit } from '@/db/edits/apply-edit';
import { applyWordLinkEdit } from '@/db/edits/word-link-edit';
import { citedWordsOf } from '@/db/queries/cited-words';
import { getAlignmentState } from '@/db/queries/alignment';
import { getPassageView } from '@/db/queries/passages';
import { findMissingPage } from '@/db/read-path/missing-page';
import type { AlignmentState } from '@/lib/alignment/types';
import { RefError } from '@/lib/refs/errors';
import { parseCitedRef, type CitedRef, type WordRange } from '@/lib/refs/words';
import { tokenize } from '@/lib/word-links/tokens';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { row, seedWithEditors, segmentKey, SLUG, type EditFixture } from '../support/edit-fixtures';

const EN = 'We must act together now.';
const RU = 'Мы должны действовать вместе сейчас.';
const ORIGIN = 'https://diptych.example';

describe.each(testDatabaseKinds)('word citations on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  let en: string;
  /** The revision the word citation was made at. */
  let cited: number;

  const state = (rev?: number): Promise<AlignmentState> => getAlignmentState(database.db, f.documentId, rev ?? null);
  const word = (text: string, segment: string, w: string, lang: string) => {
    const t = tokenize(text, lang).find((x) => x.text === w)!;
    return { segmentKey: segment, start: t.start, end: t.end };
  };
  const citeWords = async (ref: string, rev: number | null) => {
    const parsed = parseCitedRef(ref) as CitedRef & { words: WordRange };
    const view = await getPassageView(database.db, { slug: SLUG, ref: parsed.passage, rev });
    if (!view) throw new Error('document missing');
    return citedWordsOf(database.db, view, parsed);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
    const s = await state();
    const rowKey = row(s, 'T4').key;
    en = segmentKey(s, 'T4', 'en');
    const ru = segmentKey(s, 'T4', 'ru');
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'correct-text', segmentKey: en, text: EN },
    });
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev + 1,
      userId: f.ada,
      op: { type: 'replace-placeholder', segmentKey: ru, text: RU },
    });
    for (const [ruWord, enWord] of [
      ['должны', 'must'],
      ['действовать', 'act'],
      ['вместе', 'together'],
    ] as const) {
      await applyWordLinkEdit(database.db, {
        documentId: f.documentId,
        baseRev: (await state()).rev,
        userId: f.ada,
        op: { type: 'link-words', rowKey, sourceTokens: [word(RU, ru, ruWord, 'ru')], targetTokens: [word(EN, en, enWord, 'en')] },
      });
    }
    cited = (await state()).rev;
  });
  afterAll(async () => database?.dispose());

  it('names the words and the words linked to them', async () => {
    const w = await citeWords('T4@w2-w3', cited);
    expect(w.cited.text).toBe('must act');
    expect(w.words.map((x) => [x.text, x.start, x.end])).toEqual([
      ['must', 3, 7],
      ['act', 8, 11],
    ]);
    expect(w.links).toHaveLength(2);
    expect(w.linked.map((x) => x.text)).toEqual(['должны', 'действовать']);
  });

  it('a pinned word citation resolves to the same words after a later edit shifts the word numbers', async () => {
    const before = await citeWords('T4@w2-w3', cited);
    await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: cited,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: en, text: `Now ${EN.charAt(0).toLowerCase()}${EN.slice(1)}` },
    });
    expect((await state()).rev).toBe(cited + 1);

    const pinned = await citeWords('T4@w2-w3', cited);
    expect(pinned.cited.text).toBe('must act');
    expect(pinned.words).toEqual(before.words);
    expect(pinned.linked).toEqual(before.linked);
    expect(pinned.links.map((l) => l.key)).toEqual(before.links.map((l) => l.key));

    // Unpinned, the same numbers now name other words: that is why citations are pinned.
    const current = await citeWords('T4@w2-w3', null);
    expect(current.cited.text).toBe('we must');
    expect((await citeWords('T4@w3-w4', null)).cited.text).toBe('must act');
  });

  it('refuses a word beyond the passage at the pinned revision, saying how many words it has', async () => {
    await expect(citeWords('T4@w6', cited)).rejects.toBeInstanceOf(RefError);
    await expect(citeWords('T4@w6', cited)).rejects.toThrow(
      `T4@w6 does not exist at revision ${cited}: there is no w6, T4 has 5 words (w1–w5).`,
    );
    // One more word since the edit.
    expect((await citeWords('T4@w6', null)).cited.text).toBe('now');
  });

  it('the page check before rendering answers a missing word with its message, and lets a good one through', async () => {
    const path = (ref: string) => `/documents/${SLUG}/passages/${ref}`;
    const at = new URLSearchParams({ rev: String(cited) });
    expect(await findMissingPage(database.db, path('T4@w2-w3'), at)).toBeNull();
    expect(await findMissingPage(database.db, path('T4@w9'), at)).toEqual({
      kind: 'passage',
      message: `T4@w9 does not exist at revision ${cited}: there is no w9, T4 has 5 words (w1–w5).`,
    });
    expect(await findMissingPage(database.db, path('T4@w0'), at)).toEqual({
      kind: 'passage',
      message: '“T4@w0” does not exist: words are numbered from w1.',
    });
    // A lenient spelling is left to the page, which redirects.
    expect(await findMissingPage(database.db, path('T4@W2'), at)).toBeNull();
  });

  it('the API returns the cited words, their offsets and the links touching them, pinned', async () => {
    const response = await passageResponse(
      database.db,
      new Request(`${ORIGIN}/api/documents/${SLUG}/passages/T4@w2-w3?rev=${cited}`),
      ORIGIN,
      { slug: SLUG, ref: 'T4@w2-w3' },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      passage: { ref: string };
      words: {
        ref: string;
        text: string;
        total: number;
        permalink: string;
        words: { n: number; text: string; start: number; end: number }[];
        links: { key: string; status: string }[];
        linked: { text: string; lang: string }[];
      };
      links: { self: string; page: string; ris: string; cslJson: string };
    };
    expect(body.passage.ref).toBe('T4');
    expect(body.words.ref).toBe('T4@w2-w3');
    expect(body.words.text).toBe('must act');
    expect(body.words.total).toBe(5);
    expect(body.words.words.map((w) => [w.n, w.text, w.start, w.end])).toEqual([
      [2, 'must', 3, 7],
      [3, 'act', 8, 11],
    ]);
    expect(body.words.links.map((l) => l.status)).toEqual(['accepted', 'accepted']);
    expect(body.words.linked.map((w) => [w.text, w.lang])).toEqual([
      ['должны', 'ru'],
      ['действовать', 'ru'],
    ]);
    expect(body.words.permalink).toBe(`${ORIGIN}/documents/${SLUG}/passages/T4@w2-w3?rev=${cited}`);
    expect(body.links.page).toBe(`${ORIGIN}/documents/${SLUG}/passages/T4@w2-w3?rev=${cited}`);
    expect(body.links.ris).toBe(`${ORIGIN}/documents/${SLUG}/passages/T4@w2-w3/citation.ris?rev=${cited}`);
    expect(body.links.cslJson).toBe(`${ORIGIN}/documents/${SLUG}/passages/T4@w2-w3/citation.json?rev=${cited}`);

    const missing = await passageResponse(database.db, new Request(`${ORIGIN}/api/documents/${SLUG}/passages/T4@w9`), ORIGIN, {
      slug: SLUG,
      ref: 'T4@w9',
    });
    expect(missing.status).toBe(404);
    const bad = await passageResponse(database.db, new Request(`${ORIGIN}/api/documents/${SLUG}/passages/T4@w0`), ORIGIN, {
      slug: SLUG,
      ref: 'T4@w0',
    });
    expect(bad.status).toBe(400);
  });

  it('the RIS and CSL-JSON downloads of a word citation cite the words, pinned, and refuse a missing word', async () => {
    const download = (format: 'ris' | 'json', ref: string, rev: number | null) =>
      passageCitationFile(
        database.db,
        new Request(`${ORIGIN}/documents/${SLUG}/passages/${ref}/citation.${format}${rev != null ? `?rev=${rev}` : ''}`),
        ORIGIN,
        { slug: SLUG, ref, format },
      );
    const permalink = `${ORIGIN}/documents/${SLUG}/passages/T4@w2-w3?rev=${cited}`;
    const ris = await download('ris', 'T4@w2-w3', cited);
    expect(ris.status).toBe(200);
    expect(ris.headers.get('content-disposition')).toContain(`${SLUG}-T4@w2-w3-r${cited}.ris`);
    expect(ris.headers.get('cache-control')).toContain('immutable');
    const risText = await ris.text();
    expect(risText).toContain(`UR  - ${permalink}`);
    expect(risText).toMatch(/T4@w2[–-]w3/);

    const csl = await download('json', 'T4@w2-w3', cited);
    expect(csl.status).toBe(200);
    const [item] = (await csl.json()) as { URL: string; locator?: string }[];
    expect(item!.URL).toBe(permalink);

    // The whole passage's file is another file.
    const whole = await (await download('ris', 'T4', cited)).text();
    expect(whole).toContain(`UR  - ${ORIGIN}/documents/${SLUG}/passages/T4?rev=${cited}`);

    expect((await download('ris', 'T4@w9', null)).status).toBe(404);
    expect((await download('json', 'T4@w0', null)).status).toBe(400);
  });
});
