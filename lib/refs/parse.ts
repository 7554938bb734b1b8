/**
 * Passage references: the translation's turn numbers (T5), sentences of a
 * turn once it is split (T5.2), and ranges of either (T5-T7, T5.2-T6.1).
 * Alignment edits never change these numbers, so a reference written today
 * names the same turns after any later edit (docs/citations.md).
 *
 * Spelling: one canonical form per passage, `T5-T7`, used in URLs. Parsing
 * is lenient only where nothing can be misread: surrounding whitespace and
 * spaces around the dash are dropped, a lower-case `t` is read as `T`, and
 * any dash (the en dash of the displayed label "T5–T7", em dash, minus sign,
 * non-breaking hyphen…) is read as the hyphen. Everything else is refused
 * with a message saying how to write it.
 */
import { RefError } from './errors';

export interface RefPoint {
  turn: number;
  /** Sentence within the turn; null names the whole turn. */
  sentence: number | null;
}

export interface PassageRef {
  start: RefPoint;
  /** Equal to start for a single turn or sentence. */
  end: RefPoint;
}

/** Six digits: room for a 20,000-turn book many times over, and no integer overflow. */
const MAX_DIGITS = 6;
const EXAMPLES = 'write a turn such as T5, a sentence such as T5.2, or a range such as T5-T7';
/** Hyphen-minus and the Unicode dashes people (and word processors) type for it. */
const DASHES = '\\-\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D';
const DASH = new RegExp(`[${DASHES}]`, 'u');
const SPACED_DASH = new RegExp(`\\s*[${DASHES}]\\s*`, 'gu');

export function parseRef(input: string): PassageRef {
  const typed = input.trim();
  const text = typed.replace(SPACED_DASH, '-');
  if (text === '') throw new RefError('empty', `The passage reference is empty: ${EXAMPLES}.`, input);
  // Messages quote the reference as typed.
  const quoted = `“${typed}”`;
  if (/\s/.test(text)) {
    throw new RefError('syntax', `${quoted} contains spaces: write the reference without them, e.g. T5-T7.`, input);
  }
  const parts = text.split(DASH);
  if (parts.length > 2) {
    throw new RefError('syntax', `${quoted} has more than one dash: a reference is one turn or one range, e.g. T5-T9.`, input);
  }
  const [first = '', second] = parts;
  if (first === '') throw new RefError('syntax', `${quoted} has no start: write a range such as T5-T7.`, input);
  if (second === '') throw new RefError('syntax', `${quoted} has no end: write a range such as T5-T7.`, input);

  const start = parsePoint(first, input, quoted, 'start');
  const end = second === undefined ? start : parsePoint(second, input, quoted, 'end', first);
  const ref = { start, end };
  if (comparePoints(start, end) > 0) {
    throw new RefError(
      'reversed',
      `${quoted} runs backwards: ${formatPoint(start)} comes after ${formatPoint(end)}. Write ${formatRef({ start: end, end: start })}.`,
      input,
    );
  }
  return ref;
}

function parsePoint(part: string, input: string, quoted: string, role: 'start' | 'end', startPart?: string): RefPoint {
  if (/^\d+(\.\d+)?$/.test(part)) {
    const fix = role === 'end' ? `${startPart}-T${part}` : `T${part}`;
    throw new RefError(
      'syntax',
      `${quoted} is missing the T${role === 'end' ? ' of its end' : ''}: write ${fix.replace(/^t/, 'T')}.`,
      input,
    );
  }
  if (!/^[Tt]/.test(part)) throw new RefError('syntax', `${quoted} is not a passage reference: ${EXAMPLES}.`, input);
  const rest = part.slice(1);
  if (rest === '') throw new RefError('syntax', `${quoted} has no turn number after the T: ${EXAMPLES}.`, input);
  const pieces = rest.split('.');
  if (pieces.length > 2) {
    throw new RefError('syntax', `${quoted} has too many parts: a reference names a turn (T5) or a sentence of a turn (T5.2).`, input);
  }
  const [turnText = '', sentenceText] = pieces;
  if (!/^\d+$/.test(turnText)) throw new RefError('syntax', `${quoted} is not a passage reference: ${EXAMPLES}.`, input);
  if (sentenceText === '') {
    throw new RefError('syntax', `${quoted} has no sentence number after the dot: write T${turnText} or T${turnText}.2.`, input);
  }
  if (sentenceText !== undefined && !/^\d+$/.test(sentenceText)) {
    throw new RefError('syntax', `${quoted} is not a passage reference: ${EXAMPLES}.`, input);
  }
  const turn = readNumber(turnText, 'turn', quoted, input);
  const sentence = sentenceText === undefined ? null : readNumber(sentenceText, 'sentence', quoted, input, turn);
  return { turn, sentence };
}

