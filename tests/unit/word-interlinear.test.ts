/**
 * The word-by-word reading (lib/word-links/interlinear.ts): each source word
 * with the translation words linked to it, in the translation's order.
 */
import { describe, expect, it } from 'vitest';
import type { AlignmentState, Segment } from '@/lib/alignment/types';
import { interlinearLines } from '@/lib/word-links/interlinear';
import { tokenize } from '@/lib/word-links/tokens';
import type { WordLink } from '@/lib/word-links/types';

const RU = 'Мы должны действовать вместе.';
const EN = 'We must act together.';

function segment(key: string, witnessId: number, text: string, isPlaceholder = false): Segment {
  return { key, witnessId, orderKey: 'a0', turnNo: 4, sentenceNo: null, speaker: null, text, isPlaceholder, revFrom: 1 };
}

function state(source: Segment): AlignmentState {
  return {
    rev: 3,
    witnesses: [
      { id: 1, lang: 'ru', role: 'source', label: 'Russian', isPlaceholderWitness: false, position: 0 },
      { id: 2, lang: 'en', role: 'translation', label: 'English', isPlaceholderWitness: false, position: 1 },
    ],
    rows: [{ key: 'r4', orderKey: 'a0', status: 'auto', note: null, revFrom: 1, members: { 1: [source.key], 2: ['en4'] } }],
    segments: { [source.key]: source, en4: segment('en4', 2, EN) },
  };
}

const word = (segmentKey: string, text: string, w: string, lang: string) => {
  const t = tokenize(text, lang).find((x) => x.text === w)!;
  return { segmentKey, start: t.start, end: t.end };
};

function link(key: string, ru: string[], en: string[], status: WordLink['status'] = 'accepted'): WordLink {
  return {
    key,
    rowKey: 'r4',
    sourceTokens: ru.map((w) => word('ru4', RU, w, 'ru')),
    targetTokens: en.map((w) => word('en4', EN, w, 'en')),
    status,
    createdBy: 1,
  };
}

describe('word by word', () => {
  it('writes each source word with its linked translation, in the translation’s order, and keeps the text between', () => {
    const s = state(segment('ru4', 1, RU));
    const [line] = interlinearLines(s.rows, s, [
      link('a', ['Мы'], ['We']),
      // A many-to-one link whose target words were chosen out of order.
      link('b', ['должны'], ['must']),
      link('c', ['действовать'], ['together', 'act'], 'suggested'),
    ]);
    expect(line).toMatchObject({ rowKey: 'r4', ref: 'T4', lang: 'ru', glossLang: 'en', glossed: 3 });
    expect(line!.words).toEqual([
      { text: 'Мы', before: '', after: '', gloss: 'We', status: 'accepted' },
      { text: 'должны', before: '', after: '', gloss: 'must', status: 'accepted' },
      { text: 'действовать', before: '', after: '', gloss: 'act together', status: 'suggested' },
      { text: 'вместе', before: '', after: '.', gloss: null, status: null },
    ]);
  });

  it('keeps punctuation with its word: a comma with the word before, an opening quote with the word after', () => {
    const text = '«Да», — сказал он, (тихо).';
    const s = state(segment('ru4', 1, text));
    const words = interlinearLines(s.rows, s, [])[0]!.words;
    expect(words.map((w) => `${w.before}${w.text}${w.after}`).join(' ')).toBe(text);
    expect(words[0]).toMatchObject({ before: '«', text: 'Да', after: '», —' });
  });

  it('has no lines for a source that is not transcribed, or links of another row', () => {
    const placeholder = state(segment('ru4', 1, '[Russian text not available]', true));
    expect(interlinearLines(placeholder.rows, placeholder, [])).toEqual([]);
    const s = state(segment('ru4', 1, RU));
    const other = { ...link('a', ['Мы'], ['We']), rowKey: 'r5' };
    expect(interlinearLines(s.rows, s, [other])[0]!.glossed).toBe(0);
  });
});
