/**
 * The reader's server components rendered to static HTML (what a browser
 * without JavaScript receives): marks, placeholders, anchors, lang.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AlignedGrid } from '@/app/_components/aligned-grid';
import { SegmentText } from '@/app/_components/segment-text';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';

const RU: Witness = { id: 1, lang: 'ru', role: 'source', label: 'Russian original', isPlaceholderWitness: true, position: 0 };
const EN: Witness = { id: 2, lang: 'en', role: 'translation', label: 'English translation', isPlaceholderWitness: false, position: 1 };
const AR: Witness = { id: 3, lang: 'ar', role: 'translation', label: 'Arabic translation', isPlaceholderWitness: false, position: 2 };

function seg(key: string, witnessId: number, turnNo: number, text: string, extra: Partial<Segment> = {}): Segment {
  return {
    key,
    witnessId,
    orderKey: key,
    turnNo,
    sentenceNo: null,
    speaker: 'Mitterrand',
    text,
    isPlaceholder: false,
    revFrom: 1,
    ...extra,
  };
}
function row(key: string, members: Record<number, string[]>, extra: Partial<AlignmentRow> = {}): AlignmentRow {
  return { key, orderKey: key, status: 'auto', note: null, revFrom: 1, members, ...extra };
}
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe('a turn split into sentences', () => {
  const sentences = [
    seg('a', 2, 5, 'We are not talking about that [...]\n\n', { sentenceNo: 1, speaker: 'Gorbachev' }),
    seg('b', 2, 5, 'Events are entering a new phase. ', { sentenceNo: 2, speaker: 'Gorbachev' }),
    seg('c', 2, 5, 'Iraq today is not what it used to be.', { sentenceNo: 3, speaker: 'Gorbachev' }),
  ];
  const state: AlignmentState = {
    rev: 2,
    witnesses: [EN],
    rows: [row('r5', { 2: ['a', 'b', 'c'] })],
    segments: Object.fromEntries(sentences.map((s) => [s.key, s])),
  };

  it('keeps the turn’s paragraphs in the reader (not one paragraph per sentence), and names its speaker once', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [2], view: 'single' }));
    expect(out.match(/<p>/g)).toHaveLength(2);
    expect(out.match(/class="speaker"/g)).toHaveLength(1);
    expect(out.match(/class="sentence"/g)).toHaveLength(3);
    expect(out).toMatch(
      /<p><span class="sentence" data-segment-key="b">.*Events are entering a new phase. .*<span class="sentence" data-segment-key="c">/,
    );
  });
});

/** True when every U+202E in the markup is inside an open <bdi>. */
function everyOverrideIsolated(markup: string): boolean {
  let depth = 0;
  for (const token of markup.match(/<\/?bdi>|\u202E/g) ?? []) {
    if (token === '<bdi>') depth++;
    else if (token === '</bdi>') depth--;
    else if (depth === 0) return false;
  }
  return true;
}

// Issue 9, finding 8: U+202E (right-to-left override) in one segment reordered the text and interface after it.
describe('bidi isolation of user text', () => {
  const RLO = '\u202E';
  const sentences = [
    seg('a', 2, 5, `Evil ${RLO}txet desrever. `, { sentenceNo: 1, speaker: `Gorba${RLO}chev` }),
    seg('b', 2, 5, 'Next sentence.\n\nSecond paragraph.', { sentenceNo: 2, speaker: 'Gorbachev' }),
  ];
  const state: AlignmentState = {
    rev: 2,
    witnesses: [EN],
    rows: [row('r5', { 2: ['a', 'b'] }, { note: `context: ${RLO}eton` })],
    segments: Object.fromEntries(sentences.map((s) => [s.key, s])),
  };

  it('isolates every sentence, speaker and note, and keeps the paragraphs', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [2], view: 'single' }));
    expect(out).toContain(`<bdi>Gorba${RLO}chev</bdi>`);
    expect(out).toContain(`<bdi>Evil ${RLO}txet desrever. </bdi>`);
    expect(out).toContain(`<bdi>context: ${RLO}eton</bdi>`);
    expect(everyOverrideIsolated(out)).toBe(true);
    expect(out.match(/<p>/g)).toHaveLength(3);
  });

  it('isolates a whole segment', () => {
    const out = html(createElement(SegmentText, { segment: seg('s', 2, 1, `Text ${RLO}with override.`), lang: 'en' }));
    expect(out).toContain(`<bdi>Text ${RLO}with override.</bdi>`);
    expect(everyOverrideIsolated(out)).toBe(true);
    expect(out).toContain('<bdi>Mitterrand</bdi>');
  });
});

