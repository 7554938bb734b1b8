/**
 * The aligner: sentences of a source and a translation in, links out.
 *   1. Turns that both sides name are hard anchors: each turn is aligned
 *      on its own, so no link crosses a speaker change.
 *   2. Length only (Gale–Church) in a band around the diagonal, widened
 *      until the path stays clear of its edges: a first path.
 *   3. Length plus anchors (numbers, names across scripts) in a band around
 *      that path.
 *   4. Word pairs learned from the confident links of step 3, and a last
 *      pass with length, anchors and those pairs.
 * Every pass is a banded dynamic programme: time and memory grow with
 * n times the band's width, not n times m.
 */
import { bandAroundPath, diagonalBand, touchesEdge, type Band } from './band';
import { bandedDp } from './dp';
import { bandEvidence, beadEvidence, type Lexicon } from './evidence';
import { textFeatures, type SentenceFeatures } from './features';
import { learnLexicon } from './lexicon';
import { BEADS, GALE_CHURCH_VARIANCE, lengthCost, PRIOR_COST, type LengthModel } from './length-model';
import type { AlignOptions, AlignSentence, Link, ScoredLink } from './types';

/** Nats of cost one unit of lexical evidence is worth against the length model. */
export const EVIDENCE_WEIGHT = 1.5;
const FIRST_WIDTH = 20;
const REFINE_WIDTH = 10;

type Input = readonly (string | AlignSentence)[];

