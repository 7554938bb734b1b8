/**
 * Word links in the versioned store, on both databases: every link change is
 * a revision, a text correction carries links on untouched words and names
 * the dropped ones, undo and revert restore links with their text, a pinned
 * revision reads its links, and conflicts are per row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdit } from '@/db/edits/apply-edit';
import { importBundle } from '@/db/import-bundle';
import { getDocumentBundle } from '@/db/queries/export';
import { exportJson } from '@/lib/export/json';
import { parseJsonDocument } from '@/lib/import/json';
import { revertTo, undoLastEdit } from '@/db/edits/history-edits';
import { applyWordLinkEdit } from '@/db/edits/word-link-edit';
import { suggestFromDocument } from '@/db/edits/word-link-suggest';
import { getAlignmentState } from '@/db/queries/alignment';
import { rowWordsByAnchor, wordLinksOfRows } from '@/db/queries/word-links';
import { ConflictError } from '@/lib/alignment/errors';
import type { AlignmentState } from '@/lib/alignment/types';
import { tokenize } from '@/lib/word-links/tokens';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { row, seedWithEditors, segmentKey, type EditFixture } from '../support/edit-fixtures';

const EN = 'We must act together now.';
const RU = 'Мы должны действовать вместе сейчас.';

describe.each(testDatabaseKinds)('word links on %s', (kind) => {
  let database: TestDatabase;
  let f: EditFixture;
  let rowKey: string;
  let en: string;
  let ru: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await seedWithEditors(database.db);
    const s = await state();
    rowKey = row(s, 'T4').key;
    en = segmentKey(s, 'T4', 'en');
    ru = segmentKey(s, 'T4', 'ru');
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
  });
  afterAll(async () => database?.dispose());

  const state = (rev?: number): Promise<AlignmentState> => getAlignmentState(database.db, f.documentId, rev ?? null);
  const links = (rev: number | null = null) => wordLinksOfRows(database.db, f.documentId, [rowKey], rev);
  const word = (text: string, segment: string, w: string, lang: string) => {
    const t = tokenize(text, lang).find((x) => x.text === w)!;
    return { segmentKey: segment, start: t.start, end: t.end };
  };
  const words = (linked: typeof links extends () => Promise<infer T> ? T : never, s: AlignmentState) =>
    linked
      .map((l) => [...l.sourceTokens, ...l.targetTokens].map((t) => s.segments[t.segmentKey]!.text.slice(t.start, t.end)).join('='))
      .sort();
  const link = async (userId: number, ruWord: string, enWord: string, baseRev?: number) =>
    applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: baseRev ?? (await state()).rev,
      userId,
      op: { type: 'link-words', rowKey, sourceTokens: [word(RU, ru, ruWord, 'ru')], targetTokens: [word(EN, en, enWord, 'en')] },
    });

  it('links words, one revision each, with who made them and a summary naming the words', async () => {
    const first = await link(f.ada, 'Мы', 'We');
    expect(first.summary).toBe('Linked “Мы” ↔ “We” in T4');
    await link(f.ada, 'должны', 'must');
    await link(f.ada, 'действовать', 'act');
    await link(f.ada, 'вместе', 'together');
    const now = await links();
    expect(now).toHaveLength(4);
    expect(now.every((l) => l.status === 'accepted' && l.createdBy === f.ada)).toBe(true);
    expect(words(now, await state())).toEqual(['Мы=We', 'вместе=together', 'действовать=act', 'должны=must']);
  });

  it('refuses words that are not words of the row, or already linked the same way', async () => {
    const s = await state();
    await expect(
      applyWordLinkEdit(database.db, {
        documentId: f.documentId,
        baseRev: s.rev,
        userId: f.ada,
        op: {
          type: 'link-words',
          rowKey,
          sourceTokens: [{ segmentKey: ru, start: 1, end: 3 }],
          targetTokens: [word(EN, en, 'We', 'en')],
        },
      }),
    ).rejects.toMatchObject({ code: 'bad-offset' });
    await expect(link(f.ada, 'Мы', 'We')).rejects.toMatchObject({ code: 'no-change' });
  });

  it('a text correction keeps the links on untouched words, drops the changed one and says so; the pinned revision keeps all four', async () => {
    const before = await state();
    const outcome = await applyEdit(database.db, {
      documentId: f.documentId,
      baseRev: before.rev,
      userId: f.bob,
      op: { type: 'correct-text', segmentKey: en, text: 'Surely we must act jointly now.' },
    });
    expect(outcome.summary).toMatch(/; word links dropped: “Мы” ↔ “We”, “вместе” ↔ “together”$/);
    const s = await state();
    // "We" became "we": a changed word too.
    expect(words(await links(), s)).toEqual(['действовать=act', 'должны=must']);
    expect(words(await links(before.rev), before)).toEqual(['Мы=We', 'вместе=together', 'действовать=act', 'должны=must']);
  });

  it('undo of the correction brings the text and every link back as they were', async () => {
    const pinned = await state();
    const before = await links(pinned.rev - 1);
    await undoLastEdit(database.db, { documentId: f.documentId, userId: f.bob });
    const strip = (list: typeof before) => list.map(({ revFrom: _r, ...l }) => l);
    expect(strip(await links())).toEqual(strip(before));
    expect((await state()).segments[en]!.text).toBe(EN);
  });

  it('conflicts are per row: a stale link edit on a row someone changed is refused, another row goes through', async () => {
    const s = await state();
    await applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.bob,
      op: { type: 'unlink-words', rowKey, linkKeys: [(await links())[0]!.key] },
    });
    const error = await link(f.ada, 'сейчас', 'now', s.rev).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe(`T4 changed in revision ${s.rev + 1} by Bob; reload to see it.`);
    const other = row(s, 'T2');
    await expect(
      applyWordLinkEdit(database.db, {
        documentId: f.documentId,
        baseRev: s.rev,
        userId: f.ada,
        op: { type: 'review-links', rowKeys: [other.key], action: 'clear' },
      }),
    ).rejects.toMatchObject({ code: 'no-change', message: 'T2 has no word links.' });
  });

  it('suggestions are written as suggested, then accepted or rejected for the passage at once', async () => {
    const s = await state();
    const suggest = () =>
      Promise.resolve([
        {
          rowKey,
          sourceTokens: [word(RU, ru, 'сейчас', 'ru')],
          targetTokens: [word(EN, en, 'now', 'en')],
          status: 'suggested' as const,
          createdBy: 0,
        },
      ]);
    const written = await applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'suggest-links', rowKeys: [rowKey] },
      suggest,
    });
    expect(written.summary).toBe('Suggested 1 word link in T4');
    expect((await links()).filter((l) => l.status === 'suggested')).toHaveLength(1);
    const accepted = await applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: written.rev,
      userId: f.bob,
      op: { type: 'review-links', rowKeys: [rowKey], action: 'accept' },
    });
    expect(accepted.summary).toBe('Accepted 1 suggested word link in T4');
    expect((await links()).every((l) => l.status === 'accepted')).toBe(true);
    expect(
      (await links()).find((l) => s.segments[en]!.text.slice(l.targetTokens[0]!.start, l.targetTokens[0]!.end) === 'now')!.createdBy,
    ).toBe(f.bob);
  });

  it('revert restores the links of an earlier revision exactly, as a new revision', async () => {
    const s = await state();
    // Revision 7: the fourth link made (1 seed, 2 and 3 the texts, 4 to 7 the links).
    const at4Links = await links(7);
    expect(at4Links).toHaveLength(4);
    const cleared = await applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'review-links', rowKeys: [rowKey], action: 'clear' },
    });
    expect(await links()).toEqual([]);
    const reverted = await revertTo(database.db, { documentId: f.documentId, userId: f.ada, baseRev: cleared.rev, toRev: 7 });
    expect(reverted.summary).toMatch(/word links/);
    const strip = (list: typeof at4Links) => list.map(({ revFrom: _r, ...l }) => l);
    expect(strip(await links())).toEqual(strip(at4Links));
    // The cleared state is still there, pinned.
    expect(await links(cleared.rev)).toEqual([]);
  });

  it('suggest-links learns from the document and suggests only words no accepted link holds', async () => {
    const s = await state();
    const outcome = await applyWordLinkEdit(database.db, {
      documentId: f.documentId,
      baseRev: s.rev,
      userId: f.ada,
      op: { type: 'suggest-links', rowKeys: [rowKey] },
      suggest: suggestFromDocument,
    });
    expect(outcome.summary).toBe('Suggested 1 word link in T4');
    expect(
      words(
        (await links()).filter((l) => l.status === 'suggested'),
        s,
      ),
    ).toEqual(['сейчас=now']);
  });

  it("the reader's payload names a row by its id on the page (T4), with the blocks each cell renders, now and pinned", async () => {
    const s = await state();
    const now = await rowWordsByAnchor(database.db, f.documentId, 'T4', s.rev);
    expect(now).not.toBeNull();
    // The page carries no segment keys: the payload says which segments each cell's blocks hold.
    const ruWitness = s.witnesses.find((w) => w.lang === 'ru')!.id;
    const enWitness = s.witnesses.find((w) => w.lang === 'en')!.id;
    expect(now!.runs).toEqual({ [ruWitness]: [[ru]], [enWitness]: [[en]] });
    expect(now!.words[en]!.map(([, , w]) => w)).toEqual(tokenize(s.segments[en]!.text, 'en').map((t) => t.text));
    expect(now!.links).toHaveLength((await links()).length);
    const pinned = await rowWordsByAnchor(database.db, f.documentId, 'T4', 3);
    expect(pinned!.links).toHaveLength((await links(3)).length);
    expect(await rowWordsByAnchor(database.db, f.documentId, 'T999', s.rev)).toBeNull();
    expect(await rowWordsByAnchor(database.db, f.documentId, 'T4"><b>', s.rev)).toBeNull();
  });

  it('the JSON export carries every link, and importing it gives back 100% of them', async () => {
    const doc = { id: f.documentId, slug: 'gorbachev-mitterrand-1991-01-18' };
    const bundle = await getDocumentBundle(database.db, doc, null);
    const exported = exportJson(bundle);
    const linkCount = bundle.rows.reduce((n, r) => n + (r.links?.length ?? 0), 0);
    expect(linkCount).toBe((await links()).length);
    expect(linkCount).toBeGreaterThan(0);
    const copy = parseJsonDocument(exported.replace(`"slug": "${doc.slug}"`, '"slug": "word-links-copy"'));
    const { documentId } = await importBundle(database.db, copy, {
      userId: f.ada,
      op: { type: 'import', format: 'json' },
      summary: 'Imported',
    });
    const again = await getDocumentBundle(database.db, { id: documentId, slug: doc.slug }, null);
    expect(exportJson(again)).toBe(exported);
  });
});
