'use client';
/**
 * Linking words of a passage. Every word is a toggle button (aria-pressed:
 * selected); in a row, ←/→ step word by word (Shift extends the selection),
 * Space selects, Enter links the selected source and translation words
 * (a link sharing any of them is replaced: that is how a link is extended
 * or split), Delete unlinks the focused word's link, A accepts its
 * suggestion, Escape clears the selection. The mouse: click selects,
 * shift-click extends from the last word clicked, dragging across words
 * selects them. The passage's suggestions are asked for, accepted,
 * rejected or cleared at once. Every action is one revision.
 */
import { useRef, useState, useTransition, type KeyboardEvent, type PointerEvent } from 'react';
import type { z } from 'zod';
import type { ActionError } from '@/lib/auth/action-pipeline';
import type { wordLinkOpSchema } from '@/lib/alignment/op-schema';
import type { RowWordsPayload } from '@/lib/word-links/payload';
import { ActionMessage } from '../_components/action-message';
import { useEditor } from '../_components/editor-context';
import { editWordLinks } from './actions';
import styles from './words.module.css';

export interface WordEditorRow {
  key: string;
  label: string;
  links: RowWordsPayload['links'];
  cells: {
    witnessId: number;
    lang: string;
    label: string;
    side: 'source' | 'target';
    segments: { key: string; text: string; words: [number, number, string][] }[];
  }[];
}

type Op = z.input<typeof wordLinkOpSchema>;
interface WordRef {
  id: string;
  segmentKey: string;
  start: number;
  end: number;
  side: 'source' | 'target';
}