describe('SegmentText', () => {
  it('renders the speaker once, each paragraph, elisions and insertions as marks (no raw brackets)', () => {
    const out = html(
      createElement(SegmentText, {
        segment: seg('s', 2, 10, 'Yes. [...] There is pressure on Israel.\n\n[Israel] is being informed.'),
        lang: 'en',
      }),
    );
    expect(out.match(/<p>/g)).toHaveLength(2);
    expect(out.match(/class="speaker"/g)).toHaveLength(1);
    expect(out).toContain('Mitterrand');
    expect(out).toContain('title="Omitted in the published text"');
    expect(out).toContain('(omitted in the published text)');
    expect(out).toContain('title="Editorial insertion"');
    expect(out).toContain('(editorial insertion) </span>Israel');
    expect(out).not.toContain('[...]');
    expect(out).not.toContain('[Israel]');
  });

  it('escapes text: markup in a segment is shown, never injected', () => {
    const out = html(createElement(SegmentText, { segment: seg('s', 2, 1, '<script>alert(1)</script> [<b>x</b>]'), lang: 'en' }));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>x</b>');
    expect(out).toContain('&lt;script&gt;');
  });

  it('renders a placeholder as a labelled notice with its speaker, never as text', () => {
    const out = html(
      createElement(SegmentText, { segment: seg('p', 1, 1, '', { isPlaceholder: true, speaker: 'Горбачев' }), lang: 'ru' }),
    );
    expect(out).toContain('data-placeholder="true"');
    expect(out).toContain('segment--placeholder');
    expect(out).toContain('Горбачев');
    expect(out).toContain('<span class="sr-only">Placeholder: </span>Russian text not yet transcribed');
    expect(out).toContain('class="placeholder-note" lang="en-GB"');
  });

  it('never shows a placeholder version’s text, even if it has some', () => {
    const out = html(createElement(SegmentText, { segment: seg('p', 1, 1, 'draft text', { isPlaceholder: true }), lang: 'ru' }));
    expect(out).not.toContain('draft text');
  });

  it('can leave the speaker out (later sentences of a turn)', () => {
    const out = html(createElement(SegmentText, { segment: seg('s', 2, 1, 'Yes.'), lang: 'en', showSpeaker: false }));
    expect(out).not.toContain('speaker');
  });
});

