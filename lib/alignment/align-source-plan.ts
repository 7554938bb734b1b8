/**
 * Getting real source text ready to align: what the passage is (every
 * placeholder of the source column, the translation segments of those
 * turns, and how the whole-turn ones are cut into sentences), the pasted
 * text as sentences (whole, or one paragraph per turn), and the operation
 * built from the aligner's links. Pure, so the edit page runs it in the
 * browser (with a progress bar) and the tests run it anywhere; the server
 * checks the resulting operation like any other edit.
 */
import { splitSentences } from '@/lib/align/split';
import type { AlignSentence, Link } from '@/lib/align/types';
import { AlignmentError } from './errors';
import { witnessSequence } from './invariants';
import type { AlignSourceOp } from './op-schema';
import { proposeSentenceOffsets, splitAt } from './sentences';
import type { AlignmentState } from './types';

export interface AlignSourcePlan {
  witnessId: number;
  sourceLang: string;
  translationWitnessId: number;
  translationLang: string;
  placeholderKeys: string[];
  translationKeys: string[];
  translationSplits: { segmentKey: string; offsets: number[] }[];
  /** The passage's turns, in order. */
  turns: number[];
  /** What the source is aligned to: the translation's sentences, in reading order. */
  units: { text: string; turn: number }[];
}

export type SourceTextMode = 'whole' | 'turns';

export interface TurnRange {
  from: number;
  to: number;
}

/**
 * The plan for a document (or window) whose source column still has
 * placeholders, optionally only those of a range of turns; null when there
 * are none.
 */
export function planAlignSource(state: AlignmentState, range?: TurnRange): AlignSourcePlan | null {
  const source = state.witnesses.find((w) => w.role === 'source');
  const translation = state.witnesses.find((w) => w.role === 'translation');
  if (!source || !translation) return null;
  const inRange = (turn: number) => !range || (turn >= range.from && turn <= range.to);
  const placeholders = witnessSequence(state, source.id).filter((s) => s.isPlaceholder && inRange(s.turnNo));
  if (!placeholders.length) return null;
  const turns = [...new Set(placeholders.map((p) => p.turnNo))];
  const inTurns = new Set(turns);
  const segments = witnessSequence(state, translation.id).filter((s) => inTurns.has(s.turnNo));
  const translationSplits: AlignSourcePlan['translationSplits'] = [];
  const units: AlignSourcePlan['units'] = [];
  for (const segment of segments) {
    const offsets =
      segment.sentenceNo === null && !segment.isPlaceholder ? proposeSentenceOffsets(segment.text, translation.lang) : [];
    if (offsets.length) translationSplits.push({ segmentKey: segment.key, offsets });
    for (const piece of splitAt(segment.text, offsets)) units.push({ text: piece.trim(), turn: segment.turnNo });
  }
  return {
    witnessId: source.id,
    sourceLang: source.lang,
    translationWitnessId: translation.id,
    translationLang: translation.lang,
    placeholderKeys: placeholders.map((p) => p.key),
    translationKeys: segments.map((s) => s.key),
    translationSplits,
    turns,
    units,
  };
}

/**
 * The pasted text as sentences. 'turns': one paragraph (blank-line
 * separated) per turn of the passage, in order, and links stay inside
 * turns; 'whole': any text, aligned freely.
 */
export function sourceSentences(plan: AlignSourcePlan, text: string, mode: SourceTextMode): AlignSentence[] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) throw new AlignmentError('empty-text', 'The source text is empty.');
  if (mode === 'whole') return splitSentences(normalized, plan.sourceLang).map((s) => ({ text: s }));
  const paragraphs = normalized.split(/\n\s*\n/).filter((p) => p.trim());
  if (paragraphs.length !== plan.turns.length) {
    throw new AlignmentError(
      'bad-alignment',
      `The text has ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'} but the passage has ${plan.turns.length} turns ` +
        `(T${plan.turns[0]}–T${plan.turns[plan.turns.length - 1]}); put one turn in each paragraph, separated by a blank line, or align it as a whole text.`,
    );
  }
  return paragraphs.flatMap((p, k) => splitSentences(p, plan.sourceLang).map((s) => ({ text: s, turn: plan.turns[k]! })));
}

/** What the aligner is given on the translation side: its sentences, each with its turn. */
export function translationSentences(plan: AlignSourcePlan): AlignSentence[] {
  return plan.units;
}

export function alignSourceOp(plan: AlignSourcePlan, sentences: readonly AlignSentence[], links: readonly Link[]): AlignSourceOp {
  return {
    type: 'align-source',
    witnessId: plan.witnessId,
    translationWitnessId: plan.translationWitnessId,
    placeholderKeys: plan.placeholderKeys,
    translationKeys: plan.translationKeys,
    translationSplits: plan.translationSplits,
    sentences: sentences.map((s) => s.text),
    links: links.map((l) => ({ src: l.src, tgt: l.tgt })),
  };
}
