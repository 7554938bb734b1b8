import { describe, expect, it } from 'vitest';
import type { CSL } from '@citation-js/core';
import { jsonForScript } from '@/lib/citation/json-script';
import { CSL_JSON_MIME, highwireDate, pageCitationMeta, RIS_MIME } from '@/lib/citation/metadata';
import { originOfRequest, resolveOrigin } from '@/lib/citation/origin';
import { citationFilePath, passagePath } from '@/lib/citation/urls';

const item: CSL = {
  id: 'doc/T5-T7@3',
  type: 'manuscript',
  title: 'Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand',
  language: 'en',
  URL: 'https://d.example/documents/doc/passages/T5-T7?rev=3',
  author: [
    { family: 'Gorbachev', given: 'Mikhail' },
    { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' },
  ],
  translator: [{ family: 'Savranskaya', given: 'Svetlana' }],
  issued: { 'date-parts': [[1991, 1, 18]] },
  publisher: 'National Security Archive',
  archive: 'Archive of the Gorbachev Foundation',
  archive_location: 'Fond 1, opis 1',
};

describe('page citation metadata', () => {
  const meta = pageCitationMeta({
    item,
    pageTitle: 'T5–T7 · Memorandum',
    description: 'T5–T7 (turns 5–7), revision 3.',
    canonical: 'https://d.example/documents/doc/passages/T5-T7?rev=3',
    risUrl: 'https://d.example/documents/doc/passages/T5-T7/citation.ris?rev=3',
    cslJsonUrl: 'https://d.example/documents/doc/passages/T5-T7/citation.json?rev=3',
  });

  it('carries the Highwire tags reference managers read, with the date as yyyy/mm/dd', () => {
    expect(meta.highwire).toEqual([
      ['citation_title', 'Memorandum of Telephone Conversation between Mikhail Gorbachev and Francois Mitterrand'],
      ['citation_author', 'Gorbachev, Mikhail'],
      ['citation_author', 'de Gaulle, Charles'],
      ['citation_date', '1991/01/18'],
      ['citation_publisher', 'National Security Archive'],
      ['citation_language', 'en'],
      ['citation_public_url', 'https://d.example/documents/doc/passages/T5-T7?rev=3'],
      ['citation_abstract_html_url', 'https://d.example/documents/doc/passages/T5-T7?rev=3'],
      ['citation_fulltext_html_url', 'https://d.example/documents/doc/passages/T5-T7?rev=3'],
      ['DC.contributor', 'Savranskaya, Svetlana'],
      ['DC.source', 'Archive of the Gorbachev Foundation, Fond 1, opis 1'],
      ['DC.type', 'Text'],
    ]);
  });

  it('gives Open Graph tags and the alternate citation files', () => {
    expect(meta.openGraph).toEqual({
      title: 'T5–T7 · Memorandum',
      description: 'T5–T7 (turns 5–7), revision 3.',
      url: 'https://d.example/documents/doc/passages/T5-T7?rev=3',
      siteName: 'Diptych',
      type: 'article',
      locale: 'en',
    });
    expect(meta.alternates).toEqual({
      [RIS_MIME]: 'https://d.example/documents/doc/passages/T5-T7/citation.ris?rev=3',
      [CSL_JSON_MIME]: 'https://d.example/documents/doc/passages/T5-T7/citation.json?rev=3',
    });
  });

  it('writes partial dates with what is known', () => {
    expect(highwireDate({ issued: { 'date-parts': [[1991, 1]] } })).toBe('1991/01');
    expect(highwireDate({ issued: { 'date-parts': [[1991]] } })).toBe('1991');
    expect(highwireDate({})).toBeNull();
  });
});

describe('CSL-JSON inside a <script> element', () => {
  it('cannot close the element or open a comment, and still parses to the same value', () => {
    const hostile = [{ title: '</script><script>alert(1)</script> <!-- & \u2028 \u2029' }];
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('the origin of absolute URLs', () => {
  it('prefers the configured public URL', () => {
    expect(resolveOrigin({ publicUrl: 'https://diptych.example/base/', host: 'evil.example' })).toBe('https://diptych.example');
  });

  it('uses the forwarded host and scheme, else the Host header', () => {
    expect(resolveOrigin({ host: '127.0.0.1:3204' })).toBe('http://127.0.0.1:3204');
    expect(resolveOrigin({ host: 'internal:3000', forwardedHost: 'docs.example, proxy', forwardedProto: 'https,http' })).toBe(
      'https://docs.example',
    );
    expect(resolveOrigin({ host: '[::1]:3000' })).toBe('http://[::1]:3000');
  });

  it('never echoes a malformed host into citations', () => {
    expect(resolveOrigin({ host: 'evil.example/"><script>' })).toBe('http://localhost');
    expect(resolveOrigin({ host: 'a b' })).toBe('http://localhost');
    expect(resolveOrigin({})).toBe('http://localhost');
    expect(resolveOrigin({ host: 'ok.example', forwardedProto: 'javascript' })).toBe('http://ok.example');
  });

  it('reads a Request', () => {
    const request = new Request('http://127.0.0.1:3204/api/documents', { headers: { host: '127.0.0.1:3204' } });
    expect(originOfRequest(request)).toBe('http://127.0.0.1:3204');
    expect(originOfRequest(request, 'https://pub.example')).toBe('https://pub.example');
  });
});

describe('stable URLs', () => {
  it('spell passage pages and citation files', () => {
    expect(passagePath('doc', 'T5-T7')).toBe('/documents/doc/passages/T5-T7');
    expect(passagePath('doc', 'T5.2', 4)).toBe('/documents/doc/passages/T5.2?rev=4');
    expect(citationFilePath('doc', 'ris')).toBe('/documents/doc/citation.ris');
    expect(citationFilePath('doc', 'json', 'T5-T7', 2)).toBe('/documents/doc/passages/T5-T7/citation.json?rev=2');
  });
});
