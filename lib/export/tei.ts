/**
 * TEI P5: each witness is a <text xml:lang> in a <group>; turns are
 * <sp>/<speaker>; each segment is an <ab xml:id> (paragraph breaks inside it
 * are <milestone unit="paragraph"/>); elisions are <gap/>, insertions
 * <supplied>; placeholders are <ab type="placeholder"> holding only a <gap/>;
 * page breaks are <pb n/>; the alignment is a <linkGrp type="alignment"> in
 * <standOff>, one <link> per row pointing at its segments in every witness.
 *
 * Word links: when the document has any, every word of every segment (the
 * tokens of lib/word-links/tokens.ts, numbered from 1 as citations number
 * them) is a <w xml:id="{segment id}-w{n}">, and each link is a <link
 * type="accepted|suggested" target="#source words #target words"/> in a
 * <linkGrp type="translation">. A word must sit wholly inside one run of
 * plain text or one <supplied>: a token crossing an editorial mark (which
 * Intl.Segmenter does not produce, brackets always break words) stays
 * unwrapped, and a link drops it (the whole link when a side is left empty).
 * A document without word links exports exactly as before.
 */
import { referenceWitness, type BundleSegment, type BundleWord, type DocumentBundle } from '@/lib/document/bundle';
import { tokenizeEditorialText } from '@/lib/render/marks';
import { tokenize, type Token } from '@/lib/word-links/tokens';
import { attrs, xmlText } from '@/lib/export/xml';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

function segmentId(witness: number, s: BundleSegment): string {
  return `w${witness}-t${s.turnNo}${s.sentenceNo == null ? '' : `.${s.sentenceNo}`}`;
}

/** The words of one segment to wrap in <w>: its tokens with their 1-based numbers, and the ids actually written. */
interface SegmentWords {
  id: string;
  tokens: Token[];
  /** "start:end" offsets → xml:id, for the tokens wrapped (a token crossing an editorial mark is not). */
  written: Map<string, string>;
}

/** `text` (which starts at `offset` in the segment's text) with each token lying wholly inside it wrapped in <w>. */
function wrapWords(text: string, offset: number, words: SegmentWords | null): string {
  if (!words) return xmlText(text);
  const end = offset + text.length;
  let out = '';
  let at = offset;
  words.tokens.forEach((t, k) => {
    if (t.start < offset || t.end > end) return;
    const id = `${words.id}-w${k + 1}`;
    out += `${xmlText(text.slice(at - offset, t.start - offset))}<w${attrs({ 'xml:id': id })}>${xmlText(t.text)}</w>`;
    words.written.set(`${t.start}:${t.end}`, id);
    at = t.end;
  });
  return out + xmlText(text.slice(at - offset));
}

/** One paragraph (at `offset` in the segment's text) as TEI inline markup. */
function inline(text: string, offset = 0, words: SegmentWords | null = null): string {
  let at = offset;
  return tokenizeEditorialText(text)
    .map((t) => {
      const start = at;
      at += t.kind === 'text' ? t.text.length : t.raw.length;
      if (t.kind === 'text') return wrapWords(t.text, start, words);
      if (t.kind === 'elision') return `<gap${attrs({ reason: 'omitted', rend: t.raw })}/>`;
      // The inner text follows the opening bracket.
      return `<supplied reason="editorial">${wrapWords(t.text, start + 1, words)}</supplied>`;
    })
    .join('');
}

/** splitParagraphs, with where each paragraph starts in the text (word offsets are into the whole text). */
function paragraphsAt(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let last = 0;
  const take = (chunk: string, start: number) => {
    const trimmed = chunk.trim();
    if (trimmed) out.push({ text: trimmed, offset: start + chunk.length - chunk.trimStart().length });
  };
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    take(text.slice(last, m.index), last);
    last = m.index + m[0].length;
  }
  take(text.slice(last), last);
  return out;
}

/** The word links as <linkGrp type="translation">: source words first, then target words; a word not written as <w> is left out. */
function translationLinks(bundle: DocumentBundle, wordsOf: ReadonlyMap<BundleSegment, SegmentWords>): string[] {
  const out: string[] = [];
  for (const row of bundle.rows) {
    for (const link of row.links ?? []) {
      const ids = (side: readonly BundleWord[]) =>
        side.flatMap((word) => {
          const segment = row.cells[word.witness]?.[word.segment];
          const id = segment && wordsOf.get(segment)?.written.get(`${word.start}:${word.end}`);
          return id ? [`#${id}`] : [];
        });
      const source = ids(link.source);
      const target = ids(link.target);
      if (source.length && target.length)
        out.push(`      <link${attrs({ type: link.status, target: [...source, ...target].join(' ') })}/>`);
    }
  }
  // A linkGrp holds at least one link.
  return out.length ? ['    <linkGrp type="translation">', ...out, '    </linkGrp>'] : [];
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

  // The text first: which words are written as <w> (and so can be linked) is known once it is.
  const hasLinks = bundle.rows.some((row) => row.links?.length);
  const wordsOf = new Map<BundleSegment, SegmentWords>();
  const body: string[] = [];
  body.push('  <text>', '    <group>');
  bundle.witnesses.forEach((w, wi) => {
    body.push(
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
      body.push(...pb(turnNo, 0, '          '));
      body.push(`          <sp${attrs({ n: `T${turnNo}` })}>`);
      const speaker = turn[0]!.speaker;
      if (speaker) body.push(`            <speaker>${xmlText(speaker)}</speaker>`);
      let paragraph = 0;
      for (const s of turn) {
        const id = segmentId(wi, s);
        if (hasLinks && !s.isPlaceholder) wordsOf.set(s, { id, tokens: tokenize(s.text, w.lang), written: new Map() });
        if (s.isPlaceholder) {
          body.push(`            <ab${attrs({ 'xml:id': id, type: 'placeholder' })}><gap reason="placeholder"/></ab>`);
          paragraph++;
          continue;
        }
        const segmentWords = wordsOf.get(s) ?? null;
        const parts = paragraphsAt(s.text).map((p, k) => {
          const before = k === 0 ? '' : `${pb(turnNo, paragraph + k, '').join('')}<milestone unit="paragraph"/>`;
          return before + inline(p.text, p.offset, segmentWords);
        });
        body.push(`            <ab${attrs({ 'xml:id': id })}>${parts.join('')}</ab>`);
        paragraph += Math.max(1, parts.length);
      }
      body.push(...pb(turnNo, paragraph, '            '));
      body.push('          </sp>');
    }
    body.push('        </body>', '      </text>');
  });
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
  if (hasLinks) out.push(...translationLinks(bundle, wordsOf));
  const notes = bundle.rows.flatMap((row, r) =>
    row.note ? [`    <note${attrs({ type: 'divergence', target: `#row${r + 1}` })}>${xmlText(row.note)}</note>`] : [],
  );
  out.push(...notes, '  </standOff>');

  out.push(...body);
  out.push('    </group>', '  </text>', '</TEI>', '');
  return out.join('\n');
}
