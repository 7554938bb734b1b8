/**
 * Word citations: a run of words of a passage, `T5.2@w3-w5` (words 3 to 5
 * of T5.2) or `T5.2@w3` (one word). Any passage reference may carry words
 * (`T5@w12`, `T5-T7@w40-w52`).
 *
 * Counting (docs/citations.md): word n is the n-th token of
 * lib/word-links/tokens.ts (Intl.Segmenter's word-like pieces, in the
 * witness's language) in the passage's text in the REFERENCE WITNESS (the
 * translation, whose turn numbers are the reference system), counted from 1
 * across the passage's segments in reading order; placeholders have no
 * words. Only translation words are named: the page and the API show which
 * words of the other columns are linked to them.
 *
 * Words are counted in the text at the revision shown, so a pinned
 * permalink (`?rev=N`) names the same words whatever is edited later.
 */
import { referenceWitness } from '@/lib/alignment/row-refs';
import { segmentOrder } from '@/lib/alignment/order';
import type { AlignmentState } from '@/lib/alignment/types';
import { tokenize } from '@/lib/word-links/tokens';
import { linkTokens, tokenRefId, type TokenRef, type WordLink } from '@/lib/word-links/types';
import { RefError } from './errors';
import { formatRef, formatRefLabel, parseRef, type PassageRef } from './parse';
import type { ResolvedPassage } from './resolve';

export interface WordRange {
  /** 1-based, first <= last. */
  first: number;
  last: number;
}

/** A passage reference, optionally narrowed to a run of its words. */
export interface CitedRef {
  passage: PassageRef;
  words: WordRange | null;
}

const MAX_DIGITS = 6;
const DASHES = '\\-\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D';
const DASH = new RegExp(`[${DASHES}]`, 'u');
const SPACED_DASH = new RegExp(`\\s*[${DASHES}]\\s*`, 'gu');

/**
 * Parses `T5.2`, `T5.2@w3`, `T5.2@w3-w5`. Lenient like parseRef: spaces
 * around the @ and the dash, a capital W and any dash are read, and the
 * canonical form (formatCitedRef) differs, so the page redirects.
 */
export function parseCitedRef(input: string): CitedRef {
  const typed = input.trim();
  const at = typed.indexOf('@');
  if (at < 0) return { passage: parseRef(input), words: null };
  const quoted = `“${typed}”`;
  if (typed.indexOf('@', at + 1) >= 0) {
    throw new RefError('syntax', `${quoted} has more than one @: a reference cites one run of words, e.g. T5.2@w3-w5.`, input);
  }
  const passagePart = typed.slice(0, at).trim();
  if (passagePart === '') {
    throw new RefError('syntax', `${quoted} has no passage before the @: write e.g. T5.2@w3-w5.`, input);
  }
  const passage = parseRef(passagePart);
  const base = formatRef(passage);
  const wordsPart = typed
    .slice(at + 1)
    .trim()
    .replace(SPACED_DASH, '-');
  return { passage, words: parseWords(wordsPart, base, quoted, input) };
}

function parseWords(text: string, base: string, quoted: string, input: string): WordRange {
  if (text === '') throw new RefError('syntax', `${quoted} has no words after the @: write e.g. ${base}@w3 or ${base}@w3-w5.`, input);
  if (/\s/.test(text)) {
    throw new RefError('syntax', `${quoted} contains spaces: write the words without them, e.g. ${base}@w3-w5.`, input);
  }
  const parts = text.split(DASH);
  if (parts.length > 2) {
    throw new RefError('syntax', `${quoted} has more than one dash in its words: cite one run of words, e.g. ${base}@w3-w9.`, input);
  }
  const [first = '', second] = parts;
  if (first === '') throw new RefError('syntax', `${quoted} has no first word: write e.g. ${base}@w3-w5.`, input);
  if (second === '') throw new RefError('syntax', `${quoted} has no last word: write e.g. ${base}@w3-w5.`, input);
  const start = wordNumber(first, base, quoted, input, 'first');
  const end = second === undefined ? start : wordNumber(second, base, quoted, input, 'last', start);
  if (start > end) {
    throw new RefError('reversed', `${quoted} runs backwards: w${start} comes after w${end}. Write ${base}@w${end}-w${start}.`, input);
  }
  return { first: start, last: end };
}

