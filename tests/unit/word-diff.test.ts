import { describe, expect, it } from 'vitest';
import { wordDiff } from '@/lib/render/word-diff';

describe('wordDiff', () => {
  it('marks only the words that changed, and each side joins back to its text', () => {
    const before = 'Currently I am awaiting Hussein’s answer. [...]';
    const after = 'Currently I am waiting for Hussein’s answer. [...]';
    const diff = wordDiff(before, after);
    expect(diff.before.filter((p) => p.changed).map((p) => p.text)).toEqual(['awaiting']);
    expect(diff.after.filter((p) => p.changed).map((p) => p.text.trim())).toEqual(['waiting for']);
    expect(diff.before.map((p) => p.text).join('')).toBe(before);
    expect(diff.after.map((p) => p.text).join('')).toBe(after);
  });

  it('marks nothing when nothing changed', () => {
    expect(wordDiff('Same text.', 'Same text.').after.every((p) => !p.changed)).toBe(true);
  });
});
