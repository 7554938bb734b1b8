/**
 * The six citation formats for the seed's T5–T7 at revision 1. Each expected
 * string is written out from the style's rules (noted beside it), not
 * captured from the output, so a change in any format fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlignmentRow, AlignmentState, Segment } from '@/lib/alignment/types';
import { citationTitle } from '@/lib/citation/csl-item';
import { formatCitations } from '@/lib/citation/format';
import { archiveParts, personName } from '@/lib/citation/names';
import { passageCitation } from '@/lib/citation/passage-citation';
import { passageQuotation, SOURCE_NOT_AVAILABLE } from '@/lib/citation/quotation';
import { formatRis } from '@/lib/citation/ris';
import { parseMemo } from '@/lib/memo/parse';
import { placeholderSpeaker } from '@/lib/memo/placeholder';
import { parseRef } from '@/lib/refs/parse';
import { resolveRef } from '@/lib/refs/resolve';
import { parseCitedRef, resolveWords } from '@/lib/refs/words';

const SLUG = 'gorbachev-mitterrand-1991-01-18';
const ORIGIN = 'https://diptych.example';
const PERMALINK = `${ORIGIN}/documents/${SLUG}/passages/T5-T7?rev=1`;

/** The seed memo as the importer stores it at revision 1 (db/import-memo.ts), built in memory. */
function seed() {
  const memo = parseMemo(readFileSync(path.join(process.cwd(), 'db', 'seed', `${SLUG}.md`)));
  const segments: Record<string, Segment> = {};
  const rows: AlignmentRow[] = [];
  memo.turns.forEach((turn, i) => {
    const orderKey = `a${String(i).padStart(3, '0')}`;
    const en: Segment = {
      key: `en${turn.turnNo}`,
      witnessId: 2,
      orderKey,
      turnNo: turn.turnNo,
      sentenceNo: null,
      speaker: turn.speaker,
      text: turn.paragraphs.join('\n\n'),
      isPlaceholder: false,
      revFrom: 1,
    };
    const ru: Segment = {
      ...en,
      key: `ru${turn.turnNo}`,
      witnessId: 1,
      speaker: placeholderSpeaker(turn.speaker, 'ru'),
      text: '',
      isPlaceholder: true,
    };
    segments[en.key] = en;
    segments[ru.key] = ru;
    rows.push({ key: `r${turn.turnNo}`, orderKey, status: 'auto', note: null, revFrom: 1, members: { 1: [ru.key], 2: [en.key] } });
  });
  const state: AlignmentState = {
    rev: 1,
    witnesses: [
      { id: 1, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 },
      { id: 2, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 },
    ],
    rows,
    segments,
  };
  const document = {
    slug: SLUG,
    title: memo.title,
    date: memo.date,
    participants: memo.participants,
    archiveRef: memo.sourceNote!.archiveRef,
    translator: memo.sourceNote!.translator,
    publisher: memo.sourceNote!.publisher,
    isExcerpt: memo.isExcerpt,
  };
  return { state, document };
}

function seedCitation() {
  const { state, document } = seed();
  return passageCitation({ document, state, passage: resolveRef(parseRef('T5-T7'), state), pinned: true, origin: ORIGIN });
}

