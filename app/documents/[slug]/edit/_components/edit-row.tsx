'use client';
/**
 * One row of the edit grid: the reader's row layout (margin, one cell per
 * column) with the row's controls in the margin, each segment's controls
 * under its text, and the open form and any error below the row. Every
 * control is a button (mouse, Tab); edit-keyboard.tsx maps shortcuts to them.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { parseDivergenceNote } from '@/lib/alignment/divergence';
import type { EditRowView, EditSegmentView } from '@/lib/alignment/edit-view';
import { ActionMessage } from './action-message';
import { loadDraft } from './drafts';
import { useEditor } from './editor-context';
import { NotePanel, SplitRowPanel, SplitSegmentPanel, TextPanel } from './panels';
import { useEdit } from './use-edit';
import styles from './edit.module.css';

type OpenPanel =
  | { kind: 'split-row' }
  | { kind: 'note' }
  | { kind: 'text'; segment: EditSegmentView; lang: string; column: string }
  | { kind: 'split-segment'; segment: EditSegmentView; lang: string };

const STATUS_GLYPH = { auto: '◇', unverified: '?', verified: '✓' } as const;

export function EditRow({ row, rendered }: { row: EditRowView; rendered: Record<string, ReactNode> }) {
  const [panel, setPanel] = useState<OpenPanel | null>(null);
  const { pending, error, run, clearError } = useEdit();
  const rowRef = useRef<HTMLDivElement>(null);
  const label = row.label;

  function submit(op: Parameters<typeof run>[0], onSaved?: () => void) {
    run(op, () => {
      onSaved?.();
      setPanel(null);
      rowRef.current?.focus();
    });
  }
  function close() {
    setPanel(null);
    rowRef.current?.focus();
  }
  const verified = row.status === 'verified';
  // Segments with a draft kept in this browser (read after hydration: the server cannot know them).
  const { slug } = useEditor();
  const [drafts, setDrafts] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const keys = row.columns.flatMap((c) => c.segments.map((s) => s.key)).filter((k) => loadDraft(slug, k));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    setDrafts((previous) => (keys.length === 0 && previous.size === 0 ? previous : new Set(keys)));
  }, [row, slug, panel]);

  return (
    <div
      ref={rowRef}
      id={row.anchor}
      className={`aligned-row ${styles.row}`}
      data-testid="edit-row"
      data-row-key={row.key}
      data-refs={row.refs.join(' ')}
      data-status={row.status}
      role="group"
      aria-label={`Row ${label}`}
      aria-busy={pending}
      tabIndex={0}
    >
      {row.extraAnchors.map((a) => (
        <span key={a} id={a} className="row-anchor" />
      ))}
      <div className="row-margin">
        <span className="row-ref">{label}</span>
        <span className="row-status" data-status={row.status} title={`Alignment ${row.status}`}>
          <span aria-hidden="true">{STATUS_GLYPH[row.status]}</span> <span className={styles.statusWord}>{row.status}</span>
        </span>
        <div className={styles.rowTools} role="group" aria-label={`Edit row ${label}`}>
          <button
            type="button"
            data-action="merge-next"
            aria-keyshortcuts="m"
            disabled={!row.nextRowKey}
            onClick={() => row.nextRowKey && run({ type: 'merge-rows', rowKey: row.key, nextRowKey: row.nextRowKey })}
          >
            Merge with next<span className="sr-only"> row (row {label})</span> <kbd aria-hidden="true">m</kbd>
          </button>
          <button
            type="button"
            data-action="split-row"
            aria-keyshortcuts="s"
            aria-expanded={panel?.kind === 'split-row'}
            onClick={() => setPanel({ kind: 'split-row' })}
          >
            Split row…<span className="sr-only"> {label}</span> <kbd aria-hidden="true">s</kbd>
          </button>
          <button
            type="button"
            data-action="verify"
            aria-keyshortcuts="v"
            aria-pressed={verified}
            onClick={() =>
              run({
                type: 'set-row-status',
                rowKey: row.key,
                status: verified ? 'unverified' : 'verified',
                note: parseDivergenceNote(row.note),
              })
            }
          >
            Verified<span className="sr-only"> (row {label})</span> <kbd aria-hidden="true">v</kbd>
          </button>
          <button
            type="button"
            data-action="note"
            aria-keyshortcuts="n"
            aria-expanded={panel?.kind === 'note'}
            onClick={() => setPanel({ kind: 'note' })}
          >
            Status &amp; note…<span className="sr-only"> (row {label})</span> <kbd aria-hidden="true">n</kbd>
          </button>
        </div>
      </div>
      <div className="row-cells">
        {row.columns.map((column) => {
          const first = column.segments[0];
          const where = `${column.column} column of row ${label}`;
          return (
            <div
              key={column.witnessId}
              className={`cell ${styles.cell}`}
              lang={column.lang}
              data-witness-id={column.witnessId}
              tabIndex={-1}
            >
              <span className={styles.cellName} lang="en" aria-hidden="true">
                {column.column}
              </span>
              {column.segments.length === 0 ? (
                <p className="omission" lang="en">
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">No {column.column} text in this row</span>
                </p>
              ) : (
                column.segments.map((segment) => (
                  <div
                    key={segment.key}
                    className={styles.segment}
                    data-testid="edit-segment"
                    data-segment-key={segment.key}
                    data-ref={segment.ref}
                    data-placeholder={segment.isPlaceholder || undefined}
                  >
                    <span className={styles.segmentRef} lang="en">
                      {segment.ref}
                    </span>
                    {rendered[segment.key]}
                    <div className={styles.segmentTools} lang="en" role="group" aria-label={`Edit ${segment.label}`}>
                      <button
                        type="button"
                        data-action="edit-text"
                        aria-keyshortcuts="e"
                        onClick={() => setPanel({ kind: 'text', segment, lang: column.lang, column: column.column })}
                      >
                        {segment.isPlaceholder ? 'Transcribe…' : 'Edit text…'}
                        <span className="sr-only"> {segment.label}</span>
                      </button>
                      {drafts.has(segment.key) && !(panel?.kind === 'text' && panel.segment.key === segment.key) ? (
                        <span className={styles.draftMarker} data-testid="draft-marker">
                          unsaved draft
                        </span>
                      ) : null}
                      {segment.isPlaceholder ? null : (
                        <button
                          type="button"
                          data-action="split-segment"
                          aria-keyshortcuts="t"
                          onClick={() => setPanel({ kind: 'split-segment', segment, lang: column.lang })}
                        >
                          Split text…<span className="sr-only"> {segment.label}</span>
                        </button>
                      )}
                      {segment.mergeNextKey ? (
                        <button
                          type="button"
                          data-action="merge-segment"
                          onClick={() =>
                            run({ type: 'merge-segments', segmentKey: segment.key, nextSegmentKey: segment.mergeNextKey! })
                          }
                        >
                          Join with next sentence<span className="sr-only"> ({segment.label})</span>
                        </button>
                      ) : null}
                    </div>
                  </div>
                ))
              )}
              <div className={styles.moveTools} lang="en" role="group" aria-label={`Move the boundary in the ${where}`}>
                <button
                  type="button"
                  data-action="move-up"
                  aria-keyshortcuts="["
                  disabled={!first || !row.prevRowKey}
                  onClick={() => run({ type: 'move-boundary', rowKey: row.key, witnessId: column.witnessId, direction: 'up' })}
                >
                  <span aria-hidden="true">↑</span> First up<span className="sr-only"> into the previous row ({where})</span>{' '}
                  <kbd aria-hidden="true">[</kbd>
                </button>
                <button
                  type="button"
                  data-action="move-down"
                  aria-keyshortcuts="]"
                  disabled={!first || !row.nextRowKey}
                  onClick={() => run({ type: 'move-boundary', rowKey: row.key, witnessId: column.witnessId, direction: 'down' })}
                >
                  <span aria-hidden="true">↓</span> Last down<span className="sr-only"> into the next row ({where})</span>{' '}
                  <kbd aria-hidden="true">]</kbd>
                </button>
              </div>
            </div>
          );
        })}
        {row.note ? (
          <p className="row-note">
            <span className="row-note-label">Note</span> <bdi>{row.note}</bdi>
          </p>
        ) : null}
      </div>
      <div className={styles.rowPanel} lang="en">
        {panel?.kind === 'split-row' ? <SplitRowPanel row={row} onSubmit={submit} onCancel={close} pending={pending} /> : null}
        {panel?.kind === 'note' ? <NotePanel row={row} onSubmit={submit} onCancel={close} pending={pending} /> : null}
        {panel?.kind === 'text' ? (
          <TextPanel
            key={panel.segment.key}
            segment={currentSegment(row, panel.segment)}
            lang={panel.lang}
            column={panel.column}
            conflict={error}
            onSubmit={submit}
            onCancel={close}
            pending={pending}
          />
        ) : null}
        {panel?.kind === 'split-segment' ? (
          <SplitSegmentPanel
            key={panel.segment.key}
            segment={panel.segment}
            lang={panel.lang}
            onSubmit={submit}
            onCancel={close}
            pending={pending}
          />
        ) : null}
        <ActionMessage error={error} onDismiss={clearError} />
      </div>
    </div>
  );
}

/** The open panel's segment as the page shows it now (a reload may have brought a newer version). */
function currentSegment(row: EditRowView, opened: EditSegmentView): EditSegmentView {
  for (const column of row.columns) {
    const found = column.segments.find((s) => s.key === opened.key);
    if (found) return found;
  }
  return opened;
}
