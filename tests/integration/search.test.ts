import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { listLibraryDocuments } from '@/db/queries/library';
import { matchBranch, searchSegments, textSearchConfig, type SearchHit } from '@/db/queries/search';
import { findPeople, speakerOptions } from '@/db/queries/search-speakers';
import { documents, revisions, segments } from '@/db/schema';
import { importMemoDocument } from '@/db/import-memo';
import { seedDatabase } from '@/db/seed';
import { ensureSystemUser } from '@/db/accounts/users';
import { parseMemo } from '@/lib/memo/parse';
import { splitHighlights } from '@/lib/render/snippet';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const SLUG = 'gorbachev-mitterrand-1991-01-18';

class RolledBack extends Error {}

/** The words ts_headline marked as matches in a hit's snippet. */
function highlighted(hit: SearchHit): string[] {
  return splitHighlights(hit.headline)
    .filter((p) => p.hit)
    .map((p) => p.text);
}

describe('textSearchConfig', () => {
  it('maps languages to PostgreSQL configurations, simple otherwise', () => {
    expect(textSearchConfig('en')).toBe('english');
    expect(textSearchConfig('en-GB')).toBe('english');
    expect(textSearchConfig('ru')).toBe('russian');
    expect(textSearchConfig('FR')).toBe('french');
    expect(textSearchConfig('de')).toBe('simple');
    expect(textSearchConfig('uk')).toBe('simple');
  });
});

