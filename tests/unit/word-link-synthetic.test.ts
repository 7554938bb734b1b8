/**
 * The word-link bench's synthetic document (tests/support/synthetic-word-bitext.ts,
 * bench/word-links.ts): its known links name real words, and the suggestion
 * model recovers them well. A quality test with a fixed seed; nothing here is timed.
 */
import { describe, expect, it } from 'vitest';
import { trainSuggester } from '@/lib/word-links/suggest';
import { tokenize } from '@/lib/word-links/tokens';
import { pairKey, scoreWordLinks, syntheticWordBitext } from '../support/synthetic-word-bitext';

describe('synthetic word bitext', () => {
  const doc = syntheticWordBitext({ rows: 600, seed: 3 });

  it('is deterministic, and every gold pair joins a source word and a target word of its row', () => {
    expect(syntheticWordBitext({ rows: 20, seed: 3 })).toEqual(doc.slice(0, 20));
    for (const { row, gold } of doc.slice(0, 100)) {
      const side = (s: (typeof row.source)[number]) => tokenize(s.text, s.lang).map((t) => ({ segmentKey: s.segmentKey, ...t }));
      const sources = side(row.source[0]!);
      const targets = side(row.target[0]!);
      const words = sources.length + targets.length;
      expect(words).toBeGreaterThanOrEqual(5);
      const possible = new Set(sources.flatMap((s) => targets.map((t) => pairKey(s, t))));
      for (const pair of gold) expect(possible.has(pair)).toBe(true);
    }
    // Some words on either side translate nothing (function words: no gold pair).
    const linked = (side: 0 | 1) => doc.reduce((n, g) => n + new Set([...g.gold].map((p) => p.split('|')[side])).size, 0);
    const count = (side: 'source' | 'target') =>
      doc.reduce((n, g) => n + tokenize(g.row[side][0]!.text, g.row[side][0]!.lang).length, 0);
    expect(linked(0)).toBeLessThan(count('source'));
    expect(linked(1)).toBeLessThan(count('target'));
  });

  it('the suggestion model recovers the known links (F1 above 0.85)', () => {
    const suggester = trainSuggester(doc.map((g) => g.row));
    const score = scoreWordLinks(doc.slice(0, 150).map((g) => ({ gold: g.gold, suggested: suggester.suggest(g.row) })));
    console.info(
      `synthetic word links: P ${score.precision.toFixed(3)}, R ${score.recall.toFixed(3)}, F1 ${score.f1.toFixed(3)} (${score.gold} gold pairs)`,
    );
    expect(score.f1).toBeGreaterThan(0.85);
    expect(score.precision).toBeGreaterThan(0.8);
    expect(score.recall).toBeGreaterThan(0.8);
  });
});
