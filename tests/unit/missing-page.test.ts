import { describe, expect, it } from 'vitest';
import { decodeMissingPage, encodeMissingPage, isAdminPath } from '@/lib/render/missing-page';

describe('the not-found hand-over header', () => {
  it('carries any message, quotes and line breaks included', () => {
    const page = { kind: 'passage' as const, message: '“T5–Т7” is not a passage reference:\nwrite T5.' };
    expect(decodeMissingPage(encodeMissingPage(page))).toEqual(page);
  });

  it('ignores what this app did not write', () => {
    expect(decodeMissingPage(null)).toBeNull();
    expect(decodeMissingPage('no colon')).toBeNull();
    expect(decodeMissingPage('admin:hello')).toBeNull();
    expect(decodeMissingPage('page:%E0%A4%A')).toBeNull();
  });

  it('knows the admins’ pages', () => {
    expect(isAdminPath('/admin/users')).toBe(true);
    expect(isAdminPath('/administrator')).toBe(false);
  });
});