describe.each(testDatabaseKinds)('search on %s', (kind) => {
  let database: TestDatabase;
  let documentId: number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDatabase(database.db);
    documentId = (await getDocumentBySlug(database.db, SLUG))!.id;
    console.info(`[integration] search suite running on ${kind}`);
  });
  afterAll(async () => database?.dispose());

  /** Writes a new version of the source segment of turn `turnNo`, as an edit would, in a new revision. */
  async function replaceSourceSegment(turnNo: number, text: string, isPlaceholder: boolean) {
    const state = await getAlignmentState(database.db, documentId);
    const source = state.witnesses.find((w) => w.role === 'source')!;
    const old = Object.values(state.segments).find((s) => s.witnessId === source.id && s.turnNo === turnNo)!;
    const rev = state.rev + 1;
    const userId = await ensureSystemUser(database.db);
    await database.db.transaction(async (tx) => {
      await tx.update(documents).set({ currentRev: rev }).where(eq(documents.id, documentId));
      await tx.insert(revisions).values({ documentId, rev, userId, op: { type: 'test' }, summary: `test T${turnNo}` });
      await tx
        .update(segments)
        .set({ revTo: rev })
        .where(and(eq(segments.key, old.key), isNull(segments.revTo)));
      await tx.insert(segments).values({ ...old, documentId, text, isPlaceholder, revFrom: rev });
    });
  }

  it('stems English: "bombs" and "bomb" find "bombing" in T5, highlighted', async () => {
    for (const q of ['bombs', 'bomb', 'bombing']) {
      const results = await searchSegments(database.db, q);
      expect(results.total).toBe(1);
      const [group] = results.groups;
      expect(group).toMatchObject({ slug: SLUG, date: '1991-01-18' });
      const [hit] = group!.hits;
      expect(hit).toMatchObject({ refs: ['T5'], anchor: 'T5', speaker: 'Gorbachev' });
      expect(hit!.witness).toMatchObject({ lang: 'en', role: 'translation' });
      expect(highlighted(hit!)).toEqual(['bombing']);
      expect(hit!.headline.replace(/[\uE000\uE001]/g, '')).toContain('Continuation of the bombing would mean strikes');
    }
  });

  it('shows the aligned counterpart beside each hit (here the Russian placeholder of T5)', async () => {
    const { groups } = await searchSegments(database.db, 'bombing');
    const [counterpart] = groups[0]!.hits[0]!.counterparts;
    expect(counterpart!.witness).toMatchObject({ lang: 'ru', role: 'source' });
    expect(counterpart!.segments).toEqual([expect.objectContaining({ speaker: 'Горбачев', isPlaceholder: true, text: '' })]);
  });

  it('finds words inside editorial insertions and across every matching turn', async () => {
    const israel = await searchSegments(database.db, 'Israel');
    // "Israel" (T2) and "[Israel]" in T10; T10 also says "Israel" in plain text.
    expect(israel.groups[0]!.hits.map((h) => h.anchor)).toEqual(['T2', 'T10']);
    const t10 = israel.groups[0]!.hits[1]!;
    expect(t10.headline).toContain('[\uE000Israel\uE001]');
  });

  it('shows the text exactly in snippets: tags, brackets and punctuation kept, cuts flagged', async () => {
    await replaceSourceSegment(3, 'Он написал <img src=x onerror=alert(1)> о [Израиле] (сегодня).', false);
    const { groups } = await searchSegments(database.db, 'написал');
    const hit = groups[0]!.hits[0]!;
    expect(hit.headline.replace(/[\uE000\uE001]/g, '')).toBe('Он написал <img src=x onerror=alert(1)> о [Израиле] (сегодня).');
    expect(highlighted(hit)).toEqual(['написал']);
    expect(hit).toMatchObject({ cutBefore: false, cutAfter: false });
    const t5 = (await searchSegments(database.db, 'bombing')).groups[0]!.hits[0]!;
    expect(t5).toMatchObject({ cutBefore: true, cutAfter: true });
    await replaceSourceSegment(3, '', true);
  });

  it('supports web-search syntax (phrases, OR, exclusion) and never fails on odd input', async () => {
    expect((await searchSegments(database.db, '"ground forces"')).groups[0]!.hits.map((h) => h.anchor)).toEqual(['T5']);
    expect((await searchSegments(database.db, 'Kuwait -Hussein')).groups[0]!.hits.map((h) => h.anchor)).toEqual(['T2']);
    expect((await searchSegments(database.db, 'Kuwait or Baghdad')).groups[0]!.hits.map((h) => h.anchor)).toEqual(['T2', 'T7']);
    for (const odd of ["'; drop table segments; --", '&|!():*', '"', '   ', 'the of and']) {
      expect((await searchSegments(database.db, odd)).total).toBe(0);
    }
    const [stored] = await database.db.select({ n: count() }).from(segments);
    expect(stored!.n).toBeGreaterThan(0);
  });

  it('matches through each language’s partial GIN index on a large document', async () => {
    const state = await getAlignmentState(database.db, documentId);
    const en = state.witnesses.find((w) => w.lang === 'en')!;
    const plans: string[] = [];
    // Thousands of turns so the planner prices the indexes as it would on a book; rolled back after.
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`
          insert into segments (key, document_id, witness_id, order_key, turn_no, text, is_placeholder, rev_from)
          select 'fill_' || n, ${documentId}, ${en.id}, 'z' || lpad(n::text, 6, '0'), 1000 + n,
                 'filler text number ' || n || ' about nothing in particular', false, 1
          from generate_series(1, 3000) n`);
        await tx.execute(sql`analyze segments`);
        await tx.execute(sql`set local enable_seqscan = off`);
        for (const config of ['english', 'russian', 'french', 'simple'] as const) {
          plans.push(JSON.stringify(await tx.execute(sql`explain ${matchBranch(config, 'bomb')}`)));
        }
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(plans[0]).toContain('segments_fts_english_idx');
    expect(plans[1]).toContain('segments_fts_russian_idx');
    expect(plans[2]).toContain('segments_fts_french_idx');
    expect(plans[3]).toContain('segments_fts_simple_idx');
    const [left] = await database.db.select({ n: count() }).from(segments).where(eq(segments.turnNo, 1001));
    expect(left!.n).toBe(0);
  });

  it('limits the hits and says when it did', async () => {
    const all = await searchSegments(database.db, 'Mr. OR Israel OR Hussein');
    expect(all.total).toBeGreaterThan(2);
    const limited = await searchSegments(database.db, 'Mr. OR Israel OR Hussein', { limit: 2 });
    expect(limited.total).toBe(2);
    expect(limited.truncated).toBe(true);
    expect(all.truncated).toBe(false);
  });

  it('never matches placeholders, even when a placeholder version carries text', async () => {
    expect((await searchSegments(database.db, 'удар')).total).toBe(0);
    // A placeholder whose text is not empty is still a placeholder: not searchable.
    await replaceSourceSegment(6, 'Удары по населению были бы абсурдом.', true);
    expect((await searchSegments(database.db, 'удар')).total).toBe(0);
    expect((await searchSegments(database.db, 'абсурдом')).total).toBe(0);
  });

  it('finds Russian text with Russian stemming once a real source segment exists', async () => {
    await replaceSourceSegment(
      5,
      'Продолжение бомбардировок означало бы удары по населению.\n\nВ конфликт вступают сухопутные войска.',
      false,
    );
    // "удар" (singular) finds "удары"; "населения" finds "населению": the russian stemmer at work.
    for (const q of ['удар', 'населения']) {
      const results = await searchSegments(database.db, q);
      expect(results.total).toBe(1);
      const hit = results.groups[0]!.hits[0]!;
      expect(hit.witness).toMatchObject({ lang: 'ru', role: 'source' });
      expect(hit).toMatchObject({ refs: ['T5'], anchor: 'T5', speaker: 'Горбачев' });
      // Its counterpart is the English T5.
      expect(hit.counterparts[0]!.witness.lang).toBe('en');
      expect(hit.counterparts[0]!.segments[0]!.text).toContain('Continuation of the bombing');
    }
    expect(highlighted((await searchSegments(database.db, 'удар')).groups[0]!.hits[0]!)).toEqual(['удары']);
    // The English stemmer is not applied to Russian, nor the Russian one to English.
    expect((await searchSegments(database.db, 'bombs')).groups[0]!.hits.map((h) => h.witness.lang)).toEqual(['en']);
  });

  it('counts transcribed source turns for the library', async () => {
    const [entry] = await listLibraryDocuments(database.db);
    // T5 is real text now; T6 was given a new placeholder version, still a placeholder.
    expect(entry!.sources).toEqual([expect.objectContaining({ lang: 'ru', turns: 10, transcribed: 1 })]);
    expect(entry!.witnesses.map((w) => w.lang)).toEqual(['ru', 'en']);
  });

  it('finds speakers and participants by name, in either language, and filters hits by speaker and document', async () => {
    for (const q of ['Gorbachev', 'gorbachev', 'Горбачев', 'Горбачёв', 'Mikhail Gorbachev']) {
      const { speakers } = await findPeople(database.db, q);
      expect(speakers.map((p) => p.speaker)).toEqual(
        [expect.stringMatching(/^(Gorbachev|Горбачев)$/)].concat(speakers.length > 1 ? [expect.any(String)] : []),
      );
      expect(speakers.length).toBeGreaterThan(0);
    }
    const ru = (await findPeople(database.db, 'Горбачев')).speakers;
    expect(ru).toEqual([expect.objectContaining({ slug: SLUG, speaker: 'Горбачев', turns: 5 })]);
    expect((await findPeople(database.db, 'Gorbachev')).participants).toEqual([
      expect.objectContaining({ slug: SLUG, participant: 'Mikhail Gorbachev' }),
    ]);
    expect((await findPeople(database.db, 'bombing')).speakers).toEqual([]);
    expect((await speakerOptions(database.db, SLUG)).map((o) => o.speaker)).toEqual(
      expect.arrayContaining(['Gorbachev', 'Mitterrand', 'Горбачев']),
    );

    // The Russian name of the speaker finds his English turns; a text query narrows them.
    const turns = await searchSegments(database.db, '', { filters: { speaker: 'Горбачев' } });
    const english = turns.groups[0]!.hits.filter((h) => h.witness.lang === 'en');
    expect(english.map((h) => h.anchor)).toEqual(['T1', 'T3', 'T5', 'T7', 'T9']);
    expect(turns.groups[0]!.hits.every((h) => h.speaker === 'Gorbachev' || h.speaker === 'Горбачев')).toBe(true);
    const israel = await searchSegments(database.db, 'Israel', { filters: { speaker: 'Mitterrand' } });
    expect(israel.groups[0]!.hits.map((h) => h.anchor)).toEqual(['T2', 'T10']);
    expect((await searchSegments(database.db, 'Israel', { filters: { speaker: 'Gorbachev' } })).total).toBe(0);
    expect((await searchSegments(database.db, 'Israel', { filters: { document: SLUG } })).total).toBe(2);
    expect((await searchSegments(database.db, 'Israel', { filters: { document: 'no-such-document' } })).total).toBe(0);
  });

  it('groups hits by document and uses each language’s configuration (French, and simple for German)', async () => {
    const userId = await ensureSystemUser(database.db);
    const memo = (title: string, text: string) => parseMemo(`## ${title}\n\n**Mitterrand**: ${text}\n\n**Gorbachev**: Oui.\n`);
    await importMemoDocument(
      database.db,
      memo('Entretien téléphonique January 18, 1991', 'La poursuite des bombardements frapperait la population.'),
      {
        slug: 'test-fr',
        translationLang: 'fr',
        translationLabel: 'Traduction française',
        sourceLang: 'ru',
        sourceLabel: 'Russian original',
        userId,
      },
    );
    await importMemoDocument(database.db, memo('Telefongespräch January 19, 1991', 'Die Bombardierung geht weiter.'), {
      slug: 'test-de',
      translationLang: 'de',
      translationLabel: 'Deutsche Übersetzung',
      sourceLang: 'ru',
      sourceLabel: 'Russian original',
      userId,
    });

    // french stemming: "bombardement" finds "bombardements"; the English T5 "bombing" does not stem to it.
    const fr = await searchSegments(database.db, 'bombardement');
    expect(fr.groups.map((g) => g.slug)).toEqual(['test-fr']);
    expect(fr.groups[0]!.hits[0]!.witness.lang).toBe('fr');

    // simple configuration: exact words only.
    expect((await searchSegments(database.db, 'Bombardierung')).groups.map((g) => g.slug)).toEqual(['test-de']);
    expect((await searchSegments(database.db, 'Bombardierungen')).total).toBe(0);

    // One query, three documents, one group each with its own hits.
    const many = await searchSegments(database.db, 'population OR bombing OR Bombardierung');
    expect(many.groups.map((g) => g.slug).sort()).toEqual([SLUG, 'test-de', 'test-fr'].sort());
    for (const group of many.groups) expect(group.hits).toHaveLength(1);
  });
});
