import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasOwnWords, keepWordfulBreaks } from '@/lib/alignment/sentence-breaks';
import { proposeSentenceOffsets, splitAt } from '@/lib/alignment/sentences';

const pieces = (text: string, lang = 'en') => splitAt(text, proposeSentenceOffsets(text, lang));

// Turn 5 of the seed memo (Gorbachev): two paragraphs, an elision between two sentences of the second.
const T5 =
  'We are not talking about that [...]\n\n' +
  'Events are entering a new phase. Iraq today is not what it used to be. [...] Now the conflict is entering its second phase. ' +
  'Ground forces are entering the stage, mainly Arab [soldiers].';

describe('proposed sentence breaks', () => {
  it('never cut off an editorial elision between sentences: it stays with the sentence before', () => {
    expect(pieces(T5)).toEqual([
      'We are not talking about that [...]\n\n',
      'Events are entering a new phase. ',
      'Iraq today is not what it used to be. [...] ',
      'Now the conflict is entering its second phase. ',
      'Ground forces are entering the stage, mainly Arab [soldiers].',
    ]);
  });

  it('keep a mark that opens the text or a paragraph with the sentence after it', () => {
    expect(pieces('[...] As far as France is concerned, yes. Of course.\n\n[...] Last night it changed. Yes.')).toEqual([
      '[...] As far as France is concerned, yes. ',
      'Of course.\n\n',
      '[...] Last night it changed. ',
      'Yes.',
    ]);
  });

  it('never cut off punctuation alone', () => {
    expect(keepWordfulBreaks('Yes. ! Good.', [5, 7])).toEqual([7]);
    expect(pieces('He said: “Stop.” ” Then he left.').every(hasOwnWords)).toBe(true);
  });

  it('apply to Russian too', () => {
    expect(pieces('Да. [...] Нет. […]', 'ru')).toEqual(['Да. [...] ', 'Нет. […]']);
  });

  it('always leave pieces with words that join back to the text', () => {
    const word = fc.constantFrom('Yes.', 'No', '[...]', '[Israel]', '!', '…', '"', 'Mr.', 'war', '\n\n', ' ', '. ');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        const split = pieces(text);
        expect(split.join('')).toBe(text);
        if (split.length > 1) expect(split.every(hasOwnWords)).toBe(true);
      }),
    );
  });
});
