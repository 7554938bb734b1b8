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
  const srclang = bundle.witnesses.find((w) => w.role === 'source' && !w.isPlaceholderWitness)?.lang ?? bundle.witnesses[0]?.lang ?? 'und';
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
  for (const row of bundle.rows) {
    const tuvs = bundle.witnesses.flatMap((w, i) => {
      const real = (row.cells[i] ?? []).filter((s) => !s.isPlaceholder);
      if (real.length === 0) return [];
      return [`      <tuv${attrs({ 'xml:lang': w.lang })}><seg>${xmlText(real.map((s) => s.text).join('\n\n'))}</seg></tuv>`];
    });
    if (tuvs.length < 2) continue;
    const refCell = row.cells[ref] ?? [];
    const refs = refCell.map((s) => (s.sentenceNo == null ? `T${s.turnNo}` : `T${s.turnNo}.${s.sentenceNo}`));
    out.push(`    <tu${attrs({ tuid: refs.join(' ') || null })}>`);
    out.push(`      <prop type="x-status">${row.status}</prop>`);
    if (row.note) out.push(`      <note>${xmlText(row.note)}</note>`);
    out.push(...tuvs, '    </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}
