import { Fact } from '@/app/_components/fact';
import type { DocumentMeta } from '@/db/queries/documents';
import type { DocumentOutline } from '@/db/read-path/reader';
import { formatDocumentDate, formatList, progressPhrase } from '@/lib/render/format';
import { languageName } from '@/lib/render/lang';

/** The document's title page: metadata, the excerpt flag, transcription progress and the source note. */
export function DocumentHeader({ doc, outline }: { doc: DocumentMeta; outline: DocumentOutline }) {
  const date = formatDocumentDate(doc.date);
  const { progress } = outline;
  const languages = outline.witnesses.map((w) => `${languageName(w.lang)} (${w.role})`);
  return (
    <header className="doc-header">
      <p className="doc-kicker">
        Memorandum of conversation
        {doc.isExcerpt ? (
          <>
            {' · '}
            <span className="badge badge--excerpt" data-testid="excerpt-flag">
              Excerpt
            </span>
          </>
        ) : null}
      </p>
      <h1 className="doc-title" dir="auto">
        {doc.title}
      </h1>
      <dl className="doc-meta">
        {date ? <Fact term="Date" value={<time dateTime={doc.date ?? undefined}>{date}</time>} /> : null}
        {doc.participants.length ? <Fact term="Participants" value={formatList(doc.participants)} /> : null}
        <Fact term="Languages" value={formatList(languages)} />
        {doc.archiveRef ? <Fact term="Archive" value={doc.archiveRef} /> : null}
        {doc.translator ? <Fact term="Translator" value={doc.translator} /> : null}
        {doc.publisher ? <Fact term="Publisher" value={doc.publisher} /> : null}
        <Fact term="Revision" value={String(outline.rev)} />
      </dl>
      {doc.isExcerpt ? (
        <p className="doc-notice">
          <strong>Excerpt.</strong> The published translation gives only part of the conversation; passages it leaves out are marked{' '}
          <span className="elision elision--sample" aria-hidden="true">
            …
          </span>
          <span className="sr-only">with an elision mark</span>.
        </p>
      ) : null}
      {progress.map(({ witness, turns, transcribed }) => (
        <p key={witness.id} className="doc-notice doc-progress" data-testid="transcription-progress">
          <strong>{witness.label}:</strong> {progressPhrase(transcribed, turns)}.
          {transcribed < turns ? ' Turns not yet transcribed are shown as hatched placeholders.' : null}
        </p>
      ))}
      {doc.sourceNote ? (
        <p className="source-note" data-testid="source-note">
          {doc.sourceNote}
        </p>
      ) : null}
    </header>
  );
}
