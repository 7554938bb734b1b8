'use client';
/**
 * Paste or upload, then align in the browser (lib/align, in steps that
 * give the page a turn, so the progress bar moves) and save through the
 * edit action like any other edit: the server checks the operation, the
 * session and the revision it was made against.
 */
import Link from 'next/link';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { alignAsync } from '@/lib/align/align';
import { alignSourceOp, sourceSentences, type AlignSourcePlan, type SourceTextMode } from '@/lib/alignment/align-source-plan';
import type { ActionError } from '@/lib/auth/action-pipeline';
import { DomainError } from '@/lib/errors';
import { languageName } from '@/lib/render/lang';
import { editDocument } from '../actions';
import { ActionMessage } from '../_components/action-message';
import styles from '../_components/edit.module.css';
import own from './source.module.css';
import { documentPagePath } from '@/lib/citation/urls';

type Phase =
  | { kind: 'idle' }
  | { kind: 'aligning'; fraction: number; sentences: number }
  | { kind: 'saving'; sentences: number }
  | { kind: 'done'; rev: number; summary: string };

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

interface Props {
  slug: string;
  baseRev: number;
  /** Null when there is nothing (or too much) to align; the form then shows only its last result, or the refusal. */
  plan: AlignSourcePlan | null;
  refusal: string | null;
}

export function SourceTextForm({ slug, baseRev, plan, refusal }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<SourceTextMode>('turns');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<ActionError | null>(null);
  const busy = phase.kind === 'aligning' || phase.kind === 'saving';
  const fraction = phase.kind === 'aligning' ? phase.fraction : phase.kind === 'idle' ? 0 : 1;
  const status = (
    <div role="status" aria-live="polite" data-testid="align-progress-area">
      {phase.kind !== 'idle' ? (
        <p>
          <progress max={1} value={fraction} aria-label="Alignment progress" data-testid="align-progress" />{' '}
          <span data-testid="align-phase" data-phase={phase.kind}>
            {phase.kind === 'aligning'
              ? `Aligning ${phase.sentences} sentences: ${Math.round(fraction * 100)} %`
              : phase.kind === 'saving'
                ? `Aligned ${phase.sentences} sentences; saving…`
                : `Saved as revision ${phase.rev}: ${phase.summary}.`}
          </span>
        </p>
      ) : null}
      {phase.kind === 'done' ? (
        <p>
          <Link href={documentPagePath(slug, 'edit/review')} data-testid="go-review">
            Review the new rows
          </Link>
        </p>
      ) : null}
    </div>
  );
  if (!plan) {
    return (
      <div>
        {refusal ? (
          <p role="alert" data-testid="passage-too-long">
            {refusal}
          </p>
        ) : null}
        {status}
      </div>
    );
  }
  const language = languageName(plan.sourceLang);
  const current = plan;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setError({ code: 'too-large', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is 2 MiB.` });
      return;
    }
    try {
      setText(new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, ''));
      setError(null);
    } catch {
      setError({ code: 'not-text', message: `${file.name} is not UTF-8 text; save it as UTF-8 plain text and try again.` });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    let sentences;
    try {
      sentences = sourceSentences(current, text, mode);
    } catch (e) {
      if (e instanceof DomainError) return setError({ code: e.code, message: e.message });
      throw e;
    }
    setPhase({ kind: 'aligning', fraction: 0, sentences: sentences.length });
    const links = await alignAsync(sentences, current.units, {
      sourceLang: current.sourceLang,
      targetLang: current.translationLang,
      onProgress: (fraction) => setPhase({ kind: 'aligning', fraction, sentences: sentences.length }),
    });
    setPhase({ kind: 'saving', sentences: sentences.length });
    let result;
    try {
      result = await editDocument({ slug, baseRev, op: alignSourceOp(current, sentences, links) });
    } catch {
      // The action never answered (a request too large for the server, or the network).
      setPhase({ kind: 'idle' });
      return setError({
        code: 'not-saved',
        message: 'The aligned text could not be sent to the server; nothing was saved. Try a shorter passage.',
      });
    }
    if (result.ok) {
      // The action revalidates the document; this page comes back without the placeholders.
      setPhase({ kind: 'done', rev: result.data.rev, summary: result.data.summary });
    } else {
      setPhase({ kind: 'idle' });
      setError(result.error);
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className={styles.panel}
      aria-describedby={`${id}-hint`}
      data-testid="source-text-form"
    >
      <p id={`${id}-hint`}>
        Turns T{plan.turns[0]}–T{plan.turns[plan.turns.length - 1]}: {plan.turns.length} turns, {plan.units.length}{' '}
        {languageName(plan.translationLang)} sentences.
      </p>
      <fieldset>
        <legend>The text is</legend>
        <label>
          <input type="radio" name="mode" value="turns" checked={mode === 'turns'} onChange={() => setMode('turns')} /> turn by turn:
          one paragraph per turn, separated by blank lines (turns stay anchored)
        </label>
        <br />
        <label>
          <input type="radio" name="mode" value="whole" checked={mode === 'whole'} onChange={() => setMode('whole')} /> one whole text
        </label>
      </fieldset>
      <p>
        <label htmlFor={`${id}-text`}>{language} text</label>
        <br />
        <textarea
          id={`${id}-text`}
          className={own.text}
          lang={plan.sourceLang}
          rows={14}
          cols={80}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={busy}
          data-testid="source-text"
        />
      </p>
      <p>
        <label>
          Or upload a text file (UTF-8):{' '}
          <input type="file" accept=".txt,text/plain" onChange={(event) => void upload(event)} disabled={busy} />
        </label>
      </p>
      <p>
        <button type="submit" disabled={busy || !text.trim()} data-testid="align-submit">
          Align and replace the placeholders
        </button>
      </p>
      {status}
      <ActionMessage error={error} onDismiss={() => setError(null)} />
    </form>
  );
}
