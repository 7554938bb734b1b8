/**
 * Real source text for a document: an editor pastes or uploads it (whole,
 * or one paragraph per turn) for the placeholders of a range of turns;
 * the browser splits and aligns it (with a progress bar) and saves the
 * result as one revision of `auto` rows (docs/alignment.md).
 */
import Link from 'next/link';
import { getDb } from '@/db';
import { MAX_WINDOW_ROWS } from '@/db/edits/load-window';
import { getAlignmentState } from '@/db/queries/alignment';
import { planAlignSource } from '@/lib/alignment/align-source-plan';
import { languageName } from '@/lib/render/lang';
import { editorPageMetadata, requireEditorPage, type EditorPageProps } from '../_data/editor-page';
import styles from '../_components/edit.module.css';
import { SourceTextForm } from './source-text-form';
import own from './source.module.css';
import { documentPagePath, documentPath } from '@/lib/citation/urls';

export const dynamic = 'force-dynamic';

type Props = EditorPageProps;

export const generateMetadata = editorPageMetadata('Source text');

const turnParam = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : null);

export default async function SourceTextPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { doc } = await requireEditorPage(slug, 'edit/source');
  const state = await getAlignmentState(await getDb(), doc.id);
  const all = planAlignSource(state);
  const from = turnParam(query.from) ?? all?.turns[0] ?? 1;
  const to = turnParam(query.to) ?? all?.turns[all.turns.length - 1] ?? from;
  const plan = all ? planAlignSource(state, { from: Math.min(from, to), to: Math.max(from, to) }) : null;
  const rowsInPassage = plan
    ? state.rows.filter((r) =>
        Object.values(r.members)
          .flat()
          .some((k) => plan.turns.includes(state.segments[k]?.turnNo ?? -1)),
      ).length
    : 0;

  return (
    <article className={styles.page} data-testid="source-text-page">
      <header className={styles.header}>
        <p className="doc-kicker">Editing · revision {state.rev}</p>
        <h1>
          Source text for <bdi>{doc.title}</bdi>
        </h1>
        <nav aria-label="Document" className={styles.nav}>
          <Link href={documentPagePath(slug, 'edit')}>Edit</Link>
          <Link href={documentPagePath(slug, 'edit/review')}>Review</Link>
          <Link href={documentPath(slug)}>Read</Link>
        </nav>
      </header>
      {plan && all ? (
        <div>
          <p>
            The {languageName(plan.sourceLang)} column has placeholders in turns T{all.turns[0]}–T{all.turns[all.turns.length - 1]} (
            {all.turns.length} turns). Paste or upload the {languageName(plan.sourceLang)} text of a passage: Diptych splits it into
            sentences, aligns them with the {languageName(plan.translationLang)} sentences, and replaces the placeholders with rows
            marked <em>auto</em> for review, in one revision that Undo takes back.
          </p>
          <form method="get" className={styles.nav} aria-label="Passage">
            <label>
              From turn <input className={own.turn} type="number" name="from" min={1} defaultValue={plan.turns[0]} />
            </label>
            <label>
              to turn <input className={own.turn} type="number" name="to" min={1} defaultValue={plan.turns[plan.turns.length - 1]} />
            </label>
            <button type="submit">Choose passage</button>
          </form>
        </div>
      ) : (
        <div>
          <p data-testid="no-placeholders">
            {all
              ? `No placeholders in turns ${from}–${to}.`
              : 'Every turn of this document has source text; nothing is left to align.'}{' '}
            <Link href={documentPagePath(slug, 'edit/review')}>Review the alignment</Link>.
          </p>
        </div>
      )}
      {/* Always here, so that it keeps its result on screen when the saved edit re-renders the page without placeholders. */}
      <SourceTextForm
        key="source-text"
        slug={slug}
        baseRev={state.rev}
        plan={plan && rowsInPassage <= MAX_WINDOW_ROWS ? plan : null}
        refusal={
          plan && rowsInPassage > MAX_WINDOW_ROWS
            ? `Turns T${plan.turns[0]}–T${plan.turns[plan.turns.length - 1]} span ${rowsInPassage} rows; one edit may change at most ${MAX_WINDOW_ROWS}. Choose a shorter passage.`
            : null
        }
      />
    </article>
  );
}
