/**
 * The words of a segment, derived from its text by the platform's word
 * segmenter (Intl.Segmenter, granularity 'word'), so Russian, English and
 * French split the way their users expect without a tokenizer of our own.
 * A token is addressed by UTF-16 offsets [start, end) within one segment
 * version; offsets are what links store, and they are remapped when the
 * text is corrected (remap.ts).
 */

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Every piece of the text, words and the spaces or punctuation between them, in order. */
export interface Piece extends Token {
  isWord: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    let locale = lang;
    try {
      Intl.getCanonicalLocales(lang);
    } catch {
      locale = 'und';
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

export function pieces(text: string, lang: string): Piece[] {
  const out: Piece[] = [];
  for (const s of segmenterFor(lang).segment(text)) {
    out.push({ start: s.index, end: s.index + s.segment.length, text: s.segment, isWord: Boolean(s.isWordLike) });
  }
  return out;
}

export function tokenize(text: string, lang: string): Token[] {
  return pieces(text, lang)
    .filter((p) => p.isWord)
    .map(({ start, end, text: word }) => ({ start, end, text: word }));
}

/** The 1-based word numbers of a segment's tokens, as citations use them (w3 = the third word). */
export function wordNumberAt(tokens: readonly Token[], start: number): number | null {
  const i = tokens.findIndex((t) => t.start === start);
  return i < 0 ? null : i + 1;
}
