/**
 * TEI P5: each witness is a <text xml:lang> in a <group>; turns are
 * <sp>/<speaker>; each segment is an <ab xml:id> (paragraph breaks inside it
 * are <milestone unit="paragraph"/>); elisions are <gap/>, insertions
 * <supplied>; placeholders are <ab type="placeholder"> holding only a <gap/>;
 * page breaks are <pb n/>; the alignment is a <linkGrp type="alignment"> in
 * <standOff>, one <link> per row pointing at its segments in every witness.
 */
import { referenceWitness, type BundleSegment, type DocumentBundle } from '@/lib/document/bundle';
import { splitParagraphs, tokenizeEditorialText } from '@/lib/render/marks';
import { attrs, xmlText } from '@/lib/export/xml';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

function segmentId(witness: number, s: BundleSegment): string {
  return `w${witness}-t${s.turnNo}${s.sentenceNo == null ? '' : `.${s.sentenceNo}`}`;
}

function inline(text: string): string {
  return tokenizeEditorialText(text)
    .map((t) => {
      if (t.kind === 'text') return xmlText(t.text);
      if (t.kind === 'elision') return `<gap${attrs({ reason: 'omitted', rend: t.raw })}/>`;
      return `<supplied reason="editorial">${xmlText(t.text)}</supplied>`;
    })
    .join('');
}

export function exportTei(bundle: DocumentBundle): string {
  const m = bundle.metadata;
  const ref = referenceWitness(bundle);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TEI xmlns="${TEI_NS}">`,
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
  ];
  out.push(`        <title>${xmlText(m.title)}</title>`);
  if (m.translator) out.push(`        <respStmt><resp>translated by</resp><name>${xmlText(m.translator)}</name></respStmt>`);
  out.push('      </titleStmt>', '      <publicationStmt>');
  out.push(m.publisher ? `        <publisher>${xmlText(m.publisher)}</publisher>` : '        <p>Exported from Diptych.</p>');
  out.push('      </publicationStmt>', '      <sourceDesc>');
  out.push(m.sourceNote ? `        <p>${xmlText(m.sourceNote)}</p>` : '        <p>No source note.</p>');
  if (m.archiveRef) out.push(`        <bibl><idno type="archive">${xmlText(m.archiveRef)}</idno></bibl>`);
  for (const entry of m.frontMatter) out.push(`        <note type="front-matter">${xmlText(entry)}</note>`);
  if (m.isExcerpt) out.push('        <note type="excerpt">This is an excerpt.</note>');
  out.push('      </sourceDesc>', '    </fileDesc>', '    <profileDesc>');
  if (m.date || m.place) {
    out.push(
      `      <creation>${m.date ? `<date${attrs({ when: m.date })}/>` : ''}${m.place ? `<placeName>${xmlText(m.place)}</placeName>` : ''}</creation>`,
    );
  }
  out.push('      <langUsage>');
  for (const lang of [...new Set(bundle.witnesses.map((w) => w.lang))]) out.push(`        <language${attrs({ ident: lang })}/>`);
  out.push('      </langUsage>');
  if (m.participants.length) {
    out.push('      <particDesc><listPerson>');
    for (const p of m.participants) out.push(`        <person><persName>${xmlText(p)}</persName></person>`);
    out.push('      </listPerson></particDesc>');
  }
  out.push('    </profileDesc>', '  </teiHeader>');

  out.push('  <standOff>', '    <linkGrp type="alignment">');
  bundle.rows.forEach((row, r) => {
    const targets = row.cells.flatMap((cell, w) => cell.map((s) => `#${segmentId(w, s)}`));
    const refs = (row.cells[ref] ?? []).map((s) => (s.sentenceNo == null ? `T${s.turnNo}` : `T${s.turnNo}.${s.sentenceNo}`));
    if (targets.length)
      out.push(
        `      <link${attrs({ 'xml:id': `row${r + 1}`, n: refs.join(' ') || null, type: row.status, target: targets.join(' ') })}/>`,
      );
  });
  out.push('    </linkGrp>');
  const notes = bundle.rows.flatMap((row, r) =>
    row.note ? [`    <note${attrs({ type: 'divergence', target: `#row${r + 1}` })}>${xmlText(row.note)}</note>`] : [],
  );
  out.push(...notes, '  </standOff>');

  out.push('  <text>', '    <group>');
  bundle.witnesses.forEach((w, wi) => {
    out.push(
      `      <text${attrs({ 'xml:id': `w${wi}`, 'xml:lang': w.lang, type: w.role, n: w.label, subtype: w.isPlaceholderWitness ? 'placeholder' : null })}>`,
      '        <body>',
    );
    const segments = bundle.rows.flatMap((row) => row.cells[wi] ?? []);
    const pages = bundle.milestones.filter((p) => p.witness === wi);
    const pb = (turnNo: number, paragraph: number, indent: string) =>
      pages.filter((p) => p.turnNo === turnNo && p.paragraph === paragraph).map((p) => `${indent}<pb${attrs({ n: p.label })}/>`);
    let i = 0;
    while (i < segments.length) {
      const turnNo = segments[i]!.turnNo;
      const turn: BundleSegment[] = [];
      while (i < segments.length && segments[i]!.turnNo === turnNo) turn.push(segments[i++]!);
      out.push(...pb(turnNo, 0, '          '));
      out.push(`          <sp${attrs({ n: `T${turnNo}` })}>`);
      const speaker = turn[0]!.speaker;
      if (speaker) out.push(`            <speaker>${xmlText(speaker)}</speaker>`);
      let paragraph = 0;
      for (const s of turn) {
        const id = segmentId(wi, s);
        if (s.isPlaceholder) {
          out.push(`            <ab${attrs({ 'xml:id': id, type: 'placeholder' })}><gap reason="placeholder"/></ab>`);
          paragraph++;
          continue;
        }
        const parts = splitParagraphs(s.text).map((p, k) => {
          const before = k === 0 ? '' : `${pb(turnNo, paragraph + k, '').join('')}<milestone unit="paragraph"/>`;
          return before + inline(p);
        });
        out.push(`            <ab${attrs({ 'xml:id': id })}>${parts.join('')}</ab>`);
        paragraph += Math.max(1, parts.length);
      }
      out.push(...pb(turnNo, paragraph, '            '));
      out.push('          </sp>');
    }
    out.push('        </body>', '      </text>');
  });
  out.push('    </group>', '  </text>', '</TEI>', '');
  return out.join('\n');
}