function wordNumber(part: string, base: string, quoted: string, input: string, role: 'first' | 'last', first?: number): number {
  if (/^\d+$/.test(part)) {
    const fix = role === 'first' ? `${base}@w${part}` : `${base}@w${first}-w${part}`;
    throw new RefError('syntax', `${quoted} is missing the w${role === 'last' ? ' of its last word' : ''}: write ${fix}.`, input);
  }
  const match = /^[wW](\d+)$/.exec(part);
  if (!match) {
    throw new RefError(
      'syntax',
      `${quoted} is not a word selection: write a word such as ${base}@w3 or a run of words such as ${base}@w3-w5.`,
      input,
    );
  }
  const digits = match[1]!;
  if (/^0+$/.test(digits)) throw new RefError('zero', `${quoted} does not exist: words are numbered from w1.`, input);
  if (digits.startsWith('0')) {
    const plain = digits.replace(/^0+/, '');
    const fixed = role === 'first' ? `${base}@w${plain}` : `${base}@w${first}-w${plain}`;
    throw new RefError('leading-zero', `${quoted} has a leading zero: write ${fixed}.`, input);
  }
  if (digits.length > MAX_DIGITS) {
    throw new RefError('too-large', `${quoted} is too large: word numbers have at most ${MAX_DIGITS} digits.`, input);
  }
  return Number(digits);
}

export function formatWords(words: WordRange): string {
  return words.first === words.last ? `w${words.first}` : `w${words.first}-w${words.last}`;
}

/** The canonical spelling, used in URLs: T5.2, T5.2@w3, T5.2@w3-w5. */
export function formatCitedRef(ref: CitedRef): string {
  return ref.words ? `${formatRef(ref.passage)}@${formatWords(ref.words)}` : formatRef(ref.passage);
}

/** The form people read: T5.2@w3–w5, T5–T7@w4. */
export function formatCitedRefLabel(ref: CitedRef): string {
  const passage = formatRefLabel(ref.passage);
  return ref.words ? `${passage}@${formatWords(ref.words).replace('-', '–')}` : passage;
}

/** "word 3", "words 3–5". */
export function describeWords(words: WordRange): string {
  return words.first === words.last ? `word ${words.first}` : `words ${words.first}–${words.last}`;
}

/** One word of a passage's reference-witness text. */
export interface PassageWord extends TokenRef {
  /** Its number in the passage: w1 is 1. */
  n: number;
  text: string;
}

/** Every word of the passage's reference-witness text, numbered from 1 across its segments in order. */
export function passageWords(passage: Pick<ResolvedPassage, 'segmentKeys'>, state: AlignmentState): PassageWord[] {
  const lang = referenceWitness(state)?.lang ?? 'und';
  const words: PassageWord[] = [];
  for (const key of passage.segmentKeys) {
    const segment = state.segments[key];
    if (!segment || segment.isPlaceholder) continue;
    for (const token of tokenize(segment.text, lang)) {
      words.push({ n: words.length + 1, segmentKey: key, start: token.start, end: token.end, text: token.text });
    }
  }
  return words;
}

export interface CitedWords {
  range: WordRange;
  /** Canonical: T5.2@w3-w5. */
  canonical: string;
  /** Display: T5.2@w3–w5. */
  label: string;
  /** "words 3–5 of turn 5, sentence 2". */
  description: string;
  /** The cited words, in order. */
  words: PassageWord[];
  /** How many words the passage has. */
  total: number;
  /** The cited text as written, from the first word to the last (across segments, joined by a space). */
  text: string;
}

/**
 * The words a word citation names in a resolved passage, or a RefError
 * ('word-out-of-range') naming the missing word and how many the passage has.
 */
