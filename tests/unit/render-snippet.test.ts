import { describe, expect, it } from 'vitest';
import { excerptWords, formatDocumentDate, formatList, progressPhrase, transcriptionProgress } from '@/lib/render/format';
import {
  buildSnippet,
  HIGHLIGHT_START as S,
  HIGHLIGHT_STOP as E,
  snippetTokens,
  splitHighlights,
  stripSentinels,
} from '@/lib/render/snippet';
import type { Segment, Witness } from '@/lib/alignment/types';

describe('search snippet highlights', () => {
  it('splits sentinel-marked text into plain and highlighted parts', () => {
    expect(splitHighlights(`Continuation of the ${S}bombing${E} would mean`)).toEqual([
      { text: 'Continuation of the ', hit: false },
      { text: 'bombing', hit: true },
      { text: ' would mean', hit: false },
    ]);
  });

  it('handles several hits, hits at the edges and adjacent hits', () => {
    expect(splitHighlights(`${S}Israel${E} and ${S}Kuwait${E}`)).toEqual([
      { text: 'Israel', hit: true },
      { text: ' and ', hit: false },
      { text: 'Kuwait', hit: true },
    ]);
    expect(splitHighlights(`${S}ground${E}${S}forces${E}`)).toEqual([{ text: 'groundforces', hit: true }]);
  });

  it('survives unbalanced sentinels and never outputs them', () => {
    expect(splitHighlights(`cut ${S}frag`)).toEqual([
      { text: 'cut ', hit: false },
      { text: 'frag', hit: true },
    ]);
    expect(splitHighlights(`end${E} of it`)).toEqual([{ text: 'end of it', hit: false }]);
    expect(splitHighlights(`${S}${E}`)).toEqual([]);
  });

  it('keeps markup-looking text as text: highlights carry no HTML', () => {
    const parts = splitHighlights(`<b>${S}bold${E}</b> <script>`);
    expect(parts.map((p) => p.text).join('')).toBe('<b>bold</b> <script>');
  });

  it('finds editorial marks around and inside highlights', () => {
    expect(snippetTokens(`pressure on ${S}Israel${E}. [${S}Israel${E}] is  being\ninformed [...]`)).toEqual([
      { kind: 'text', text: `pressure on ${S}Israel${E}. ` },
      { kind: 'insertion', text: `${S}Israel${E}`, raw: `[${S}Israel${E}]` },
      { kind: 'text', text: ' is being informed ' },
      { kind: 'elision', raw: '[...]' },
    ]);
  });

  it('strips sentinels from stored text', () => {
    expect(stripSentinels(`a${S}b${E}c`)).toBe('abc');
  });
});

describe('buildSnippet', () => {
  const is =
    (...words: string[]) =>
    (w: string) =>
      words.includes(w.toLowerCase());
  const plain = (marked: string) => stripSentinels(marked);

  it('keeps the text exactly: markup-looking text and brackets survive', () => {
    const text = 'He wrote <img src=x onerror=alert(1)> about [Israel] and (Kuwait).';
    const snippet = buildSnippet(text, is('israel'));
    expect(plain(snippet.marked)).toBe(text);
    expect(snippet.marked).toContain(`[${S}Israel${E}]`);
    expect(snippet).toMatchObject({ cutBefore: false, cutAfter: false });
  });

  it('cuts a long text around the first match, between words, and says where it cut', () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
    words[50] = 'bombing.';
    const snippet = buildSnippet(words.join(' '), is('bombing'), 20);
    expect(snippet).toMatchObject({ cutBefore: true, cutAfter: true });
    expect(plain(snippet.marked)).toBe(words.slice(44, 64).join(' '));
    expect(snippet.marked).toContain(`${S}bombing${E}.`);
  });

  it('never cuts an editorial mark in two', () => {
    const text = `${'a '.repeat(30)}[soldiers of many countries] bombing ${'b '.repeat(30)}`;
    const snippet = buildSnippet(text, is('bombing'), 8);
    expect(plain(snippet.marked)).toMatch(/^\[soldiers of many countries\] bombing/);
    expect(plain(buildSnippet('[one two three four] five', () => false, 2).marked)).toBe('[one two three four]');
  });

  it('shows paragraph breaks as ¶ and starts at the opening words when nothing matches', () => {
    expect(buildSnippet('One.\n\nTwo.', () => false).marked).toBe('One. ¶ Two.');
  });
});

describe('document facts', () => {
  it('formats ISO dates for people and leaves anything else as stored', () => {
    expect(formatDocumentDate('1991-01-18')).toBe('18 January 1991');
    expect(formatDocumentDate('1991')).toBe('1991');
    expect(formatDocumentDate(null)).toBeNull();
  });

  it('joins lists in English', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['A'])).toBe('A');
    expect(formatList(['A', 'B'])).toBe('A and B');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('counts transcribed turns per source witness: a turn with any placeholder left is not transcribed', () => {
    const ru: Witness = { id: 1, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 };
    const en: Witness = { id: 2, lang: 'en', role: 'translation', label: 'English', isPlaceholderWitness: false, position: 1 };
    const seg = (key: string, witnessId: number, turnNo: number, isPlaceholder: boolean): Segment => ({
      key,
      witnessId,
      orderKey: key,
      turnNo,
      sentenceNo: null,
      speaker: null,
      text: '',
      isPlaceholder,
      revFrom: 1,
    });
    const segments = Object.fromEntries(
      [seg('a', 1, 1, false), seg('b', 1, 2, true), seg('c', 1, 3, false), seg('d', 1, 3, true), seg('e', 2, 1, false)].map((s) => [
        s.key,
        s,
      ]),
    );
    expect(transcriptionProgress({ witnesses: [ru, en], segments })).toEqual([{ witness: ru, turns: 3, transcribed: 1 }]);
    expect(progressPhrase(0, 10)).toBe('0 of 10 turns transcribed');
    expect(progressPhrase(1, 1)).toBe('1 of 1 turn transcribed');
  });

  it('cuts long counterparts at a word boundary', () => {
    expect(excerptWords('one two three', 5)).toEqual({ text: 'one two three', cut: false });
    expect(excerptWords('one two three four', 2)).toEqual({ text: 'one two', cut: true });
    expect(excerptWords('one\n\ntwo three', 2)).toEqual({ text: 'one\n\ntwo', cut: true });
  });
});
