'use client';
/**
 * The upload form: choose a file (its text is read in the browser and
 * shown, editable), preview what the import will make, fix what the
 * warnings point at, preview again, import. Nothing is saved until Import.
 */
import Link from 'next/link';
import { useActionState, useState } from 'react';
import type { ImportPreview } from '@/lib/import/preview';
import { previewImport, saveImport } from '../actions';
import styles from '@/app/_components/forms.module.css';
import { documentPath } from '@/lib/citation/urls';

/**
 * Server actions accept bodies up to Next's default 1 MB, so the page takes
 * files up to 960 KB (real memos are a few KB); `npm run import` takes up to 2 MiB.
 */
const UPLOAD_LIMIT_BYTES = 960 * 1024;

export function ImportForm() {
  const [fileName, setFileName] = useState('pasted-text.md');
  const [text, setText] = useState('');
  // Import only what was previewed: any change to the text asks for a new preview.
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const [preview, previewAction, previewing] = useActionState(
    async (previous: Awaited<ReturnType<typeof previewImport>> | null, form: FormData) => {
      const result = await previewImport(previous, form);
      const previewed = form.get('text');
      setPreviewedText(typeof previewed === 'string' ? previewed : '');
      return result;
    },
    null,
  );
  const [saved, saveAction, saving] = useActionState(saveImport, null);
  const fresh = preview?.ok === true && previewedText === text;
  const bytes = new TextEncoder().encode(text).length;
  const tooBig = bytes > UPLOAD_LIMIT_BYTES;

  return (
    <form className={styles.form} aria-labelledby="import-heading">
      <label className={styles.field}>
        <span>File</span>
        <input
          type="file"
          accept=".md,.txt,.markdown,.json,.tmx,text/plain,text/markdown,application/json"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (!file) return;
            setFileName(file.name);
            void file.text().then(setText);
          }}
        />
        <small>A memorandum (Markdown or plain text, any convention in the formats guide), a Diptych JSON export or a TMX file.</small>
      </label>
      <input type="hidden" name="fileName" value={fileName} />
      <label className={styles.field}>
        <span>Text</span>
        <textarea
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          data-testid="import-text"
          required
        />
        <small>Correct the text here and preview again; line numbers in warnings count lines of this text.</small>
      </label>
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Slug</span>
          <input name="slug" placeholder="from the file name" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        </label>
        <label className={styles.field}>
          <span>Source language</span>
          <input name="sourceLang" defaultValue="ru" />
        </label>
        <label className={styles.field}>
          <span>Translation language</span>
          <input name="translationLang" defaultValue="en" />
        </label>
      </div>
      <div className={styles.buttons}>
        <button type="submit" formAction={previewAction} className={styles.button} disabled={previewing || tooBig}>
          {previewing ? 'Reading…' : 'Preview'}
        </button>
        <button
          type="submit"
          formAction={saveAction}
          className={`${styles.button} ${styles.primary}`}
          disabled={!fresh || saving || tooBig}
          aria-describedby="import-hint"
        >
          {saving ? 'Importing…' : 'Import'}
        </button>
        <small id="import-hint">
          {fresh ? 'Imports exactly what the preview shows.' : 'Preview first; Import saves what the preview shows.'}
        </small>
      </div>

      <div role="status" aria-live="polite" data-testid="import-result">
        {tooBig ? (
          <p className={styles.error} data-testid="import-error">
            This text is {(bytes / 1024).toFixed(0)} KB; the upload page takes up to 960 KB. Import larger files with{' '}
            <code>npm run import</code> (up to 2 MiB).
          </p>
        ) : null}
        {saved?.ok ? (
          <p className={styles.ok}>
            Imported {saved.data.rows} rows as <Link href={documentPath(saved.data.slug)}>{saved.data.slug}</Link>.
          </p>
        ) : null}
        {saved && !saved.ok ? (
          <p className={styles.error} data-testid="import-error">
            {saved.error.message}
          </p>
        ) : null}
        {preview && !preview.ok ? (
          <p className={styles.error} data-testid="import-error">
            {preview.error.message}
          </p>
        ) : null}
      </div>
      {preview?.ok ? <PreviewView preview={preview.data} stale={!fresh} /> : null}
    </form>
  );
}

function PreviewView({ preview, stale }: { preview: ImportPreview; stale: boolean }) {
  return (
    <section aria-labelledby="preview-heading" data-testid="import-preview" data-stale={stale}>
      <h2 id="preview-heading">Preview{stale ? ' (of an earlier text: preview again)' : ''}</h2>
      {preview.warnings.length ? (
        <div className={styles.warnings}>
          <h3>Check these ({preview.warnings.length})</h3>
          <ul data-testid="import-warnings">
            {preview.warnings.map((w, i) => (
              <li key={i}>{w.line === null ? w.message : `line ${w.line}: ${w.message}`}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={styles.ok} data-testid="import-no-warnings">
          No warnings.
        </p>
      )}
      <dl className={styles.meta}>
        <dt>Format</dt>
        <dd>{preview.kind === 'memo' ? 'memorandum' : preview.kind.toUpperCase()}</dd>
        <dt>Title</dt>
        <dd data-testid="preview-title">{preview.title}</dd>
        <dt>Slug</dt>
        <dd>{preview.slug}</dd>
        <dt>Date</dt>
        <dd>{preview.date ?? '—'}</dd>
        <dt>Place</dt>
        <dd>{preview.place ?? '—'}</dd>
        <dt>Participants</dt>
        <dd data-testid="preview-participants">{preview.participants.join('; ') || '—'}</dd>
        <dt>Source</dt>
        <dd>
          {[preview.archiveRef, preview.translator && `translated by ${preview.translator}`, preview.publisher]
            .filter(Boolean)
            .join(' · ') || '—'}
        </dd>
        <dt>Columns</dt>
        <dd>{preview.witnesses.map((w) => `${w.label} (${w.lang}${w.placeholder ? ', placeholders' : ''})`).join(' · ')}</dd>
        {preview.frontMatter.length ? (
          <>
            <dt>Front matter</dt>
            <dd>
              {preview.frontMatter.map((f, i) => (
                <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
                  {f}
                </div>
              ))}
            </dd>
          </>
        ) : null}
        {preview.pages.length ? (
          <>
            <dt>Page breaks</dt>
            <dd>{preview.pages.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <table className={styles.table} data-testid="preview-turns">
        <caption>
          {preview.rows} rows{preview.moreTurns ? `; the first ${preview.rows - preview.moreTurns} shown` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Turn</th>
            {preview.witnesses.map((w, i) => (
              <th scope="col" key={i}>
                {w.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.turns.map((t) => (
            <tr key={t.ref}>
              <th scope="row">
                {t.ref}
                {t.line ? <small> (line {t.line})</small> : null}
              </th>
              {t.cells.map((c, i) => (
                <td key={i} lang={preview.witnesses[i]?.lang}>
                  {c.speaker ? (
                    <strong>
                      <bdi>{c.speaker}</bdi>:{' '}
                    </strong>
                  ) : null}
                  {c.placeholder ? (
                    <span className={styles.placeholder} lang="en">
                      placeholder
                    </span>
                  ) : (
                    <bdi>{c.text}</bdi>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
