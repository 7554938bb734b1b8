import { describe, expect, it } from 'vitest';
import { editorialParagraphs, splitParagraphs, tokenizeEditorialText, tokensToRaw } from '@/lib/render/marks';

describe('tokenizeEditorialText', () => {
  it('turns [...] into an elision mark', () => {
    expect(tokenizeEditorialText('[...] As far as France is concerned')).toEqual([
      { kind: 'elision', raw: '[...]' },
      { kind: 'text', text: ' As far as France is concerned' },
    ]);
  });

  it('accepts the ellipsis character and spaced dots as elisions', () => {
    expect(tokenizeEditorialText('a […] b [. . .]').map((t) => t.kind)).toEqual(['text', 'elision', 'text', 'elision']);
  });

  it('turns a bracketed word into an editorial insertion', () => {
    expect(tokenizeEditorialText('[Israel] is being informed')).toEqual([
      { kind: 'insertion', text: 'Israel', raw: '[Israel]' },
      { kind: 'text', text: ' is being informed' },
    ]);
  });

  it('handles marks in the middle, at the end and side by side', () => {
    expect(tokenizeEditorialText('mainly Arab [soldiers]. Yes. [...]')).toEqual([
      { kind: 'text', text: 'mainly Arab ' },
      { kind: 'insertion', text: 'soldiers', raw: '[soldiers]' },
      { kind: 'text', text: '. Yes. ' },
      { kind: 'elision', raw: '[...]' },
    ]);
    expect(tokenizeEditorialText('[...][the Americans]')).toEqual([
      { kind: 'elision', raw: '[...]' },
      { kind: 'insertion', text: 'the Americans', raw: '[the Americans]' },
    ]);
  });

  it('keeps Cyrillic insertions and text intact', () => {
    expect(tokenizeEditorialText('Давление на [Израиль] велико')).toEqual([
      { kind: 'text', text: 'Давление на ' },
      { kind: 'insertion', text: 'Израиль', raw: '[Израиль]' },
      { kind: 'text', text: ' велико' },
    ]);
  });

  it('leaves empty and unmatched brackets as plain text', () => {
    expect(tokenizeEditorialText('a [] b [ ] c [ d')).toEqual([{ kind: 'text', text: 'a [] b [ ] c [ d' }]);
    expect(tokenizeEditorialText('end ]')).toEqual([{ kind: 'text', text: 'end ]' }]);
  });

  it('does not read a bracket pair across a line break as a mark', () => {
    expect(tokenizeEditorialText('[open\nclose]')).toEqual([{ kind: 'text', text: '[open\nclose]' }]);
  });

  it('takes the innermost pair when brackets nest', () => {
    expect(tokenizeEditorialText('[[x]]')).toEqual([
      { kind: 'text', text: '[' },
      { kind: 'insertion', text: 'x', raw: '[x]' },
      { kind: 'text', text: ']' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(tokenizeEditorialText('')).toEqual([]);
  });

  it('loses no character: the tokens join back to the input', () => {
    const samples = [
      'We are not talking about that [...]',
      '[Israel] is being informed [...] at [the] same [ ] time []',
      'Iraq today is not what it used to be. [...] Now the conflict […] [[nested]] ] [',
    ];
    for (const s of samples) expect(tokensToRaw(tokenizeEditorialText(s))).toBe(s);
  });
});

describe('paragraphs', () => {
  it('splits text stored with blank lines into paragraphs', () => {
    expect(splitParagraphs('First.\n\nSecond.')).toEqual(['First.', 'Second.']);
    expect(splitParagraphs('One\n\n\n\nTwo\n \nThree')).toEqual(['One', 'Two', 'Three']);
    expect(splitParagraphs('')).toEqual([]);
  });

  it('keeps a single line break inside a paragraph', () => {
    expect(splitParagraphs('line one\nline two')).toEqual(['line one\nline two']);
  });

  it('tokenizes each paragraph on its own', () => {
    expect(editorialParagraphs('Currently I am awaiting an answer. [...]\n\nIf we can stop [it] now')).toEqual([
      [
        { kind: 'text', text: 'Currently I am awaiting an answer. ' },
        { kind: 'elision', raw: '[...]' },
      ],
      [
        { kind: 'text', text: 'If we can stop ' },
        { kind: 'insertion', text: 'it', raw: '[it]' },
        { kind: 'text', text: ' now' },
      ],
    ]);
  });
});
