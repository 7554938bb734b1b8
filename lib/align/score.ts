/**
 * Scoring an alignment against gold links (Sennrich & Volk 2011), counted
 * as Vecalign's scorer counts. Strict: a link counts only if the same link
 * (same source and target sets) is on the other side. Lax: it also counts
 * if it shares at least one aligned sentence pair with the other side.
 * Precision counts all test links; recall counts gold links, with 1:0 and
 * 0:1 links left out of both sides for recall.
 */
import type { Link } from './types';

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const key = (l: Link) => `${l.src.join(',')}:${l.tgt.join(',')}`;
const nonEmpty = (l: Link) => l.src.length > 0 && l.tgt.length > 0;

/** How many of `test` match `gold` strictly and laxly. */
function matches(test: readonly Link[], gold: readonly Link[]): { strict: number; lax: number; total: number } {
  const goldKeys = new Set(gold.map(key));
  const goldTargets = new Map<number, Set<number>>();
  for (const l of gold) {
    for (const s of l.src) {
      const set = goldTargets.get(s) ?? new Set<number>();
      for (const t of l.tgt) set.add(t);
      goldTargets.set(s, set);
    }
  }
  let strict = 0;
  let lax = 0;
  const links = test.filter((l) => l.src.length > 0 || l.tgt.length > 0);
  for (const l of links) {
    if (goldKeys.has(key(l))) {
      strict++;
      lax++;
    } else if (l.src.some((s) => l.tgt.some((t) => goldTargets.get(s)?.has(t)))) lax++;
  }
  return { strict, lax, total: links.length };
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface Counts {
  precision: { strict: number; lax: number; total: number };
  recall: { strict: number; lax: number; total: number };
}

export function countMatches(test: readonly Link[], gold: readonly Link[]): Counts {
  return { precision: matches(test, gold), recall: matches(gold.filter(nonEmpty), test.filter(nonEmpty)) };
}

/** Scores from counts summed over several files (micro-averaged, as Vecalign's scorer does). */
export function scoresFromCounts(counts: readonly Counts[]): { strict: Scores; lax: Scores } {
  const sum = (f: (c: Counts) => number) => counts.reduce((a, c) => a + f(c), 0);
  const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const make = (kind: 'strict' | 'lax'): Scores => {
    const precision = share(
      sum((c) => c.precision[kind]),
      sum((c) => c.precision.total),
    );
    const recall = share(
      sum((c) => c.recall[kind]),
      sum((c) => c.recall.total),
    );
    return { precision, recall, f1: f1(precision, recall) };
  };
  return { strict: make('strict'), lax: make('lax') };
}

export function scoreAlignment(test: readonly Link[], gold: readonly Link[]): { strict: Scores; lax: Scores } {
  return scoresFromCounts([countMatches(test, gold)]);
}