/** Aligns two texts; the work runs to completion in one go. */
export function align(src: Input, tgt: Input, options: AlignOptions = {}): ScoredLink[] {
  const steps = alignSteps(src, tgt, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/** The same work, giving the event loop a turn between steps (so a server can stream progress). */
export async function alignAsync(src: Input, tgt: Input, options: AlignOptions = {}): Promise<ScoredLink[]> {
  const steps = alignSteps(src, tgt, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** The alignment as a generator of progress fractions, returning the links. */
export function* alignSteps(src: Input, tgt: Input, options: AlignOptions = {}): Generator<number, ScoredLink[]> {
  const source = src.map(asSentence);
  const target = tgt.map(asSentence);
  const groups = turnGroups(source, target);
  const total = Math.max(1, source.length + target.length);
  const links: ScoredLink[] = [];
  let done = 0;
  // A widened band repeats a pass; the reported fraction never goes back.
  let reported = 0;
  for (const group of groups) {
    const size = group.src.length + group.tgt.length;
    const part = alignTexts(
      group.src.map((k) => source[k]!.text),
      group.tgt.map((k) => target[k]!.text),
      options,
    );
    for (;;) {
      const step = part.next();
      if (step.done) {
        for (const link of step.value) {
          links.push({ src: link.src.map((x) => group.src[x]!), tgt: link.tgt.map((x) => group.tgt[x]!), cost: link.cost });
        }
        break;
      }
      reported = Math.max(reported, (done + step.value * size) / total);
      yield reported;
    }
    done += size;
  }
  yield 1;
  return links;
}

function asSentence(s: string | AlignSentence): AlignSentence {
  return typeof s === 'string' ? { text: s } : s;
}

/** Runs of sentences to align separately: one per turn when every sentence on both sides names its turn, else one. */
function turnGroups(src: AlignSentence[], tgt: AlignSentence[]): { src: number[]; tgt: number[] }[] {
  const all = (xs: AlignSentence[]) => xs.length > 0 && xs.every((s) => s.turn !== undefined);
  if (!all(src) || !all(tgt)) return [{ src: src.map((_, k) => k), tgt: tgt.map((_, k) => k) }];
  const order: number[] = [];
  const byTurn = new Map<number, { src: number[]; tgt: number[] }>();
  const group = (turn: number) => {
    let g = byTurn.get(turn);
    if (!g) {
      byTurn.set(turn, (g = { src: [], tgt: [] }));
      order.push(turn);
    }
    return g;
  };
  src.forEach((s, k) => group(s.turn!).src.push(k));
  tgt.forEach((s, k) => group(s.turn!).tgt.push(k));
  // Turns in reading order; a turn one side lacks becomes omissions.
  order.sort((a, b) => a - b);
  return order.map((t) => byTurn.get(t)!);
}

function cumulative(texts: readonly string[]): Float64Array {
  const cum = new Float64Array(texts.length + 1);
  texts.forEach((t, k) => (cum[k + 1] = cum[k]! + t.length));
  return cum;
}

/** One run of sentences, through the passes above; progress in [0, 1]. */
export function* alignTexts(
  src: readonly string[],
  tgt: readonly string[],
  options: AlignOptions = {},
): Generator<number, ScoredLink[]> {
  const n = src.length;
  const m = tgt.length;
  if (n === 0 || m === 0) {
    return [...src.map((_, k) => ({ src: [k], tgt: [], cost: 0 })), ...tgt.map((_, k) => ({ src: [], tgt: [k], cost: 0 }))];
  }
  const srcCum = cumulative(src);
  const tgtCum = cumulative(tgt);
  const model: LengthModel = { ratio: tgtCum[m]! / Math.max(1, srcCum[n]!) || 1, variance: GALE_CHURCH_VARIANCE };
  const passes = options.lengthOnly ? 1 : 3;
  let pass = 0;
  const scale = (f: number) => (pass + f) / passes;

  const lengthOf = (k: number, i: number, j: number) => {
    const [a, b] = BEADS[k]!;
    return PRIOR_COST[k]! + lengthCost(srcCum[i]! - srcCum[i - a]!, tgtCum[j]! - tgtCum[j - b]!, model);
  };

  // Pass 1: length only, around the diagonal.
  let width = FIRST_WIDTH;
  let band = diagonalBand(srcCum, tgtCum, width);
  let links = yield* runScaled(band, lengthOf, scale);
  // A path along the band's edge was held back by it: search twice as wide around that path (Moore 2002).
  while (touchesEdge(links, band) && width < Math.max(n, m)) {
    width *= 2;
    band = bandAroundPath(links, n, m, width);
    links = yield* runScaled(band, lengthOf, scale);
  }
  if (options.lengthOnly) return links;

  const srcFeatures = textFeatures(src);
  const tgtFeatures = textFeatures(tgt);
  pass = 1;
  links = yield* refine(links, srcFeatures, tgtFeatures, null, n, m, lengthOf, scale);
  pass = 2;
  const lexicon = learnLexicon(links, srcFeatures, tgtFeatures);
  links = yield* refine(links, srcFeatures, tgtFeatures, lexicon, n, m, lengthOf, scale);
  return links;
}

function* runScaled(band: Band, cost: (k: number, i: number, j: number) => number, scale: (f: number) => number) {
  const dp = bandedDp(band, cost);
  for (;;) {
    const step = dp.next();
    if (step.done) return step.value;
    yield scale(step.value);
  }
}

/** A pass with lexical evidence in a band around the previous path (widened if the path reaches its edge). */
function* refine(
  previous: Link[],
  srcFeatures: SentenceFeatures[],
  tgtFeatures: SentenceFeatures[],
  lexicon: Lexicon | null,
  n: number,
  m: number,
  lengthOf: (k: number, i: number, j: number) => number,
  scale: (f: number) => number,
): Generator<number, ScoredLink[]> {
  let width = REFINE_WIDTH;
  for (;;) {
    const band = bandAroundPath(previous, n, m, width);
    const evidence = bandEvidence(band, srcFeatures, tgtFeatures, lexicon);
    const cost = (k: number, i: number, j: number) => {
      return lengthOf(k, i, j) - EVIDENCE_WEIGHT * beadEvidence(band, evidence, k, i, j);
    };
    const links = yield* runScaled(band, cost, scale);
    if (!touchesEdge(links, band) || width >= Math.max(n, m)) return links;
    width *= 2;
  }
}
