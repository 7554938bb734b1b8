'use client';
/**
 * The small forms an edit opens inside its row: split a row, split a
 * segment into sentences, edit or transcribe text, set status and note.
 * Each focuses its first field on open and closes on Escape.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { DIVERGENCE_KINDS, DIVERGENCE_LABELS, parseDivergenceNote, type DivergenceKind } from '@/lib/alignment/divergence';
import type { EditRowView, EditSegmentView } from '@/lib/alignment/edit-view';
import { ROW_STATUSES, type RowStatus } from '@/lib/alignment/statuses';
import type { EditOpInput } from './use-edit';
import styles from './edit.module.css';

interface PanelProps {
  onSubmit: (op: EditOpInput) => void;
  onCancel: () => void;
  pending: boolean;
}

function Panel({
  title,
  onSubmit,
  onCancel,
  pending,
  submitLabel,
  children,
  testId,
}: {
  title: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  }
  return (
    <form ref={ref} className={styles.panel} aria-labelledby={titleId} onSubmit={onSubmit} onKeyDown={onKeyDown} data-testid={testId}>
      <p id={titleId} className={styles.panelTitle}>
        {title}
      </p>
      {children}
      <p className={styles.panelButtons}>
        <button type="submit" aria-busy={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel <kbd aria-hidden="true">Esc</kbd>
        </button>
      </p>
    </form>
  );
}

export function SplitRowPanel({ row, ...props }: PanelProps & { row: EditRowView }) {
  // Default: where a column has several segments, the second row starts at its second one.
  const [starts, setStarts] = useState<Record<number, string>>(() =>
    Object.fromEntries(row.columns.map((c) => [c.witnessId, c.segments[1]?.key ?? ''])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = row.columns.flatMap((c) =>
      starts[c.witnessId] ? [{ witnessId: c.witnessId, segmentKey: starts[c.witnessId]! }] : [],
    );
    if (!chosen.length) {
      setProblem('Choose, in at least one column, the segment the second row starts with.');
      return;
    }
    props.onSubmit({ type: 'split-row', rowKey: row.key, starts: chosen });
  }
  return (
    <Panel
      title={`Split row ${row.label}`}
      onSubmit={submit}
      onCancel={props.onCancel}
      pending={props.pending}
      submitLabel="Split row"
      testId="split-row-panel"
    >
      {row.columns.map((c) => (
        <label key={c.witnessId} className={styles.field}>
          <span>{c.column}: the second row starts with</span>
          <select value={starts[c.witnessId] ?? ''} onChange={(e) => setStarts({ ...starts, [c.witnessId]: e.target.value })}>
            <option value="">nothing (all stay in the first row)</option>
            {c.segments.map((s) => (
              <option key={s.key} value={s.key}>
                {s.ref}: {s.isPlaceholder ? 'placeholder' : snippet(s.text)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {problem ? <p className={styles.inlineProblem}>{problem}</p> : null}
    </Panel>
  );
}

export function SplitSegmentPanel({ segment, lang, ...props }: PanelProps & { segment: EditSegmentView; lang: string }) {
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(segment.proposals.map((p) => p.offset)));
  const [extra, setExtra] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const offsets = new Set(chosen);
    if (extra.trim()) {
      const n = Number(extra);
      if (!Number.isInteger(n) || n <= 0 || n >= segment.text.length) {
        setProblem(`The position must be a whole number between 1 and ${segment.text.length - 1}.`);
        return;
      }
      offsets.add(n);
    }
    if (!offsets.size) {
      setProblem('Choose at least one place to split.');
      return;
    }
    props.onSubmit({ type: 'split-segment', segmentKey: segment.key, offsets: [...offsets].sort((a, b) => a - b) });
  }
  return (
    <Panel
      title={`Split ${segment.label} into sentences`}
      onSubmit={submit}
      onCancel={props.onCancel}
      pending={props.pending}
      submitLabel="Split"
      testId="split-segment-panel"
    >
      {segment.proposals.length ? (
        <fieldset className={styles.fieldset}>
          <legend>Start a new segment before</legend>
          {segment.proposals.map((p) => (
            <label key={p.offset} className={styles.check}>
              <input
                type="checkbox"
                checked={chosen.has(p.offset)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(p.offset);
                  else next.delete(p.offset);
                  setChosen(next);
                }}
              />
              <span lang={lang}>“{p.preview}”</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p>No sentence boundary was found in this text; give a position instead.</p>
      )}
      <label className={styles.field}>
        <span>Also split at character position (optional, 1–{segment.text.length - 1})</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={segment.text.length - 1}
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
        />
      </label>
      {problem ? <p className={styles.inlineProblem}>{problem}</p> : null}
    </Panel>
  );
}

export function TextPanel({
  segment,
  lang,
  column,
  ...props
}: PanelProps & { segment: EditSegmentView; lang: string; column: string }) {
  const [text, setText] = useState(segment.isPlaceholder ? '' : segment.text);
  const fieldId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(
      segment.isPlaceholder
        ? { type: 'replace-placeholder', segmentKey: segment.key, text }
        : { type: 'correct-text', segmentKey: segment.key, text },
    );
  }
  const title = segment.isPlaceholder ? `Transcribe the ${column} text of ${segment.ref}` : `Correct the text of ${segment.label}`;
  return (
    <Panel
      title={title}
      onSubmit={submit}
      onCancel={props.onCancel}
      pending={props.pending}
      submitLabel={segment.isPlaceholder ? 'Save text' : 'Save correction'}
      testId="text-panel"
    >
      <label htmlFor={fieldId} className={styles.field}>
        <span>
          {column} text of {segment.ref} (separate paragraphs with a blank line)
        </span>
      </label>
      <textarea
        id={fieldId}
        className={styles.textarea}
        lang={lang}
        rows={Math.min(14, 3 + Math.ceil(text.length / 70))}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </Panel>
  );
}

export function NotePanel({ row, ...props }: PanelProps & { row: EditRowView }) {
  const initial = parseDivergenceNote(row.note);
  const [status, setStatus] = useState<RowStatus>(row.status);
  const [kind, setKind] = useState<DivergenceKind | ''>(initial?.kind ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit({ type: 'set-row-status', rowKey: row.key, status, note: kind ? { kind, text } : null });
  }
  return (
    <Panel
      title={`Status and note of row ${row.label}`}
      onSubmit={submit}
      onCancel={props.onCancel}
      pending={props.pending}
      submitLabel="Save"
      testId="note-panel"
    >
      <fieldset className={styles.fieldset}>
        <legend>Alignment status</legend>
        {ROW_STATUSES.map((s) => (
          <label key={s} className={styles.check}>
            <input type="radio" name="status" value={s} checked={status === s} onChange={() => setStatus(s)} /> {s}
          </label>
        ))}
      </fieldset>
      <label className={styles.field}>
        <span>Divergence</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as DivergenceKind | '')}>
          <option value="">none (no note)</option>
          {DIVERGENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {DIVERGENCE_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Note (optional)</span>
        <input type="text" value={text} disabled={!kind} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      </label>
    </Panel>
  );
}

function snippet(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 50 ? `${t.slice(0, 48)}…` : t;
}
