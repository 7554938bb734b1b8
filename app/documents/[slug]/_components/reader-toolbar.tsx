import type { Witness } from '@/lib/alignment/types';
import { RowKeyboard } from './row-keyboard';
import { READER_VIEWS, VIEW_LABELS, readerHref, witnessHandle, type ReaderChoice } from '@/lib/render/reader-params';
import { documentPath } from '@/lib/citation/urls';

/**
 * View and column choice as plain links and a GET form: the choice lives in
 * the URL and works without JavaScript.
 */
export function ReaderToolbar({ slug, choice, witnesses }: { slug: string; choice: ReaderChoice; witnesses: Witness[] }) {
  const ordered = [...witnesses].sort((a, b) => a.position - b.position);
  const columnSlots = choice.view === 'single' ? 1 : ordered.length;
  const swapped = [...choice.witnessIds].reverse();
  return (
    <div className="reader-toolbar">
      <nav aria-label="Reading view" className="view-switch">
        {READER_VIEWS.map((view) => (
          <a
            key={view}
            href={readerHref(slug, { view, witnessIds: view === 'single' ? [] : choice.witnessIds }, witnesses)}
            aria-current={view === choice.view ? 'page' : undefined}
            data-view={view}
          >
            {VIEW_LABELS[view]}
          </a>
        ))}
      </nav>
      {choice.view !== 'single' && choice.witnessIds.length === 2 ? (
        <a className="toolbar-link" href={readerHref(slug, { view: choice.view, witnessIds: swapped }, witnesses)}>
          Swap sides
        </a>
      ) : null}
      <details className="column-picker">
        <summary>{choice.view === 'single' ? 'Choose text' : 'Choose columns'}</summary>
        <form method="get" action={documentPath(slug)}>
          {choice.view !== 'parallel' ? <input type="hidden" name="view" value={choice.view} /> : null}
          {Array.from({ length: columnSlots }, (_, i) => {
            const current = choice.witnessIds[i];
            const id = `col-${i + 1}`;
            return (
              <p key={id}>
                <label htmlFor={id}>{choice.view === 'single' ? 'Text' : `Column ${i + 1}`}</label>{' '}
                <select
                  id={id}
                  name="cols"
                  defaultValue={
                    current !== undefined ? witnessHandle(ordered.find((w) => w.id === current) ?? ordered[0]!, ordered) : ''
                  }
                >
                  {i > 0 ? <option value="">(none)</option> : null}
                  {ordered.map((w) => (
                    <option key={w.id} value={witnessHandle(w, ordered)}>
                      {w.label}
                    </option>
                  ))}
                </select>
              </p>
            );
          })}
          <button type="submit">Show</button>
        </form>
      </details>
      <RowKeyboard />
    </div>
  );
}
