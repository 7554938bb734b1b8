/**
 * TMX 1.4b: one <tu> per alignment row, one <tuv xml:lang> per witness
 * that has real text in the row. Placeholders are omitted (a row with fewer
 * than two real cells has no translation pair and is left out). Valid
 * against the TMX 1.4 DTD (tests/support/tmx14.dtd; checked with xmllint).
 */
import { referenceWitness, type DocumentBundle } from '@/lib/document/bundle';
import { attrs, xmlText } from '@/lib/export/xml';

export function exportTmx(bundle: DocumentBundle, options: { tool?: string; toolVersion?: string } = {}): string {
  const ref = referenceWitness(bundle);
  const units = bundle.rows.flatMap((row) => {
    const variants = bundle.witnesses.flatMap((w, i) => {
      const real = (row.cells[i] ?? []).filter((s) => !s.isPlaceholder);
      return real.length ? [{ lang: w.lang, text: real.map((s) => s.text).join('\n\n') }] : [];
    });
    if (variants.length < 2) return [];
    const refs = (row.cells[ref] ?? []).map((s) => (s.sentenceNo == null ? `T${s.turnNo}` : `T${s.turnNo}.${s.sentenceNo}`));
    return [{ row, variants, tuid: refs.join(' ') || null }];
  });
  // TMX's srclang must be in every unit, else "*all*".
  const source = bundle.witnesses.find((w) => w.role === 'source')?.lang ?? bundle.witnesses[0]?.lang ?? '*all*';
  const srclang = units.every((u) => u.variants.some((v) => v.lang === source)) ? source : '*all*';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header${attrs({
      creationtool: options.tool ?? 'Diptych',
      creationtoolversion: options.toolVersion ?? '1',
      segtype: 'block',
      'o-tmf': 'diptych',
      adminlang: 'en',
      srclang,
      datatype: 'plaintext',
    })}>`,
    `    <prop type="x-title">${xmlText(bundle.metadata.title)}</prop>`,
    '  </header>',
    '  <body>',
  ];
  for (const { row, variants, tuid } of units) {
    out.push(`    <tu${attrs({ tuid })}>`);
    out.push(`      <prop type="x-status">${row.status}</prop>`);
    if (row.note) out.push(`      <note>${xmlText(row.note)}</note>`);
    for (const v of variants) out.push(`      <tuv${attrs({ 'xml:lang': v.lang })}><seg>${xmlText(v.text)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}
