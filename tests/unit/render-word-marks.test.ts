/**
 * A word citation's marks in the server's markup (what a browser without
 * JavaScript receives): the cited words and the linked ones land on exactly
 * their characters, after editorial marks, paragraph breaks and across the
 * sentences of a turn.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AlignedGrid } from '@/app/_components/aligned-grid';
import type { AlignmentState, Segment, Witness } from '@/lib/alignment/types';
import { resolveRef } from '@/lib/refs/resolve';
import { linkedWords, parseCitedRef, resolveWords, wordMarks, type CitedRef, type WordRange } from '@/lib/refs/words';
import type { WordLink } from '@/lib/word-links/types';

const RU: Witness = { id: 1, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: false, position: 0 };
const EN: Witness = { id: 2, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 };

function seg(key: string, witnessId: number, sentenceNo: number | null, text: string): Segment {
  return { key, witnessId, orderKey: key, turnNo: 1, sentenceNo, speaker: 'Mitterrand', text, isPlaceholder: false, revFrom: 1 };
}

function state(): AlignmentState {
  const segments = [
    seg('en1', EN.id, 1, '[...] France is with [the] allies.'),
    seg('en2', EN.id, 2, 'Of course,\n\nnot everything is simple.'),
    seg('ru1', RU.id, null, 'Конечно, не всё так просто.'),
  ];
  return {
    rev: 3,
    witnesses: [RU, EN],
    rows: [
      { key: 'r1', orderKey: 'a', status: 'auto', note: null, revFrom: 1, members: { [RU.id]: ['ru1'], [EN.id]: ['en1', 'en2'] } },
    ],
    segments: Object.fromEntries(segments.map((s) => [s.key, s])),
  };
}

function render(ref: string, links: WordLink[] = []) {
  const s = state();
  const parsed = parseCitedRef(ref) as CitedRef & { words: WordRange };
  const cited = resolveWords(parsed, resolveRef(parsed.passage, s), s);
  const marks = wordMarks(cited, linkedWords(cited, links, s).linked);
  const html = renderToStaticMarkup(createElement(AlignedGrid, { state: s, witnessIds: [RU.id, EN.id], view: 'parallel', marks }));
  const marked = (kind: string) =>
    [...html.matchAll(new RegExp(`<mark[^>]*data-word-mark="${kind}"[^>]*>([^<]*)</mark>`, 'g'))].map((m) => m[1]);
  return { cited, html, marked };
}

describe('word marks in the grid', () => {
  it('marks words after an elision and inside an editorial insertion', () => {
    const { cited, marked } = render('T1@w3-w5');
    expect(cited.text).toBe('with [the] allies');
    // The insertion is its own element, so the stretch is three marks: before, inside and after it.
    expect(marked('cited')).toEqual(['with ', 'the', ' allies']);
  });

  it('marks words after a paragraph break, in the next sentence, and the linked words in the other column', () => {
    const link: WordLink = {
      key: 'l1',
      rowKey: 'r1',
      sourceTokens: [{ segmentKey: 'ru1', start: 12, end: 15 }],
      targetTokens: [{ segmentKey: 'en2', start: 16, end: 26 }],
      status: 'accepted',
      createdBy: 1,
    };
    const { marked, html } = render('T1@w8-w10', [link]);
    // w8 "not", w9 "everything", w10 "is" of T1 (T1.1 has 5 words, T1.2 starts with "Of course").
    expect(marked('cited')).toEqual(['not everything is']);
    expect(marked('linked')).toEqual(['всё']);
    expect(html).toContain('title="Cited words"');
  });

  it('leaves the grid unmarked without a word citation', () => {
    const s = state();
    const html = renderToStaticMarkup(createElement(AlignedGrid, { state: s, witnessIds: [RU.id, EN.id], view: 'parallel' }));
    expect(html).not.toContain('<mark');
  });
});
