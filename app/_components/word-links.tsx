'use client';

import { documentPagePath } from '@/lib/citation/urls';
import { useEffect, useState } from 'react';
import type { RowWordsPayload } from '@/lib/word-links/payload';

/**
 * Progressive enhancement of the reader: hovering a word, or stepping word
 * by word with ←/→ in a focused row, highlights the words linked to it in
 * the other columns and says so in a status line that screen readers
 * announce ("“must” (English): linked to “должны” (Russian), accepted").
 * Highlights use the CSS Custom Highlight API over ranges of the page's own
 * text, so the server's markup is never rewritten, and a browser without
 * the API (or without JavaScript) reads the page as before. A row's words
 * and links are fetched only when the row is first hovered or focused.
 */

interface Spot {
  id: string;
  range: Range;
  text: string;
  lang: string;
  cell: Element;
}

interface RowModel {
  spots: Spot[];
  links: Map<string, { status: 'a' | 's'; ids: string[] }[]>;
}

const STATUS_ID = 'word-link-status';
const SKIP = '.sr-only, [aria-hidden="true"], .speaker';

/**
 * `columns`: the witness ids of the grid's cells, in order (as AlignedGrid
 * renders them), so a cell's words are found without ids in the markup.
 */
export function WordLinks({ slug, rev, columns }: { slug: string; rev: number; columns: readonly number[] }) {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (typeof Highlight === 'undefined' || !CSS.highlights) return;
    const highlights = CSS.highlights;
    const HighlightClass = Highlight;
    const models = new Map<string, Promise<RowModel | null>>();
    let active: { row: HTMLElement; index: number } | null = null;
    const names = new Intl.DisplayNames(['en'], { type: 'language' });

    function modelOf(row: HTMLElement): Promise<RowModel | null> {
      const key = row.id;
      let model = models.get(key);
      if (!model) {
        model = fetch(documentPagePath(slug, 'word-links', `row=${encodeURIComponent(key)}&rev=${rev}`))
          .then((r) => (r.ok ? r.json() : null))
          .then((body: { row: RowWordsPayload } | null) => (body ? buildModel(row, body.row, columns) : null))
          .catch(() => null);
        models.set(key, model);
      }
      return model;
    }

    function show(row: HTMLElement, model: RowModel, index: number) {
      const spot = model.spots[index];
      if (!spot) return;
      active = { row, index };
      const linked = model.links.get(spot.id) ?? [];
      const byId = new Map(model.spots.map((s) => [s.id, s]));
      const accepted: Range[] = [];
      const suggested: Range[] = [];
      const parts: string[] = [];
      for (const link of linked) {
        const others = link.ids.filter((id) => id !== spot.id).flatMap((id) => byId.get(id) ?? []);
        (link.status === 'a' ? accepted : suggested).push(...others.map((o) => o.range));
        const across = others.filter((o) => o.cell !== spot.cell);
        if (across.length) {
          const lang = names.of(across[0]!.lang) ?? across[0]!.lang;
          parts.push(`“${across.map((o) => o.text).join(' ')}” (${lang}), ${link.status === 'a' ? 'accepted' : 'suggested'}`);
        }
      }
      highlights.set('word-current', new HighlightClass(spot.range));
      highlights.set('word-linked', new HighlightClass(...accepted));
      highlights.set('word-suggested', new HighlightClass(...suggested));
      row.setAttribute('aria-describedby', STATUS_ID);
      const lang = names.of(spot.lang) ?? spot.lang;
      setMessage(`“${spot.text}” (${lang}): ${parts.length ? `linked to ${parts.join('; ')}` : 'no word link'}.`);
    }

    function clear() {
      if (active) active.row.removeAttribute('aria-describedby');
      active = null;
      for (const name of ['word-current', 'word-linked', 'word-suggested']) highlights.delete(name);
      setMessage('');
    }

    let frame = 0;
    function onPointerMove(event: PointerEvent) {
      if (frame) return;
      frame = requestAnimationFrame(() => void onFrame(event));
    }

    async function onFrame(event: PointerEvent) {
      {
        frame = 0;
        const target = event.target as Element | null;
        const row = target?.closest<HTMLElement>('.aligned-row');
        if (!row || !target?.closest('.cell-body')) {
          if (active && !active.row.contains(document.activeElement)) clear();
          return;
        }
        const model = await modelOf(row);
        const caret = caretAt(event.clientX, event.clientY);
        if (!model || !caret) return;
        const index = model.spots.findIndex(
          (s) => s.range.isPointInRange(caret.node, caret.offset) && caret.offset < endOffset(s.range, caret.node),
        );
        if (index >= 0 && (active?.row !== row || active.index !== index)) show(row, model, index);
      }
    }

    async function onKeyDown(event: KeyboardEvent) {
      const row = event.target as HTMLElement | null;
      if (!row?.classList?.contains('aligned-row') || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'Escape' && active) {
        clear();
        return;
      }
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      const model = await modelOf(row);
      if (!model?.spots.length) {
        setMessage('This passage has no words to step through.');
        return;
      }
      const from = active?.row === row ? active.index + step : step > 0 ? 0 : model.spots.length - 1;
      show(row, model, Math.max(0, Math.min(model.spots.length - 1, from)));
    }

    function onFocusIn(event: FocusEvent) {
      const row = (event.target as Element | null)?.closest<HTMLElement>('.aligned-row');
      if (active && active.row !== row) clear();
      if (row) void modelOf(row);
    }

    document.addEventListener('pointermove', onPointerMove);
    const onKey = (event: KeyboardEvent) => void onKeyDown(event);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('pointermove', onPointerMove);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      clear();
    };
  }, [slug, rev, columns]);

  return (
    <p id={STATUS_ID} className="word-link-status" role="status" aria-live="polite" data-empty={message ? undefined : 'true'}>
      {message}
    </p>
  );
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function endOffset(range: Range, node: Node): number {
  return range.endContainer === node ? range.endOffset : Number.MAX_SAFE_INTEGER;
}

