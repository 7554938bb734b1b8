/**
 * The checks proxy.ts runs on every request before anything else (issue 9,
 * finding 7): a body over 1 MiB is a 413 and a cross-origin write a 403, each
 * with a message, instead of Next's 500.
 */
import { describe, expect, it } from 'vitest';
import { checkBodySize, checkOrigin, guardRequest, MAX_REQUEST_BODY_BYTES, type GuardRequest } from '@/lib/http/request-guards';

function request(method: string, headers: Record<string, string>, publicUrl?: string): GuardRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, header: (name) => lower[name.toLowerCase()] ?? null, publicUrl };
}

describe('checkBodySize', () => {
  it('lets a body up to 1 MiB through and refuses a larger one with its size', () => {
    expect(MAX_REQUEST_BODY_BYTES).toBe(1_048_576);
    expect(checkBodySize(request('POST', { 'content-length': '1048576' }))).toBeNull();
    expect(checkBodySize(request('POST', {}))).toBeNull();
    expect(checkBodySize(request('POST', { 'content-length': '2097152' }))).toEqual({
      status: 413,
      code: 'payload-too-large',
      message: 'The request body is 2 MiB; the limit is 1 MiB. Nothing was saved.',
    });
    expect(checkBodySize(request('POST', { 'content-length': '1572864' }))?.message).toBe(
      'The request body is 1.5 MiB; the limit is 1 MiB. Nothing was saved.',
    );
  });

  it('ignores a malformed length (Node refuses those itself)', () => {
    expect(checkBodySize(request('POST', { 'content-length': 'lots' }))).toBeNull();
  });
});

describe('checkOrigin', () => {
  const own = { host: 'diptych.example:3000' };

  it('lets reads, writes without an Origin and writes from the own host through', () => {
    expect(checkOrigin(request('GET', { ...own, origin: 'https://evil.example' }))).toBeNull();
    expect(checkOrigin(request('POST', own))).toBeNull();
    expect(checkOrigin(request('POST', { ...own, origin: 'http://diptych.example:3000' }))).toBeNull();
    // Behind a TLS-terminating proxy the browser's https origin meets an http request to the same host.
    expect(checkOrigin(request('POST', { ...own, origin: 'https://DIPTYCH.example:3000' }))).toBeNull();
  });

  it('refuses a write from another site, another port, or no origin at all', () => {
    const refused = checkOrigin(request('POST', { ...own, origin: 'https://evil.example' }));
    expect(refused).toEqual({
      status: 403,
      code: 'cross-origin',
      message:
        "Requests that change something must come from this site's own pages; this one came from https://evil.example. Nothing was changed.",
    });
    expect(checkOrigin(request('DELETE', { ...own, origin: 'http://diptych.example:4000' }))?.status).toBe(403);
    expect(checkOrigin(request('POST', { ...own, origin: 'null' }))?.message).toContain('came from a page with no origin');
    expect(checkOrigin(request('POST', { origin: 'http://diptych.example:3000' }))?.status).toBe(403);
  });

  it('accepts DIPTYCH_PUBLIC_URL (scheme included) or the host the browser addressed, nothing else', () => {
    const publicUrl = 'https://diptych.example/';
    expect(checkOrigin(request('POST', { host: 'internal:3000', origin: 'https://diptych.example' }, publicUrl))).toBeNull();
    expect(checkOrigin(request('POST', { host: 'diptych.example', origin: 'https://evil.example' }, publicUrl))?.status).toBe(403);
    // An instance reached directly (two-instance deployments): its own address is this site too.
    expect(checkOrigin(request('POST', { host: '127.0.0.1:3011', origin: 'http://127.0.0.1:3011' }, publicUrl))).toBeNull();
    // Behind a proxy on the same machine: the instance's port is not the public one, and is its own site.
    expect(
      checkOrigin(request('POST', { host: '127.0.0.1:3011', origin: 'http://127.0.0.1:3011' }, 'http://127.0.0.1:3012')),
    ).toBeNull();
    expect(checkOrigin(request('POST', { host: 'diptych.example', origin: 'http://diptych.example' }, publicUrl))?.status).toBe(403);
  });
});

describe('guardRequest', () => {
  it('checks the size first', () => {
    const both = request('POST', { host: 'a', origin: 'https://b', 'content-length': String(5 * 1024 * 1024) });
    expect(guardRequest(both)?.status).toBe(413);
    expect(guardRequest(request('POST', { host: 'a', origin: 'http://a', 'content-length': '10' }))).toBeNull();
  });
});
