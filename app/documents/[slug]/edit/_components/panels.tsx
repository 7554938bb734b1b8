'use client';
/**
 * The small forms an edit opens inside its row: split a row, split a
 * segment into sentences, edit or transcribe text, set status and note.
 * Each focuses its first field on open and closes on Escape.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { DIVERGENCE_KINDS, DIVERGENCE_LABELS, parseDivergenceNote, type DivergenceKind } from '@/lib/alignment/divergence';
import type { EditRowView, EditSegmentView } from '@/lib/alignment/edit-view';
import type { ConflictDetails } from '@/lib/alignment/errors';
import { ROW_STATUSES, type RowStatus } from '@/lib/alignment/statuses';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { wordDiff } from '@/lib/render/word-diff';
import { clearDraft, loadDraft, saveDraft, type Draft } from './drafts';
import { useEditor } from './editor-context';
import type { EditOpInput } from './use-edit';
import styles from './edit.module.css';

interface PanelProps {
  /** `onSaved` runs once the edit is saved (a text panel forgets its draft then). */
  onSubmit: (op: EditOpInput, onSaved?: () => void) => void;
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

/**
 * Correcting (or transcribing) one segment's text. The draft is kept in the browser until it is saved
 * (drafts.ts) and names the segment version it was typed over; when the segment has changed since (a
 * refused save, or a reload that brought a newer version), the draft and the current text are shown
 * side by side with the differing words marked, and the editor merges by hand before saving again.
 */
export function TextPanel({
  segment,
  lang,
  column,
  conflict,
  ...props
}: PanelProps & {
  segment: EditSegmentView;
  lang: string;
  column: string;
  /** The last refusal of this row's edits: a conflict carries the segment as it is now. */
  conflict: ActionError | null;
}) {
  const { slug } = useEditor();
  const [restored] = useState(() => loadDraft(slug, segment.key));
  const [draft, setDraftState] = useState<Draft>(() => {
    const text = segment.isPlaceholder ? '' : segment.text;
    return restored ?? { text, rev: segment.rev, base: text };
  });
  const fieldId = useId();
  function setDraft(next: Draft) {
    setDraftState(next);
    saveDraft(slug, segment.key, next);
  }
  const newer = currentVersion(conflict, segment.key);
  const latest = newer && newer.rev > segment.rev ? newer : { text: segment.isPlaceholder ? '' : segment.text, rev: segment.rev };
  // A newer version with the text the draft was typed over (a sentence renumbered) is no reason to merge: the server agrees.
  const stale = latest.rev !== draft.rev && latest.text !== draft.base;
  function submit(event: FormEvent) {
    event.preventDefault();
    const { text, rev: segmentRev } = draft;
    props.onSubmit(
      segment.isPlaceholder
        ? { type: 'replace-placeholder', segmentKey: segment.key, segmentRev, text }
        : { type: 'correct-text', segmentKey: segment.key, segmentRev, text },
      () => clearDraft(slug, segment.key),
    );
  }
  function cancel() {
    clearDraft(slug, segment.key);
    props.onCancel();
  }
  const title = segment.isPlaceholder ? `Transcribe the ${column} text of ${segment.ref}` : `Correct the text of ${segment.label}`;
  return (
    <Panel
      title={title}
      onSubmit={submit}
      onCancel={cancel}
      pending={props.pending}
      submitLabel={segment.isPlaceholder ? 'Save text' : 'Save correction'}
      testId="text-panel"
    >
      {restored && !stale ? (
        <p className={styles.draftNote} data-testid="draft-restored">
          Your unsaved draft was restored. Cancel discards it.
        </p>
      ) : null}
      {stale ? (
        <MergeView
          segmentRef={segment.ref}
          lang={lang}
          draft={draft}
          current={latest}
          onKeepDraft={() => setDraft({ text: draft.text, rev: latest.rev, base: latest.text })}
          onTakeCurrent={() => setDraft({ text: latest.text, rev: latest.rev, base: latest.text })}
        />
      ) : null}
      <label htmlFor={fieldId} className={styles.field}>
        <span>
          {column} text of {segment.ref} (separate paragraphs with a blank line){stale ? ': your draft' : ''}
        </span>
      </label>
      <textarea
        id={fieldId}
        className={styles.textarea}
        lang={lang}
        dir="auto"
        rows={Math.min(14, 3 + Math.ceil(draft.text.length / 70))}
        value={draft.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
      />
    </Panel>
  );
}

/** The segment's current version, when a refused save reported it. */
function currentVersion(error: ActionError | null, segmentKey: string): { text: string; rev: number } | null {
  if (error?.code !== 'conflict') return null;
  const details = error.details as ConflictDetails | undefined;
  for (const row of details?.rows ?? []) {
    for (const cell of row.cells) {
      const s = cell.segments.find((x) => x.key === segmentKey);
      if (s && typeof s.rev === 'number') return { text: s.isPlaceholder ? '' : s.text, rev: s.rev };
    }
  }
  return null;
}

function MergeView({
  segmentRef,
  lang,
  draft,
  current,
  onKeepDraft,
  onTakeCurrent,
}: {
  segmentRef: string;
  lang: string;
  draft: Draft;
  current: { text: string; rev: number };
  onKeepDraft: () => void;
  onTakeCurrent: () => void;
}) {
  const diff = useMemo(() => wordDiff(draft.text, current.text), [draft.text, current.text]);
  return (
    <div
      className={styles.merge}
      data-testid="merge-view"
      role="group"
      aria-label={`Your draft and the current text of ${segmentRef}`}
    >
      <p className={styles.mergeHead}>
        {segmentRef} changed in revision {current.rev} after you began this draft (you typed over revision {draft.rev}). Nothing of
        yours was saved over it. The words that differ are marked: merge them into your draft, then save it as a correction of revision{' '}
        {current.rev}.
      </p>
      <div className={styles.mergeSides}>
        <section data-testid="merge-draft">
          <h3 className={styles.mergeTitle}>Your draft</h3>
          <p className={styles.mergeText} lang={lang} dir="auto">
            {diff.before.map((part, i) => (part.changed ? <mark key={i}>{part.text}</mark> : part.text))}
          </p>
        </section>
        <section data-testid="merge-current">
          <h3 className={styles.mergeTitle}>Current text (revision {current.rev})</h3>
          <p className={styles.mergeText} lang={lang} dir="auto">
            {diff.after.map((part, i) => (part.changed ? <mark key={i}>{part.text}</mark> : part.text))}
          </p>
        </section>
      </div>
      <p className={styles.messageButtons}>
        <button type="button" onClick={onKeepDraft} data-action="keep-draft">
          My draft includes the current text: save it over revision {current.rev}
        </button>
        <button type="button" onClick={onTakeCurrent} data-action="take-current">
          Start again from the current text
        </button>
      </p>
    </div>
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