/**
 * The row's words as ranges of the page's text. Each cell is a column
 * (`columns`), each `.segment` block in it one run of the payload's segment
 * keys; a run's words are found in order in its block's rendered text.
 */
function buildModel(row: HTMLElement, data: RowWordsPayload, columns: readonly number[]): RowModel {
  const spots: Spot[] = [];
  row.querySelectorAll(':scope > .row-cells > .cell').forEach((cell, column) => {
    const lang = cell.getAttribute('lang') ?? 'und';
    const runs = data.runs[columns[column] ?? -1] ?? [];
    cell.querySelectorAll(':scope > .cell-body > .segment').forEach((block, index) => {
      const keys = runs[index] ?? [];
      if (!keys.some((k) => data.words[k]?.length)) return;
      const nodes: { node: Text; at: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest(SKIP)) continue;
        nodes.push({ node, at: text.length });
        text += node.data;
      }
      const place = (range: Range, offset: number, edge: 'start' | 'end') => {
        const n = nodes.findLast((x) => (edge === 'start' ? x.at <= offset : x.at < offset))!;
        if (edge === 'start') range.setStart(n.node, offset - n.at);
        else range.setEnd(n.node, offset - n.at);
      };
      let cursor = 0;
      for (const key of keys) {
        for (const [start, , word] of data.words[key] ?? []) {
          const at = text.indexOf(word, cursor);
          if (at < 0) continue;
          cursor = at + word.length;
          const range = document.createRange();
          place(range, at, 'start');
          place(range, at + word.length, 'end');
          spots.push({ id: `${key}:${start}`, range, text: word, lang, cell });
        }
      }
    });
  });
  const links: RowModel['links'] = new Map();
  for (const link of data.links) {
    const ids = [...link.source, ...link.target].map(([k, start]) => `${k}:${start}`);
    for (const id of ids) links.set(id, [...(links.get(id) ?? []), { status: link.status, ids }]);
  }
  return { spots, links };
}
