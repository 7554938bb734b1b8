import { describe, expect, it } from 'vitest';
import { membersByRow } from '@/db/queries/members';

describe('membersByRow', () => {
  it('groups members by row version and witness, each cell in order-key (byte) order, unknown keys last', () => {
    const order: Record<string, string> = { s1: 'a0', s2: 'Zz', s3: 'a1' };
    const grouped = membersByRow(
      [
        { rowVersionId: 1, witnessId: 10, segmentKey: 's3' },
        { rowVersionId: 1, witnessId: 10, segmentKey: 'gone' },
        { rowVersionId: 1, witnessId: 10, segmentKey: 's1' },
        { rowVersionId: 1, witnessId: 11, segmentKey: 's2' },
        { rowVersionId: 2, witnessId: 10, segmentKey: 's2' },
      ],
      (key) => order[key],
    );
    expect([...grouped.keys()]).toEqual([1, 2]);
    expect(grouped.get(1)).toEqual({ 10: ['s1', 's3', 'gone'], 11: ['s2'] });
    expect(grouped.get(2)).toEqual({ 10: ['s2'] });
  });

  it('gives an empty map for no members', () => {
    expect(membersByRow([], () => undefined).size).toBe(0);
  });
});