function readNumber(digits: string, what: 'turn' | 'sentence', quoted: string, input: string, turn?: number): number {
  if (/^0+$/.test(digits)) {
    const message =
      what === 'turn'
        ? `${quoted} does not exist: turns are numbered from T1.`
        : `${quoted} does not exist: sentences are numbered from T${turn}.1.`;
    throw new RefError('zero', message, input);
  }
  if (digits.startsWith('0')) {
    const plain = digits.replace(/^0+/, '');
    const fixed = what === 'turn' ? `T${plain}` : `T${turn}.${plain}`;
    throw new RefError('leading-zero', `${quoted} has a leading zero: write ${fixed}.`, input);
  }
  if (digits.length > MAX_DIGITS) {
    throw new RefError('too-large', `${quoted} is too large: ${what} numbers have at most ${MAX_DIGITS} digits.`, input);
  }
  return Number(digits);
}

/**
 * Order of two points by where they start: T5 (the whole turn) starts where
 * T5.1 does. Used to refuse ranges that run backwards; T5-T5.2 and T5.2-T5
 * are both forwards (the first starts at T5.1, the second ends with T5).
 */
function comparePoints(a: RefPoint, b: RefPoint): number {
  if (a.turn !== b.turn) return a.turn - b.turn;
  if (a.sentence == null || b.sentence == null) return 0;
  return a.sentence - b.sentence;
}

export function formatPoint(point: RefPoint): string {
  return point.sentence == null ? `T${point.turn}` : `T${point.turn}.${point.sentence}`;
}

function samePoint(a: RefPoint, b: RefPoint): boolean {
  return a.turn === b.turn && a.sentence === b.sentence;
}

/** The canonical spelling, used in URLs: T5, T5.2, T5-T7, T5.2-T6.1. */
export function formatRef(ref: PassageRef): string {
  return samePoint(ref.start, ref.end) ? formatPoint(ref.start) : `${formatPoint(ref.start)}-${formatPoint(ref.end)}`;
}

/** The form people read, with an en dash: T5, T5–T7. */
export function formatRefLabel(ref: PassageRef): string {
  return formatRef(ref).replace('-', '–');
}

/** Spoken and long form: "turn 5", "turns 5–7", "turn 5, sentence 2", "T5.2–T6.1". */
export function describeRef(ref: PassageRef): string {
  const { start, end } = ref;
  if (start.sentence == null && end.sentence == null) {
    return start.turn === end.turn ? `turn ${start.turn}` : `turns ${start.turn}–${end.turn}`;
  }
  if (samePoint(start, end)) return `turn ${start.turn}, sentence ${start.sentence}`;
  if (start.turn === end.turn && start.sentence != null && end.sentence != null) {
    return `turn ${start.turn}, sentences ${start.sentence}–${end.sentence}`;
  }
  return formatRefLabel(ref);
}

/** A reference to whole turns a..b. */
export function turnRange(first: number, last: number): PassageRef {
  return { start: { turn: first, sentence: null }, end: { turn: last, sentence: null } };
}
