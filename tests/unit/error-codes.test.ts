/** One code → HTTP status table (lib/error-codes.ts), kebab-case codes everywhere (issue 13). */
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS_BY_CODE, httpStatusOf } from '@/lib/error-codes';

describe('error codes', () => {
  it('are kebab-case', () => {
    for (const code of Object.keys(HTTP_STATUS_BY_CODE)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('answer references that name nothing with 404, an outage with 503, and any other refusal with 400', () => {
    expect(httpStatusOf('turn-out-of-range')).toBe(404);
    expect(httpStatusOf('sentence-out-of-range')).toBe(404);
    expect(httpStatusOf('no-such-revision')).toBe(404);
    expect(httpStatusOf('document-not-found')).toBe(404);
    expect(httpStatusOf('database-unavailable')).toBe(503);
    expect(httpStatusOf('internal')).toBe(500);
    expect(httpStatusOf('syntax')).toBe(400);
    expect(httpStatusOf('reversed')).toBe(400);
  });
});
