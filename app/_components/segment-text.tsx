import type { Segment } from '@/lib/alignment/types';
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
}: {
  segments: readonly Segment[];
  lang: string;
  showSpeaker?: boolean;
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
            {pieces.map((piece) =>
              whole ? (
                <bdi key={piece.segment.key}>
                  <EditorialInline tokens={piece.tokens} />
                </bdi>
              ) : (
                <span
                  key={`${piece.segment.key}-${i}`}
                  className="sentence"
                  data-segment-key={piece.first ? piece.segment.key : undefined}
                >
                  <bdi>
                    <EditorialInline tokens={piece.tokens} />
                  </bdi>
                </span>
              ),
            )}
          </p>
        ))
      )}
    </div>
  );
}