export function WordEditor({ rows }: { rows: WordEditorRow[] }) {
  const { slug, baseRev, announce } = useEditor();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [selection, setSelection] = useState<{ row: string; ids: string[] }>({ row: '', ids: [] });
  const [focused, setFocused] = useState<{ row: string; id: string } | null>(null);
  const anchor = useRef<string | null>(null);
  const dragging = useRef(false);

  const wordsOf = (row: WordEditorRow): WordRef[] =>
    row.cells.flatMap((c) =>
      c.segments.flatMap((s) =>
        s.words.map(([start, end]) => ({ id: `${s.key}:${start}`, segmentKey: s.key, start, end, side: c.side })),
      ),
    );
  const linksOf = (row: WordEditorRow, id: string) =>
    row.links.filter((l) => [...l.source, ...l.target].some(([k, start]) => `${k}:${start}` === id));

  function run(op: Op, after?: () => void) {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      const result = await editWordLinks({ slug, baseRev, op });
      if (result.ok) {
        announce(`Saved as revision ${result.data.rev}: ${result.data.summary}.`);
        after?.();
      } else setError(result.error);
    });
  }

  function select(row: string, ids: string[], mode: 'toggle' | 'add' | 'set') {
    setSelection((current) => {
      const base = current.row === row ? current.ids : [];
      if (mode === 'set') return { row, ids };
      if (mode === 'add') return { row, ids: [...new Set([...base, ...ids])] };
      const id = ids[0]!;
      return { row, ids: base.includes(id) ? base.filter((x) => x !== id) : [...base, id] };
    });
  }

  function between(row: WordEditorRow, a: string, b: string): string[] {
    const all = wordsOf(row).map((w) => w.id);
    const [i, j] = [all.indexOf(a), all.indexOf(b)].sort((x, y) => x - y);
    return i! < 0 ? [b] : all.slice(i, j! + 1);
  }

  function link(row: WordEditorRow) {
    const words = wordsOf(row);
    const chosen = words.filter((w) => selection.row === row.key && selection.ids.includes(w.id));
    const source = chosen.filter((w) => w.side === 'source');
    const target = chosen.filter((w) => w.side === 'target');
    if (!source.length || !target.length) {
      announce('Select at least one source word and one translation word, then press Enter.');
      return;
    }
    const token = (w: WordRef) => ({ segmentKey: w.segmentKey, start: w.start, end: w.end });
    run({ type: 'link-words', rowKey: row.key, sourceTokens: source.map(token), targetTokens: target.map(token) }, () =>
      setSelection({ row: '', ids: [] }),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, row: WordEditorRow, id: string) {
    const words = wordsOf(row);
    const index = words.findIndex((w) => w.id === id);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      event.preventDefault();
      const next = words[Math.max(0, Math.min(words.length - 1, index + step))]!;
      document.getElementById(wordDomId(row.key, next.id))?.focus();
      if (event.shiftKey) select(row.key, [id, next.id], 'add');
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      link(row);
    } else if (event.key === ' ') {
      event.preventDefault();
      select(row.key, [id], 'toggle');
      anchor.current = id;
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const linked = linksOf(row, id);
      if (linked.length) run({ type: 'unlink-words', rowKey: row.key, linkKeys: linked.map((l) => l.key) });
      else announce('This word has no link to remove.');
    } else if (event.key === 'a' || event.key === 'A') {
      const suggested = linksOf(row, id).find((l) => l.status === 's');
      if (!suggested) return;
      event.preventDefault();
      const token = ([segmentKey, start]: [string, number]) => ({
        segmentKey,
        start,
        end: words.find((w) => w.id === `${segmentKey}:${start}`)!.end,
      });
      run({
        type: 'link-words',
        rowKey: row.key,
        sourceTokens: suggested.source.map(token),
        targetTokens: suggested.target.map(token),
      });
    } else if (event.key === 'Escape') {
      setSelection({ row: '', ids: [] });
    }
  }

  function onPointerDown(event: PointerEvent<HTMLButtonElement>, row: WordEditorRow, id: string) {
    if (event.button !== 0) return;
    dragging.current = true;
    if (event.shiftKey && anchor.current) select(row.key, between(row, anchor.current, id), 'add');
    else {
      select(row.key, [id], 'toggle');
      anchor.current = id;
    }
  }

  const passageRows = rows.map((r) => r.key);
  const focusedPartners = new Set(
    focused
      ? (rows
          .find((r) => r.key === focused.row)
          ?.links.filter((l) => [...l.source, ...l.target].some(([k, s]) => `${k}:${s}` === focused.id))
          .flatMap((l) => [...l.source, ...l.target].map(([k, s]) => `${k}:${s}`)) ?? [])
      : [],
  );

  return (
    <div className={styles.editor} onPointerUp={() => (dragging.current = false)} onPointerLeave={() => (dragging.current = false)}>
      <div className={styles.toolbar} role="group" aria-label="Suggestions for this passage">
        <button type="button" aria-busy={pending} onClick={() => run({ type: 'suggest-links', rowKeys: passageRows })}>
          Suggest links
        </button>
        <button
          type="button"
          aria-busy={pending}
          onClick={() => run({ type: 'review-links', rowKeys: passageRows, action: 'accept' })}
        >
          Accept all suggestions
        </button>
        <button
          type="button"
          aria-busy={pending}
          onClick={() => run({ type: 'review-links', rowKeys: passageRows, action: 'reject' })}
        >
          Reject all suggestions
        </button>
        <button type="button" aria-busy={pending} onClick={() => run({ type: 'review-links', rowKeys: passageRows, action: 'clear' })}>
          Clear all links
        </button>
      </div>
      <p className={styles.help} id="word-editor-help">
        In a row: <kbd>←</kbd>/<kbd>→</kbd> word by word (<kbd>Shift</kbd> extends), <kbd>Space</kbd> select, <kbd>Enter</kbd> link the
        selected words, <kbd>Delete</kbd> unlink, <kbd>A</kbd> accept a suggestion, <kbd>Esc</kbd> clear the selection. With the mouse:
        click, shift-click or drag across words.
      </p>
      <ActionMessage error={error} onDismiss={() => setError(null)} />
      {rows.map((row) => {
        const words = wordsOf(row);
        const tabStop = focused?.row === row.key ? focused.id : words[0]?.id;
        return (
          <section key={row.key} className={styles.row} aria-label={`Row ${row.label}`} data-testid="word-row" data-row-key={row.key}>
            <h2 className={styles.rowLabel}>{row.label}</h2>
            <div className={styles.cells}>
              {row.cells.map((cell) => (
                <div key={cell.witnessId} className={styles.cell} lang={cell.lang} data-side={cell.side}>
                  <h3 className={styles.cellLabel} lang="en">
                    {cell.label}
                  </h3>
                  {cell.segments.map((segment) => (
                    <p key={segment.key}>
                      {segment.words.length === 0 ? (
                        <span className={styles.none} lang="en">
                          No text to link yet.
                        </span>
                      ) : (
                        pieces(segment).map((piece) => {
                          if (typeof piece === 'string') return piece;
                          const id = `${segment.key}:${piece.start}`;
                          const linked = linksOf(row, id);
                          const number = linked.map((l) => row.links.indexOf(l) + 1);
                          const status = linked.some((l) => l.status === 'a') ? 'accepted' : linked.length ? 'suggested' : undefined;
                          const selected = selection.row === row.key && selection.ids.includes(id);
                          return (
                            <button
                              key={id}
                              id={wordDomId(row.key, id)}
                              type="button"
                              className={styles.word}
                              data-word={piece.text}
                              data-status={status}
                              data-partner={focusedPartners.has(id) && focused?.id !== id ? 'true' : undefined}
                              aria-pressed={selected}
                              aria-describedby="word-editor-help"
                              tabIndex={id === tabStop ? 0 : -1}
                              onFocus={() => setFocused({ row: row.key, id })}
                              onKeyDown={(e) => onKeyDown(e, row, id)}
                              onPointerDown={(e) => onPointerDown(e, row, id)}
                              onPointerEnter={() =>
                                dragging.current && anchor.current && select(row.key, between(row, anchor.current, id), 'add')
                              }
                              onClick={(e) => e.preventDefault()}
                            >
                              {piece.text}
                              {number.length ? (
                                <sup aria-hidden="true">
                                  {number.join(',')}
                                  {status === 'suggested' ? '?' : ''}
                                </sup>
                              ) : null}
                              {number.length ? <span className="sr-only">{` (link ${number.join(', ')}, ${status})`}</span> : null}
                            </button>
                          );
                        })
                      )}
                    </p>
                  ))}
                </div>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function wordDomId(rowKey: string, id: string): string {
  return `w-${rowKey}-${id.replace(':', '-')}`;
}

/** The segment's text as plain runs and words, in order. */
function pieces(segment: { text: string; words: [number, number, string][] }): (string | { start: number; text: string })[] {
  const out: (string | { start: number; text: string })[] = [];
  let at = 0;
  for (const [start, end, text] of segment.words) {
    if (start > at) out.push(segment.text.slice(at, start));
    out.push({ start, text });
    at = end;
  }
  if (at < segment.text.length) out.push(segment.text.slice(at));
  return out;
}