describe('citation of the seed’s T5–T7 at revision 1', () => {
  const { citations: c, permalink } = seedCitation();

  it('pins the permalink to the revision', () => {
    expect(permalink).toBe(PERMALINK);
  });

  it('Chicago note: short form (bibliography given), “Authors, “Title,” locator.”', () => {
    expect(c.chicagoNote).toBe(
      'Gorbachev and Mitterrand, “Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand,” T5–T7, rev. 1.',
    );
  });

  it('Chicago full note for the first reference: names, title, translator, publication, locator and the permalink', () => {
    expect(c.chicagoFullNote).toBe(
      'Mikhail Gorbachev and Francois Mitterrand, “Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand,” ' +
        'trans. Svetlana Savranskaya (National Security Archive, January 18, 1991), T5–T7, rev. 1, Fond 1, opis 1, Archive of the Gorbachev Foundation, ' +
        `${PERMALINK}.`,
    );
  });

  it('Chicago bibliography: inverted first author, quoted title, translator, publisher and date, archive location then archive, URL', () => {
    expect(c.chicagoBibliography).toBe(
      'Gorbachev, Mikhail, and Francois Mitterrand. “Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand.” ' +
        'Translated by Svetlana Savranskaya. National Security Archive, January 18, 1991. Fond 1, opis 1. Archive of the Gorbachev Foundation. ' +
        `${PERMALINK}.`,
    );
  });

  it('MLA works cited: title as a container (italic in rich text), version, publisher, day-month-year date, URL, then the archive', () => {
    expect(c.mla).toBe(
      'Gorbachev, Mikhail, and Francois Mitterrand. Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand. ' +
        `Translated by Svetlana Savranskaya, rev. 1, National Security Archive, 18 Jan. 1991, ${PERMALINK}. ` +
        'Archive of the Gorbachev Foundation, Fond 1, opis 1.',
    );
    expect(c.html.mla).toContain('<i>Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand</i>');
    expect(c.mlaInText).toBe('(Gorbachev and Mitterrand, T5–T7, rev. 1)');
  });

  it('APA reference: initials and ampersand, year, title with translator and version in parentheses, publisher, archive, URL without a final period', () => {
    expect(c.apa).toBe(
      'Gorbachev, M., & Mitterrand, F. (1991). Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand ' +
        '(S. Savranskaya, Trans.; Version rev. 1). National Security Archive. Archive of the Gorbachev Foundation (Fond 1, opis 1). ' +
        PERMALINK,
    );
    expect(c.apaInText).toBe('(Gorbachev & Mitterrand, 1991, T5–T7, rev. 1)');
  });

  it('BibTeX: an @unpublished entry with BibLaTeX fields, LaTeX dashes and protected capitals', () => {
    expect(c.bibtex).toBe(
      [
        '@unpublished{gorbachev1991T5T7r1,',
        '\tauthor = {Gorbachev, Mikhail and Mitterrand, Francois},',
        '\tdate = {1991-01-18},',
        '\tlanguage = {en},',
        '\tnote = {T5--T7 (turns 5--7), revision 1 of the aligned edition. The published translation is an excerpt. Original: Archive of the Gorbachev Foundation, Fond 1, opis 1.},',
        '\tpublisher = {National Security Archive},',
        '\thowpublished = {National Security Archive},',
        '\ttitle = {Memorandum of {Telephone} {Conversation} between {Mikhail} {Gorbachev} and {Francois} {Mitterrand}},',
        '\ttranslator = {Savranskaya, Svetlana},',
        `\turl = {${PERMALINK}},`,
        '\tversion = {rev. 1},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('RIS: a manuscript record, one tag per line, no value wrapped, translator and archive where Zotero reads them', () => {
    expect(c.ris).toBe(
      [
        'TY  - MANSCPT',
        'AU  - Gorbachev, Mikhail',
        'AU  - Mitterrand, Francois',
        'A4  - Savranskaya, Svetlana',
        'TI  - Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand',
        'DA  - 1991/1/18/',
        'PY  - 1991',
        'PB  - National Security Archive',
        'DB  - Archive of the Gorbachev Foundation',
        'AN  - Fond 1, opis 1',
        'LA  - en',
        `UR  - ${PERMALINK}`,
        'N1  - T5–T7 (turns 5–7), revision 1 of the aligned edition. The published translation is an excerpt. Original: Archive of the Gorbachev Foundation, Fond 1, opis 1.',
        'ID  - gorbachev1991T5T7r1',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('CSL-JSON: the item every other format is made from', () => {
    expect(JSON.parse(c.cslJson)).toEqual([
      {
        id: `${SLUG}/T5-T7@1`,
        'citation-key': 'gorbachev1991T5T7r1',
        type: 'manuscript',
        title: 'Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand',
        language: 'en',
        version: 'rev. 1',
        URL: PERMALINK,
        note: 'T5–T7 (turns 5–7), revision 1 of the aligned edition. The published translation is an excerpt. Original: Archive of the Gorbachev Foundation, Fond 1, opis 1.',
        author: [
          { family: 'Gorbachev', given: 'Mikhail' },
          { family: 'Mitterrand', given: 'Francois' },
        ],
        translator: [{ family: 'Savranskaya', given: 'Svetlana' }],
        issued: { 'date-parts': [[1991, 1, 18]] },
        publisher: 'National Security Archive',
        archive: 'Archive of the Gorbachev Foundation',
        archive_location: 'Fond 1, opis 1',
      },
    ]);
  });
});

describe('quotations never pass placeholders off as text', () => {
  it('quotes the English of exactly the cited turns, with speakers, and says the Russian is not available', () => {
    const { quotation, quotationText } = seedCitation();
    expect(quotation.translation.available).toBe(true);
    const paragraphs = quotation.translation.text.split('\n\n');
    // T5 is Gorbachev's two-paragraph turn, T6 Mitterrand's "Yes.", T7 Gorbachev's two paragraphs on a pause.
    expect(paragraphs[0]).toMatch(/^Gorbachev: But it was not possible to avoid military actions in the final stage\./);
    expect(paragraphs[1]).toMatch(/^Events are entering a new phase\..*mainly Arab \[soldiers\]\.$/);
    expect(paragraphs[2]).toBe('Mitterrand: Yes.');
    expect(paragraphs[3]).toMatch(/^Gorbachev: This conflict could turn out in such a way/);
    expect(paragraphs[4]).toBe(
      'Today the Soviet ambassador in Baghdad will ask Hussein a question on my behalf: "If there is a pause in military action, are you ready to announce a withdrawal from Kuwait?"',
    );
    expect(paragraphs).toHaveLength(5);

    expect(quotation.others).toEqual([{ lang: 'ru', label: 'Russian original', role: 'source', available: false, text: '' }]);
    expect(quotationText).toContain(`Russian original: ${SOURCE_NOT_AVAILABLE}.`);
    expect(quotationText).not.toContain('Горбачев');
    expect(quotationText.endsWith(seedCitation().citations.chicagoNote)).toBe(true);
  });

  it('quotes real source text once it exists, and marks the placeholders left among it', () => {
    const { state } = seed();
    state.segments.ru5 = { ...state.segments.ru5!, text: 'Я много думал перед нашим разговором.', isPlaceholder: false };
    const quotation = passageQuotation(state, resolveRef(parseRef('T5-T6'), state));
    expect(quotation.others[0]).toEqual({
      lang: 'ru',
      label: 'Russian original',
      role: 'source',
      available: true,
      text: `Горбачев: Я много думал перед нашим разговором.\n\nМиттеран: [${SOURCE_NOT_AVAILABLE}]`,
    });
  });
});

describe('citation building blocks', () => {
  it('drops the date the memo title ends with, in any spelling the importer reads', () => {
    expect(citationTitle('Memo between A and B January 18, 1991', '1991-01-18')).toBe('Memo between A and B');
    expect(citationTitle('Memo between A and B, 18 January 1991', '1991-01-18')).toBe('Memo between A and B');
    expect(citationTitle('Memo between A and B Jan. 18, 1991', '1991-01-18')).toBe('Memo between A and B');
    expect(citationTitle('Memo of January 18, 1991 on Iraq', '1991-01-18')).toBe('Memo of January 18, 1991 on Iraq');
    expect(citationTitle('Memo January 19, 1991', '1991-01-18')).toBe('Memo January 19, 1991');
    expect(citationTitle('Memo', null)).toBe('Memo');
  });

  it('splits names and archive references into their CSL parts', () => {
    expect(personName('Mikhail Gorbachev')).toEqual({ given: 'Mikhail', family: 'Gorbachev' });
    expect(personName('Charles de Gaulle')).toEqual({ given: 'Charles', family: 'Gaulle', 'non-dropping-particle': 'de' });
    expect(personName('Chernyaev')).toEqual({ literal: 'Chernyaev' });
    expect(archiveParts('Archive of the Gorbachev Foundation, Fond 1, opis 1')).toEqual({
      archive: 'Archive of the Gorbachev Foundation',
      location: 'Fond 1, opis 1',
    });
    expect(archiveParts('National Archives')).toEqual({ archive: 'National Archives', location: null });
  });

  it('writes RIS values on one line each, however long or multi-line', () => {
    const long = 'A title long enough that the plugin’s own writer would have wrapped it in the middle of a word';
    expect(formatRis({ TY: 'GEN', TI: long, N1: 'line one\nline two' })).toBe(
      `TY  - GEN\nTI  - ${long}\nN1  - line one line two\nER  - \n`,
    );
  });

  it('cites a whole document with its revision when there is no passage', () => {
    const { document } = seed();
    const c = formatCitations({
      document: { ...document, language: 'en' },
      passage: null,
      rev: 4,
      permalink: `${ORIGIN}/documents/${SLUG}/passages/T1-T10?rev=4`,
    });
    expect(c.chicagoNote).toBe(
      'Gorbachev and Mitterrand, “Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand,” rev. 4.',
    );
    expect(c.item.id).toBe(`${SLUG}@4`);
    expect(c.item['citation-key']).toBe('gorbachev1991r4');
    expect(c.item.note).toBe(
      'Revision 4 of the aligned edition. The published translation is an excerpt. Original: Archive of the Gorbachev Foundation, Fond 1, opis 1.',
    );
  });
});

describe('a word citation (T1@w3-w4) is cited as its words in every format', () => {
  const { state, document } = seed();
  const ref = parseCitedRef('T1@w3-w4');
  const passage = resolveRef(ref.passage, state);
  const words = resolveWords({ ...ref, words: ref.words! }, passage, state);
  const citation = passageCitation({ document, state, passage, pinned: true, origin: ORIGIN, words });

  it('names the words in the locator, the permalink and the quotation', () => {
    expect(words.text).toBe('Mr. President');
    expect(citation.permalink).toBe(`${ORIGIN}/documents/${SLUG}/passages/T1@w3-w4?rev=1`);
    expect(citation.citations.chicagoNote).toBe(
      `Gorbachev and Mitterrand, “Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand,” ${words.label}, rev. 1.`,
    );
    expect(citation.citations.chicagoFullNote).toContain(`${words.label}, rev. 1`);
    expect(citation.citations.chicagoFullNote).toContain(citation.permalink);
    expect(citation.quotation.translation.text).toBe('Mr. President');
    expect(citation.quotationText.split('\n\n')[0]).toBe('Mr. President');
    expect(citation.meta.title).toContain(words.label);
    expect(citation.meta.canonical).toBe(citation.permalink);
  });

  it('keeps the BibTeX key to letters and digits, and the CSL id and note naming the words', () => {
    expect(citation.citations.item['citation-key']).toBe('gorbachev1991T1w3w4r1');
    expect(citation.citations.item.id).toBe(`${SLUG}/T1@w3-w4@1`);
    expect(citation.citations.item.note).toContain(`${words.label} (${words.description}), revision 1`);
    expect(citation.citations.bibtex).toContain('@unpublished{gorbachev1991T1w3w4r1,');
  });
});