export function resolveWords(
  ref: CitedRef & { words: WordRange },
  passage: Pick<ResolvedPassage, 'segmentKeys' | 'label'> & { description?: string },
  state: AlignmentState,
): CitedWords {
  const canonical = formatCitedRef(ref);
  const all = passageWords(passage, state);
  const { first, last } = ref.words;
  if (all.length === 0) {
    throw new RefError(
      'word-out-of-range',
      `${passage.label} has no words to cite at revision ${state.rev}: its text is not transcribed.`,
      canonical,
    );
  }
  if (last > all.length) {
    const missing = first > all.length ? first : last;
    throw new RefError(
      'word-out-of-range',
      `${formatCitedRefLabel(ref)} does not exist at revision ${state.rev}: there is no w${missing}, ${passage.label} has ${plural(all.length, 'word')} (w1–w${all.length}).`,
      canonical,
    );
  }
  const words = all.slice(first - 1, last);
  return {
    range: ref.words,
    canonical,
    label: formatCitedRefLabel(ref),
    description: `${describeWords(ref.words)} of ${passage.description ?? passage.label}`,
    words,
    total: all.length,
    text: citedText(words, state),
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

function citedText(words: readonly PassageWord[], state: AlignmentState): string {
  const spans: string[] = [];
  let i = 0;
  while (i < words.length) {
    const key = words[i]!.segmentKey;
    let j = i;
    while (j + 1 < words.length && words[j + 1]!.segmentKey === key) j++;
    const text = state.segments[key]?.text ?? '';
    // The stretch of running text from the first word to the last: what lies between two segments is inside it.
    spans.push(text.slice(i === 0 ? words[i]!.start : 0, j === words.length - 1 ? words[j]!.end : text.length).trim());
    i = j + 1;
  }
  return spans.join(' ').replace(/\s+/g, ' ');
}

/** Character ranges of one segment's text to mark on the page. */
export interface TextMark {
  start: number;
  end: number;
  kind: 'cited' | 'linked';
}

export interface LinkedWords {
  /** The word links with at least one cited word. */
  links: WordLink[];
  /** Their other words (in any column), not themselves cited, in a stable order. */
  linked: TokenRef[];
}

/** The links touching the cited words and the words they link them to, in reading order (column, then text). */
export function linkedWords(cited: Pick<CitedWords, 'words'>, links: readonly WordLink[], state: AlignmentState): LinkedWords {
  const citedIds = new Set(cited.words.map((w) => `${w.segmentKey}:${w.start}`));
  const touching = links.filter((l) => linkTokens(l).some((t) => citedIds.has(`${t.segmentKey}:${t.start}`)));
  const seen = new Set<string>();
  const linked: TokenRef[] = [];
  for (const link of touching) {
    for (const t of linkTokens(link)) {
      const id = tokenRefId(t);
      if (citedIds.has(`${t.segmentKey}:${t.start}`) || seen.has(id)) continue;
      seen.add(id);
      linked.push({ segmentKey: t.segmentKey, start: t.start, end: t.end });
    }
  }
  const position = (key: string) => state.witnesses.find((w) => w.id === state.segments[key]?.witnessId)?.position ?? 0;
  linked.sort(
    (a, b) =>
      position(a.segmentKey) - position(b.segmentKey) ||
      segmentOrder(state.segments[a.segmentKey]?.orderKey ?? '', state.segments[b.segmentKey]?.orderKey ?? '') ||
      a.start - b.start,
  );
  return { links: touching, linked };
}

/**
 * Marks per segment key: each segment's cited words as one span from its
 * first cited word to its last (the run is consecutive), each linked word on
 * its own.
 */
export function wordMarks(cited: Pick<CitedWords, 'words'>, linked: readonly TokenRef[]): Map<string, TextMark[]> {
  const marks = new Map<string, TextMark[]>();
  const add = (key: string, mark: TextMark) => marks.set(key, [...(marks.get(key) ?? []), mark]);
  for (const w of cited.words) {
    const list = marks.get(w.segmentKey);
    const lastMark = list?.[list.length - 1];
    if (lastMark && lastMark.kind === 'cited') lastMark.end = w.end;
    else add(w.segmentKey, { start: w.start, end: w.end, kind: 'cited' });
  }
  for (const t of linked) add(t.segmentKey, { start: t.start, end: t.end, kind: 'linked' });
  for (const list of marks.values()) list.sort((a, b) => a.start - b.start);
  return marks;
}

/** A word named by its segment, with its witness and text, as the API returns it. */
export interface WordInText extends TokenRef {
  witnessId: number;
  lang: string;
  text: string;
}

export function wordsInText(tokens: readonly TokenRef[], state: AlignmentState): WordInText[] {
  return tokens.flatMap((t) => {
    const segment = state.segments[t.segmentKey];
    const witness = segment && state.witnesses.find((w) => w.id === segment.witnessId);
    if (!segment || !witness) return [];
    return [{ ...t, witnessId: witness.id, lang: witness.lang, text: segment.text.slice(t.start, t.end) }];
  });
}

/** "Cited: words 3–5 of T5.2, “in our view”; linked in the Russian original: “на наш взгляд”." */
export function citedWordsSummary(
  cited: Pick<CitedWords, 'description' | 'text'>,
  linked: readonly WordInText[],
  state: AlignmentState,
): string {
  const byWitness = new Map<number, string[]>();
  for (const w of linked) byWitness.set(w.witnessId, [...(byWitness.get(w.witnessId) ?? []), w.text]);
  const others = [...byWitness].map(([id, texts]) => {
    const label = state.witnesses.find((w) => w.id === id)?.label ?? 'other text';
    return `linked in the ${label}: ${texts.map((t) => `“${t}”`).join(', ')}`;
  });
  return `Cited: ${cited.description}, “${cited.text}”${others.length ? `; ${others.join('; ')}` : '; no words of the other columns are linked to them'}.`;
}
