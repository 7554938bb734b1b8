import type { Segment } from '@/lib/alignment/types';
import { INTERFACE_LANG, languageName } from '@/lib/render/lang';
import { editorialParagraphs } from '@/lib/render/marks';
import { EditorialInline } from './editorial-inline';

export interface SegmentTextProps {
  segment: Segment;
  /** The witness's language: names the missing text of a placeholder. */
  lang: string;
  /** Show the speaker label (once per turn: the grid turns it off for later sentences). */
  showSpeaker?: boolean;
}

/**
 * One segment as read: speaker once, paragraphs kept, editorial marks as
 * marks. A placeholder is never styled like text: it shows its speaker and a
 * hatched "not yet transcribed" notice that screen readers announce.
 */
export function SegmentText({ segment, lang, showSpeaker = true }: SegmentTextProps) {
  const speaker =
    showSpeaker && segment.speaker ? (
      <b className="speaker">
        {segment.speaker}
        <span className="speaker-colon">:</span>{' '}
      </b>
    ) : null;

  if (segment.isPlaceholder) {
    return (
      <div className="segment segment--placeholder" data-placeholder="true" data-segment-key={segment.key}>
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

  const paragraphs = editorialParagraphs(segment.text);
  return (
    <div className="segment" data-segment-key={segment.key}>
      {paragraphs.length === 0 ? (
        <p>{speaker}</p>
      ) : (
        paragraphs.map((tokens, i) => (
          <p key={i}>
            {i === 0 ? speaker : null}
            <EditorialInline tokens={tokens} />
          </p>
        ))
      )}
    </div>
  );
}
