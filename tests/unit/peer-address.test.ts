import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies, stampPeer } from '../../scripts/peer-address.mjs';

describe('the client address the server wrapper stamps', () => {
  it('is the socket address by default, whatever X-Forwarded-For says', () => {
    const headers: Record<string, string> = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '7.7.7.7', 'x-diptych-peer': '8.8.8.8' };
    expect(stampPeer(headers, '::ffff:198.51.100.7', parseTrustedProxies(undefined), 'tok')).toBe('198.51.100.7');
    expect(headers).toEqual({ 'x-diptych-peer': '198.51.100.7', 'x-diptych-peer-token': 'tok' });
  });

  it('behind a trusted proxy, is the right-most hop that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies(' 127.0.0.1 , 10.0.0.2,');
    expect(trusted).toEqual(['127.0.0.1', '10.0.0.2']);
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.0.2', trusted)).toBe('203.0.113.5');
    expect(clientAddressOf('127.0.0.1', null, trusted)).toBe('127.0.0.1');
    // An untrusted peer's header is never read.
    expect(clientAddressOf('192.0.2.1', '203.0.113.5', trusted)).toBe('192.0.2.1');
    const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.5' };
    stampPeer(headers, '127.0.0.1', trusted, 'tok');
    expect(headers).toMatchObject({ 'x-forwarded-for': '203.0.113.5', 'x-diptych-peer': '203.0.113.5' });
  });
});
