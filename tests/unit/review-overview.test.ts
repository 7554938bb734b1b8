import { describe, expect, it } from 'vitest';
import { reviewOverview, reviewQueue } from '@/lib/review/overview';
import { verifiedPhrase } from '@/lib/render/format';
import { makeState } from '../support/alignment-fixtures';

describe('review overview', () => {
  const ru = 'Ровно столько же букв, сколько и в переводе, примерно.';
  const state = makeState([
    { en: 'Just about as many letters as in the translation.', ru },
    { en: 'Just about as many letters as in the translation, roughly.', ru },
    { en: 'Short.', ru: 'Это очень длинное предложение, которого явно нет в коротком английском переводе этой строки, совсем нет.' },
    { en: 'A placeholder row.', ru: null },
    { en: 'Just about as many letters as in the translation.', ru },
  ]);
  state.rows[1] = { ...state.rows[1]!, status: 'verified' };
  state.rows[4] = { ...state.rows[4]!, status: 'unverified', note: 'Omission: a word' };

  it('gives every row its status and flags lengths the pair does not predict', () => {
    const overview = reviewOverview(state);
    expect(overview.rows.map((r) => r.status)).toEqual(['auto', 'verified', 'auto', 'placeholder', 'unverified']);
    expect(overview.counts).toEqual({ placeholder: 1, auto: 2, unverified: 1, verified: 1 });
    expect(overview.rows.map((r) => r.flagged)).toEqual([false, false, true, false, false]);
    expect(overview.rows[3]!.delta).toBeNull();
    expect(overview.rows[2]!.delta!).toBeLessThan(-2.58);
  });

  it('queues auto and unverified rows, most suspicious first, keeping notes', () => {
    const queue = reviewQueue(reviewOverview(state));
    expect(queue.map((r) => r.label)).toEqual(['T3', 'T1', 'T5']);
    expect(queue[2]!.note).toBe('Omission: a word');
  });

  it('words the share verified for the library', () => {
    expect(verifiedPhrase(1, 3)).toBe('33 % of rows verified (1 of 3)');
    expect(verifiedPhrase(999, 1000)).toBe('99 % of rows verified (999 of 1000)');
    expect(verifiedPhrase(0, 0)).toBe('0 % of rows verified (0 of 0)');
  });
});
