import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { AlignedGrid, gridColumns } from '@/app/_components/aligned-grid';
import { WordLinks } from '@/app/_components/word-links';
import { describeChangeKinds } from '@/lib/refs/passage-change';
import { describeRef, formatRef, formatRefLabel, turnRange } from '@/lib/refs/parse';
import { neighbourRefs, passageWithContext } from '@/lib/refs/resolve';
import { passagePath, readerAnchorPath, revisionPath } from '@/lib/citation/urls';
import { citedWordsSummary } from '@/lib/refs/words';
import { interlinearLines } from '@/lib/word-links/interlinear';
import { CitePanel } from '../../_citation/cite-panel';
import { CslJsonScript } from '../../_citation/csl-json-script';
import { toNextMetadata } from '../../_citation/next-metadata';
import styles from '../../_citation/cite.module.css';
import { loadPassage, type PassageLoad } from './load-passage';
import { WordByWord } from './word-by-word';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string; ref: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props): Promise<Extract<PassageLoad, { kind: 'ok' }>> {
  const { slug, ref } = await params;
  const { rev } = await searchParams;
  const result = await loadPassage(slug, ref, rev);
  switch (result.kind) {
    case 'ok':
      return result;
    case 'redirect':
      return permanentRedirect(passagePath(slug, result.canonical, result.rev));
    case 'missing-document':
    case 'bad-ref':
      notFound();
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { citation } = await load(props);
  return toNextMetadata(citation.meta);
}

export default async function PassagePage(props: Props) {
  const { view, citation, words, links } = await load(props);
  const { document: doc, state, passage, change, pinnedRev } = view;
  // A word citation's permalink names its words at the revision shown, so it keeps showing them after later edits.
  const permalink = citation.permalink;
  const wordCitation = words
    ? {
        label: words.cited.label,
        permalink,
        text: words.cited.text,
        lang: state.witnesses.find((w) => w.role === 'translation')?.lang,
        summary: citedWordsSummary(words.cited, words.linked, state),
      }
    : null;
  const { rows, highlightRowKeys } = passageWithContext(passage, state);
  const { previous, next } = neighbourRefs(passage);
  const witnessIds = [...state.witnesses].sort((a, b) => a.position - b.position).map((w) => w.id);
  const firstRef = passage.segmentRefs[0] ?? `T${passage.turns[0]}`;
  // Links within a pinned page stay at the pinned revision.
  const here = (ref: string) => passagePath(doc.slug, ref, pinnedRev);
  const wholeTurns = turnRange(passage.turns[0]!, passage.turns[passage.turns.length - 1]!);
  const source = state.witnesses.find((w) => w.role === 'source');
  const translation = state.witnesses.find((w) => w.role === 'translation');
  const wordByWord = interlinearLines(passage.rows, state, links);
  // Shown once an editor has linked words here; a passage without links reads as before.
  const showWordByWord = source && translation && wordByWord.some((line) => line.glossed > 0);

  return (
    <article className={styles.passage} data-testid="passage" data-rev={state.rev} data-current-rev={doc.currentRev}>
      <CslJsonScript items={[citation.citations.item]} />
      <p className="doc-kicker">
        <Link href={readerAnchorPath(doc.slug, firstRef)}>{doc.title}</Link>
      </p>
      <h1 className={styles.title}>
        <span data-testid="passage-label">{words ? words.cited.label : passage.label}</span>{' '}
        <span className={styles.titleDescription}>{words ? words.cited.description : describeRef(passage.ref)}</span>
      </h1>

      <p className={styles.revisionLine} data-testid="passage-revision">
        {pinnedRev != null ? (
          <>
            Shown as at <strong>revision {state.rev}</strong> (pinned).
          </>
        ) : (
          <>Current alignment, revision {state.rev}.</>
        )}{' '}
        <span className={styles.permalinkLine}>
          Permalink:{' '}
          <a href={permalink} data-testid="permalink">
            {permalink}
          </a>
        </span>
      </p>
      {wordCitation ? (
        <p className="cited-words" data-testid="cited-words" id="cited-words">
          {wordCitation.summary}
        </p>
      ) : null}

      {change ? (
        <p className={styles.changed} data-testid="passage-changed" role="status">
          <span aria-hidden="true">⚠ </span>
          {capitalize(describeChangeKinds(change.kinds))} of {passage.label} changed since this revision, first in{' '}
          <Link href={revisionPath(doc.slug, change.rev)}>revision {change.rev}</Link> —{' '}
          <Link href={passagePath(doc.slug, passage.canonical)}>see current</Link>.
        </p>
      ) : null}
      {view.current == null ? (
        <p className={styles.note} data-testid="passage-gone">
          {passage.label} is not in the current alignment (its turn was divided differently since); the whole turn is at{' '}
          <Link href={passagePath(doc.slug, formatRef(wholeTurns))}>{formatRefLabel(wholeTurns)}</Link>.
        </p>
      ) : null}
      {passage.notes.map((note) => (
        <p key={note} className={styles.note} data-testid="passage-note">
          {note}
        </p>
      ))}

      <nav className={styles.passageNav} aria-label="Passages">
        {previous ? (
          <Link href={here(formatRef(previous))} rel="prev" data-testid="previous-passage">
            ← {formatRefLabel(previous)}
          </Link>
        ) : (
          <span className={styles.navPlaceholder}>Start of document</span>
        )}
        <Link href={readerAnchorPath(doc.slug, firstRef)} data-testid="reader-link">
          Read in the full document
        </Link>
        {next ? (
          <Link href={here(formatRef(next))} rel="next" data-testid="next-passage">
            {formatRefLabel(next)} →
          </Link>
        ) : (
          <span className={styles.navPlaceholder}>End of document</span>
        )}
      </nav>

      <AlignedGrid
        state={state}
        witnessIds={witnessIds}
        view="parallel"
        rows={rows}
        highlightRowKeys={highlightRowKeys}
        refHref={(ref) => here(ref)}
        marks={words?.marks}
      />
      <WordLinks slug={doc.slug} rev={state.rev} columns={gridColumns(state, witnessIds, 'parallel').map((w) => w.id)} />
      {showWordByWord ? <WordByWord lines={wordByWord} source={source} translation={translation} refHref={here} /> : null}

      <CitePanel citation={citation} label={wordCitation?.label ?? passage.label} words={wordCitation} />
    </article>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