describe('AlignedGrid', () => {
  const segments = [
    seg('r1', 1, 1, '', { isPlaceholder: true, speaker: 'Горбачев' }),
    seg('e1', 2, 1, 'Good morning.', { speaker: 'Gorbachev' }),
    seg('e2', 2, 2, 'First.'),
    seg('e3', 2, 3, 'Second.'),
    seg('a2', 3, 2, 'نعم'),
    seg('r9', 1, 9, 'Только в источнике.', { speaker: 'Горбачев' }),
  ];
  const state: AlignmentState = {
    rev: 3,
    witnesses: [RU, EN, AR],
    rows: [
      row('row1', { 1: ['r1'], 2: ['e1'] }, { status: 'verified' }),
      row('row2', { 2: ['e2', 'e3'], 3: ['a2'] }, { note: 'The source omits the second sentence.' }),
      row('row9', { 1: ['r9'] }),
    ],
    segments: Object.fromEntries(segments.map((s) => [s.key, s])),
  };

  it('renders one row per alignment row with ids, extra anchors, refs and keys', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [1, 2, 3], view: 'parallel' }));
    expect(out.match(/data-testid="aligned-row"/g)).toHaveLength(3);
    expect(out).toContain('id="T1" class="aligned-row" data-testid="aligned-row" data-refs="T1" data-status="verified"');
    expect(out).toContain('id="T2" class="aligned-row" data-testid="aligned-row" data-refs="T2 T3" data-status="auto"');
    expect(out).toContain('<span id="T3" class="row-anchor"></span>');
    expect(out).toContain('id="row-row9"');
    expect(out).toContain('href="#T2">T2–T3</a>');
    expect(out).toContain('aria-label="Turns 2 to 3"');
    expect(out.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it('puts lang on every cell, dir where the language needs it, and marks omissions', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [1, 2, 3], view: 'parallel' }));
    expect(out.match(/class="cell" lang="/g)).toHaveLength(9);
    expect(out).toContain('class="cell" lang="ar" dir="rtl"');
    expect(out).not.toContain('lang="en" dir=');
    // Interface words inside a cell carry the interface language, so [lang="en"] finds English texts only.
    expect(out.match(/ lang="en"/g)).toHaveLength(3);
    expect(out).toContain('No corresponding text in the Arabic translation');
  });

  it('shows status with a shape and words, and the divergence note', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [1, 2], view: 'parallel' }));
    expect(out).toContain('data-status="verified"');
    expect(out).toContain(
      'class="row-status" title="Alignment verified by an editor"><span aria-hidden="true">✓</span><span class="sr-only">Alignment verified</span>',
    );
    expect(out).toContain('The source omits the second sentence.');
  });

  it('renders only the chosen columns in their order, one in the single view', () => {
    const order = html(createElement(AlignedGrid, { state, witnessIds: [2, 1], view: 'interlinear' }));
    expect(order.indexOf('class="cell" lang="en"')).toBeLessThan(order.indexOf('class="cell" lang="ru"'));
    expect(order).not.toContain('class="cell" lang="ar"');
    const single = html(createElement(AlignedGrid, { state, witnessIds: [2, 1], view: 'single' }));
    expect(single.match(/class="cell"/g)).toHaveLength(3);
    expect(single).not.toContain('class="cell" lang="ru"');
  });

  it('says each thing once per row: no row keys, witness ids or segment keys, no element around plain text', () => {
    const out = html(createElement(AlignedGrid, { state, witnessIds: [1, 2, 3], view: 'parallel' }));
    // The client finds rows by id and refs, cells by lang; keys and witness ids would repeat per cell.
    for (const attribute of ['data-row-key', 'data-witness-id', 'data-witness-lang', 'data-segment-key'])
      expect(out).not.toContain(attribute);
    // Status once per row (on the row), refs once per row.
    expect(out.match(/data-status=/g)).toHaveLength(3);
    expect(out.match(/data-refs=/g)).toHaveLength(3);
    // A plain sentence is the paragraph's text itself, not a <span> inside it.
    expect(out).toContain('</b><bdi>Good morning.</bdi></p>');
    expect(out).not.toMatch(/<span>[^<]*<\/span>/);
  });

  it('renders a subset, highlights rows, and uses the given ref links and row actions', () => {
    const out = html(
      createElement(AlignedGrid, {
        state,
        witnessIds: [1, 2],
        view: 'parallel',
        rows: [state.rows[1]!],
        highlightRowKeys: ['row2'],
        refHref: (ref: string) => `/documents/memo#${ref}`,
        rowActions: (_row: AlignmentRow, refs: string[]) => createElement('a', { href: `/cite/${refs.join('-')}` }, 'Cite'),
      }),
    );
    expect(out.match(/data-testid="aligned-row"/g)).toHaveLength(1);
    expect(out).toContain('data-highlighted="true"');
    expect(out).toContain('aria-label="Turns 2 to 3 (highlighted)"');
    expect(out).toContain('href="/documents/memo#T2"');
    expect(out).toContain('<a href="/cite/T2-T3">Cite</a>');
  });
});
