import type { ReactNode } from 'react';
import type { Segment } from '@/lib/alignment/types';
import type { TextMark } from '@/lib/refs/words';
import { INTERFACE_LANG, languageName } from '@/lib/render/lang';
import { sentenceParagraphs } from '@/lib/render/paragraphs';
import { EditorialInline } from './editorial-inline';

export interface SegmentTextProps {
  segment: Segment;
  /** The witness's language: names the missing text of a placeholder. */
  lang: string;
  /** Show the speaker label (once per turn: the grid turns it off for later sentences). */
  showSpeaker?: boolean;
}

/**
 * User text is bidi-isolated (<bdi>): a stray U+202E or other bidi control in
 * one segment, speaker or note cannot reorder the text around it. Isolation is inline, so paragraphs stay.
 *
 * One segment as read: speaker once, paragraphs kept, editorial marks as
 * marks. A placeholder is never styled like text: it shows its speaker and a
 * hatched "not yet transcribed" notice that screen readers announce.
 */
export function SegmentText({ segment, lang, showSpeaker = true }: SegmentTextProps) {
  return <SegmentRun segments={[segment]} lang={lang} showSpeaker={showSpeaker} />;
}

/**
 * Consecutive sentences of one turn (lib/render/paragraphs.ts turnRuns) read
 * as the turn's paragraphs: sentences flow inline, each in its own span (its
 * key for the edit mode and the highlights), and a paragraph break in the
 * text is a paragraph break on the page, whichever sentence holds it.
 */
export function SegmentRun({
  segments,
  lang,
  showSpeaker = true,
  marks,
}: {
  segments: readonly Segment[];
  lang: string;
  showSpeaker?: boolean;
  /** Segment key → character ranges to mark (the words of a word citation and the words linked to them). */
  marks?: ReadonlyMap<string, readonly TextMark[]>;
}) {
  const head = segments[0];
  if (!head) return null;
  const speaker =
    showSpeaker && head.speaker ? (
      <b className="speaker">
        <bdi>{head.speaker}</bdi>
        <span className="speaker-colon">:</span>{' '}
      </b>
    ) : null;

  if (head.isPlaceholder) {
    return (
      <div className="segment segment--placeholder" data-placeholder="true">
        <p>
          {speaker}
          <span className="placeholder-note" lang={INTERFACE_LANG}>
            <span className="sr-only">Placeholder: </span>
            {languageName(lang)} text not yet transcribed
          </span>
        </p>
      </div>
    );
  }

  const paragraphs = sentenceParagraphs(segments);
  const whole = segments.length === 1;
  return (
    <div className="segment">
      {paragraphs.length === 0 ? (
        <p>{speaker}</p>
      ) : (
        paragraphs.map((pieces, i) => (
          <p key={i}>
            {i === 0 ? speaker : null}
            {pieces.map((piece) => {
              const pieceMarks = marks?.get(piece.segment.key);
              const inline = pieceMarks ? (
                <EditorialInline
                  tokens={piece.tokens}
                  offset={piece.offset}
                  renderText={(text, at) => markText(text, at, pieceMarks)}
                />
              ) : (
                <EditorialInline tokens={piece.tokens} />
              );
              return whole ? (
                <bdi key={piece.segment.key}>{inline}</bdi>
              ) : (
                <span
                  key={`${piece.segment.key}-${i}`}
                  className="sentence"
                  data-segment-key={piece.first ? piece.segment.key : undefined}
                >
                  <bdi>{inline}</bdi>
                </span>
              );
            })}
          </p>
        ))
      )}
    </div>
  );
}

const MARK_TITLE = { cited: 'Cited words', linked: 'Linked to the cited words' } as const;

/** `text` (starting at `at` in its segment) with the parts inside marks wrapped in <mark>. */
function markText(text: string, at: number, marks: readonly TextMark[]): ReactNode {
  const out: ReactNode[] = [];
  let pos = 0;
  for (const mark of marks) {
    const from = Math.max(mark.start - at, pos);
    const to = Math.min(mark.end - at, text.length);
    if (to <= from) continue;
    if (from > pos) out.push(text.slice(pos, from));
    out.push(
      <mark key={from} className={`word-mark word-mark--${mark.kind}`} data-word-mark={mark.kind} title={MARK_TITLE[mark.kind]}>
        {text.slice(from, to)}
      </mark>,
    );
    pos = to;
  }
  if (pos === 0) return text;
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}
