import { EditorialInline } from '@/app/_components/editorial-inline';
import type { Counterpart, SearchHit } from '@/db/queries/search';
import { refRangeDescription, refRangeLabel } from '@/lib/alignment/row-refs';
import { excerptWords } from '@/lib/render/format';
import { INTERFACE_LANG, languageName, textDirection } from '@/lib/render/lang';
import { editorialParagraphs } from '@/lib/render/marks';
import { snippetTokens, splitHighlights } from '@/lib/render/snippet';
import { documentPath, passagePath, readerAnchorPath } from '@/lib/citation/urls';

const COUNTERPART_WORDS = 60;

/** One concordance line: the ref, the highlighted snippet, and its aligned counterpart beside it. */
export function SearchHitItem({ slug, hit }: { slug: string; hit: SearchHit }) {
  const href = hit.anchor ? readerAnchorPath(slug, hit.anchor) : documentPath(slug);
  const label = refRangeLabel(hit.refs) || 'Passage';
  const first = hit.refs[0];
  const last = hit.refs[hit.refs.length - 1];
  const passage = first && last ? (first === last ? first : `${first}-${last}`) : null;
  return (
    <li className="hit" data-testid="search-hit" data-anchor={hit.anchor}>
      <span className="hit-refs">
        <a className="hit-ref" href={href}>
          {label}
          <span className="sr-only"> ({refRangeDescription(hit.refs)}, open in the reader)</span>
        </a>
        {passage ? (
          <a className="row-cite" href={`${passagePath(slug, passage)}#cite`}>
            Cite<span className="sr-only"> {passage}</span>
          </a>
        ) : null}
      </span>
      <p className="hit-text" lang={hit.witness.lang} dir={dirFor(hit.witness.lang)} data-testid="hit-snippet">
        <span className="hit-label" lang={INTERFACE_LANG}>
          {hit.witness.label}
        </span>
        {hit.speaker ? (
          <b className="speaker">
            <bdi>{hit.speaker}</bdi>
            <span className="speaker-colon">:</span>{' '}
          </b>
        ) : null}
        {hit.cutBefore ? <SnippetCut /> : null}
        <bdi>
          <EditorialInline tokens={snippetTokens(hit.headline)} renderText={renderHighlights} />
        </bdi>
        {hit.cutAfter ? <SnippetCut /> : null}
      </p>
      {hit.counterparts.map((c) => (
        <CounterpartText key={c.witness.id} counterpart={c} />
      ))}
    </li>
  );
}

function CounterpartText({ counterpart }: { counterpart: Counterpart }) {
  const { witness, segments } = counterpart;
  return (
    <p className="hit-counterpart" lang={witness.lang} dir={dirFor(witness.lang)} data-testid="hit-counterpart">
      <span className="hit-label" lang={INTERFACE_LANG}>
        {witness.label}
      </span>
      {segments.length === 0 ? (
        <span lang={INTERFACE_LANG}>No corresponding text</span>
      ) : (
        segments.map((s) =>
          s.isPlaceholder ? (
            <span key={s.key} data-placeholder="true">
              {s.speaker ? (
                <b className="speaker">
                  <bdi>{s.speaker}</bdi>:{' '}
                </b>
              ) : null}
              <span className="placeholder-inline" lang={INTERFACE_LANG}>
                <span className="sr-only">Placeholder: </span>
                {languageName(witness.lang)} text not yet transcribed
              </span>{' '}
            </span>
          ) : (
            <span key={s.key}>
              {s.speaker ? (
                <b className="speaker">
                  <bdi>{s.speaker}</bdi>:{' '}
                </b>
              ) : null}
              <bdi>
                <CounterpartExcerpt text={s.text} />
              </bdi>{' '}
            </span>
          ),
        )
      )}
    </p>
  );
}

function CounterpartExcerpt({ text }: { text: string }) {
  const excerpt = excerptWords(text, COUNTERPART_WORDS);
  return (
    <>
      {editorialParagraphs(excerpt.text).map((tokens, i) => (
        <span key={i}>
          {i > 0 ? ' ¶ ' : null}
          <EditorialInline tokens={tokens} />
        </span>
      ))}
      {excerpt.cut ? <SnippetCut /> : null}
    </>
  );
}

/** Where a snippet leaves text out: a mark of its own, never the "…" of an editorial elision. */
function SnippetCut() {
  return (
    <span className="snippet-cut" data-testid="snippet-cut" title="Shortened for this list">
      <span aria-hidden="true">⋯</span>
      <span className="sr-only" lang={INTERFACE_LANG}>
        (shortened)
      </span>
    </span>
  );
}

function renderHighlights(text: string) {
  return splitHighlights(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>));
}

function dirFor(lang: string): 'rtl' | undefined {
  return textDirection(lang) === 'rtl' ? 'rtl' : undefined;
}
