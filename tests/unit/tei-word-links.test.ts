/**
 * TEI export of word links (lib/export/tei.ts): every word a <w xml:id>,
 * each link a <link> in <linkGrp type="translation"> pointing at them, the
 * editorial markup untouched, and a document without links exported as
 * before (the expected bytes below were written by the exporter before
 * word links existed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleSegment, BundleWord, BundleWordLink, DocumentBundle } from '@/lib/document/bundle';
import { exportTei } from '@/lib/export/tei';

const seg = (turnNo: number, text: string, over: Partial<BundleSegment> = {}): BundleSegment => ({
  turnNo,
  sentenceNo: null,
  speaker: turnNo % 2 ? 'Горбачев' : 'Bush',
  text,
  isPlaceholder: false,
  ...over,
});

const RU1 = 'Горбачев сказал [...] что [Израиль] прав & точка.\n\n  Второй абзац.';
const EN1 = 'Gorbachev said [...] that [Israel] is right & done.\n\nA second paragraph.';
const RU3 = 'Конечно, именно так.';
const EN3a = 'Of course.';
const EN3b = 'Quite so.';

/** The word `text` (its first occurrence) of cell `witness`, segment `segment`, in `texts`. */
function word(texts: string[][], witness: number, segment: number, text: string): BundleWord {
  const start = texts[witness]![segment]!.indexOf(text);
  if (start < 0) throw new Error(`no ${text}`);
  return { witness, segment, start, end: start + text.length };
}

function bundle(withLinks: boolean): DocumentBundle {
  const t1 = [[RU1], [EN1]];
  const t3 = [[RU3], [EN3a, EN3b]];
  const links1: BundleWordLink[] = [
    { status: 'accepted', source: [word(t1, 0, 0, 'Горбачев')], target: [word(t1, 1, 0, 'Gorbachev')] },
    { status: 'suggested', source: [word(t1, 0, 0, 'Израиль')], target: [word(t1, 1, 0, 'Israel')] },
    { status: 'accepted', source: [word(t1, 0, 0, 'прав')], target: [word(t1, 1, 0, 'is'), word(t1, 1, 0, 'right')] },
    { status: 'accepted', source: [word(t1, 0, 0, 'Второй')], target: [word(t1, 1, 0, 'second')] },
  ];
  const links3: BundleWordLink[] = [
    { status: 'accepted', source: [word(t3, 0, 0, 'Конечно')], target: [word(t3, 1, 0, 'Of'), word(t3, 1, 0, 'course')] },
    {
      status: 'suggested',
      source: [word(t3, 0, 0, 'именно'), word(t3, 0, 0, 'так')],
      target: [word(t3, 1, 1, 'Quite'), word(t3, 1, 1, 'so')],
    },
  ];
  return {
    slug: 'tei-words',
    metadata: {
      title: 'Word links',
      date: '1990-09-09',
      place: 'Helsinki',
      participants: ['Горбачев', 'Bush'],
      archiveRef: null,
      translator: null,
      publisher: null,
      sourceNote: null,
      isExcerpt: false,
      frontMatter: [],
    },
    witnesses: [
      { lang: 'ru', role: 'source', label: 'Russian', isPlaceholderWitness: false },
      { lang: 'en', role: 'translation', label: 'English', isPlaceholderWitness: false },
    ],
    rows: [
      { status: 'verified', note: null, cells: [[seg(1, RU1)], [seg(1, EN1)]], ...(withLinks ? { links: links1 } : {}) },
      { status: 'auto', note: 'softening', cells: [[seg(2, '', { isPlaceholder: true })], [seg(2, 'Yes.')]] },
      {
        status: 'verified',
        note: null,
        cells: [[seg(3, RU3)], [seg(3, EN3a, { sentenceNo: 1 }), seg(3, EN3b, { sentenceNo: 2 })]],
        ...(withLinks ? { links: links3 } : {}),
      },
    ],
    milestones: [{ witness: 1, turnNo: 1, paragraph: 1, label: '12' }],
  };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function wellFormed(xml: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'diptych-tei-words-'));
  const file = path.join(dir, 'doc.xml');
  writeFileSync(file, xml);
  // Throws (and fails the test) when xmllint finds the file not well-formed.
  execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
}

// Written by lib/export/tei.ts as it was before word links (commit faedb78), from bundle(false).
const WITHOUT_LINKS = readFileSync(path.join(import.meta.dirname, '../support/tei-without-word-links.xml'), 'utf8');

