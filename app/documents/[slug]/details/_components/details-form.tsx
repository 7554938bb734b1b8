'use client';
/** The document-details form: every field as it is now; saving makes one revision (undoable, in the history). */
import Link from 'next/link';
import { useActionState } from 'react';
import type { DocumentMetadataFields } from '@/lib/document/bundle';
import { editDetails } from '../actions';
import styles from '@/app/_components/forms.module.css';
import { documentPagePath, documentPath } from '@/lib/citation/urls';

export interface DetailsFormProps {
  slug: string;
  rev: number;
  details: Omit<DocumentMetadataFields, 'isExcerpt' | 'frontMatter'>;
  witnesses: { id: number; lang: string; label: string; role: string }[];
}

export function DetailsForm({ slug, rev, details, witnesses }: DetailsFormProps) {
  const [result, action, pending] = useActionState(editDetails, null);
  const baseRev = result?.ok ? result.data.rev : rev;
  const text = (name: keyof DetailsFormProps['details'], label: string, hint?: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input name={name} defaultValue={(details[name] as string | null) ?? ''} />
      {hint ? <small>{hint}</small> : null}
    </label>
  );
  return (
    <form action={action} className={styles.form} aria-labelledby="details-heading" data-testid="details-form">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="baseRev" value={baseRev} />
      {text('title', 'Title')}
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Date</span>
          <input name="date" type="date" defaultValue={details.date ?? ''} />
        </label>
        {text('place', 'Place')}
      </div>
      <label className={styles.field}>
        <span>Participants</span>
        <textarea
          name="participants"
          defaultValue={details.participants.join('\n')}
          rows={4}
          style={{ minHeight: '6rem' }}
          data-testid="details-participants"
        />
        <small>One name a line, as citations should give them.</small>
      </label>
      {text('archiveRef', 'Archive reference')}
      <div className={styles.row}>
        {text('translator', 'Translator')}
        {text('publisher', 'Publisher')}
      </div>
      <label className={styles.field}>
        <span>Source note</span>
        <textarea name="sourceNote" defaultValue={details.sourceNote ?? ''} rows={3} style={{ minHeight: '5rem' }} />
      </label>
      {witnesses.map((w) => (
        <fieldset key={w.id} className={styles.field}>
          <legend>
            Column: {w.label} ({w.role})
          </legend>
          <input type="hidden" name="witnessId" value={w.id} />
          <div className={styles.row}>
            <label className={styles.field}>
              <span>Language (BCP 47)</span>
              <input name="lang" defaultValue={w.lang} />
            </label>
            <label className={styles.field}>
              <span>Label</span>
              <input name="label" defaultValue={w.label} />
            </label>
          </div>
        </fieldset>
      ))}
      <div className={styles.buttons}>
        <button type="submit" className={`${styles.button} ${styles.primary}`} disabled={pending}>
          {pending ? 'Saving…' : 'Save details'}
        </button>
        <Link href={documentPath(slug)}>Back to the document</Link>
      </div>
      <div role="status" aria-live="polite" data-testid="details-result">
        {result?.ok ? (
          <p className={styles.ok}>
            Saved as revision {result.data.rev}: {result.data.summary}. <Link href={documentPagePath(slug, 'history')}>History</Link>
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className={styles.error} data-testid="details-error">
            {result.error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