describe('TEI export of word links', () => {
  const tei = exportTei(bundle(true));
  const words = new Map([...tei.matchAll(/<w xml:id="([^"]+)">([^<]*)<\/w>/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  const group = tei.match(/<linkGrp type="translation">\n([\s\S]*?)\n {4}<\/linkGrp>/)?.[1] ?? '';
  const links = [...group.matchAll(/<link type="([a-z]+)" target="([^"]+)"\/>/g)].map((m) => ({
    status: m[1]!,
    targets: m[2]!.split(' '),
  }));

  it('is well-formed, and a document without word links exports exactly as before', () => {
    wellFormed(tei);
    expect(exportTei(bundle(false))).toBe(WITHOUT_LINKS);
    wellFormed(WITHOUT_LINKS);
  });

  it('wraps every word of every segment, numbered as the tokenizer numbers them', () => {
    expect(words.get('w0-t1-w1')).toBe('Горбачев');
    expect(words.get('w0-t1-w4')).toBe('Израиль');
    expect(words.get('w0-t1-w7')).toBe('Второй');
    expect(words.get('w1-t2-w1')).toBe('Yes');
    expect(words.get('w1-t3.2-w2')).toBe('so');
    // Every word of the document, in order, is a <w>.
    expect([...words.values()].join(' ')).toBe(
      'Горбачев сказал что Израиль прав точка Второй абзац Конечно именно так Gorbachev said that Israel is right done A second paragraph Yes Of course Quite so',
    );
  });

  it('writes one link per word link, source words first, each pointing at a written word with the linked text', () => {
    const expected = bundle(true).rows.flatMap((row) =>
      (row.links ?? []).map((l) => ({
        status: l.status,
        texts: [...l.source, ...l.target].map((w) => row.cells[w.witness]![w.segment]!.text.slice(w.start, w.end)),
      })),
    );
    expect(links).toHaveLength(expected.length);
    links.forEach((link, k) => {
      expect(link.status).toBe(expected[k]!.status);
      for (const target of link.targets) expect(target.startsWith('#') && words.has(target.slice(1))).toBe(true);
      expect(link.targets.map((t) => words.get(t.slice(1)))).toEqual(expected[k]!.texts);
    });
    expect(links[0]!.targets).toEqual(['#w0-t1-w1', '#w1-t1-w1']);
    expect(links[5]!.targets).toEqual(['#w0-t3-w2', '#w0-t3-w3', '#w1-t3.2-w1', '#w1-t3.2-w2']);
  });

  it('keeps the editorial markup: gaps, supplied words, paragraph milestones and page breaks', () => {
    expect(tei).toContain('<gap reason="omitted" rend="[...]"/>');
    expect(tei).toContain('<supplied reason="editorial"><w xml:id="w0-t1-w4">Израиль</w></supplied>');
    expect(tei).toContain('<w xml:id="w0-t1-w6">точка</w>.<milestone unit="paragraph"/><w xml:id="w0-t1-w7">Второй</w>');
    expect(tei).toContain('&amp; <w xml:id="w1-t1-w7">done</w>.<pb n="12"/><milestone unit="paragraph"/>');
    // Without the <w> tags and the translation links, the document is the one exported without word links.
    const plain = tei
      .replace(/<w xml:id="[^"]+">([^<]*)<\/w>/g, '$1')
      .replace(/ {4}<linkGrp type="translation">\n[\s\S]*?\n {4}<\/linkGrp>\n/, '');
    expect(plain).toBe(WITHOUT_LINKS);
  });

  it('leaves out a word that is not a token, and a link left with an empty side', () => {
    const b = bundle(true);
    const row = b.rows[0]!;
    // "ор" inside "Горбачев" is not a word of the segment: not a <w>, so not linkable.
    row.links = [
      { status: 'accepted', source: [{ witness: 0, segment: 0, start: 1, end: 3 }], target: [word([[RU1], [EN1]], 1, 0, 'said')] },
      {
        status: 'accepted',
        source: [{ witness: 0, segment: 0, start: 1, end: 3 }, word([[RU1], [EN1]], 0, 0, 'сказал')],
        target: [word([[RU1], [EN1]], 1, 0, 'said')],
      },
    ];
    b.rows[2]!.links = [];
    const out = exportTei(b);
    wellFormed(out);
    expect(out).toContain('<linkGrp type="translation">\n      <link type="accepted" target="#w0-t1-w2 #w1-t1-w2"/>\n    </linkGrp>');
  });
});
