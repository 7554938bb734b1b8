/**
 * Pure decisions behind the aligned grid: which segments show their speaker,
 * and what a row's status means to a reader.
 */
import type { AlignmentRow, AlignmentState, RowStatus } from '@/lib/alignment/types';

/**
 * Keys of the segments that show their speaker: the first segment of each
 * turn in each column, among the rows rendered. A turn split into sentences
 * names its speaker once; a passage starting mid-turn still names it.
 */
export function segmentsShowingSpeaker(
  rows: readonly AlignmentRow[],
  witnessIds: readonly number[],
  state: Pick<AlignmentState, 'segments'>,
): Set<string> {
  const shown = new Set<string>();
  for (const witnessId of witnessIds) {
    let previous: { turnNo: number; speaker: string | null } | null = null;
    for (const row of rows) {
      for (const key of row.members[witnessId] ?? []) {
        const segment = state.segments[key];
        if (!segment) continue;
        if (!previous || previous.turnNo !== segment.turnNo || previous.speaker !== segment.speaker) shown.add(key);
        previous = segment;
      }
    }
  }
  return shown;
}

export interface StatusInfo {
  /** Shape shown in the margin: the status never relies on colour alone. */
  glyph: string;
  /** Short word for screen readers and the legend. */
  label: string;
  /** Longer explanation (tooltip, legend). */
  description: string;
}

export const ROW_STATUS_INFO: Record<RowStatus, StatusInfo> = {
  auto: { glyph: '◇', label: 'automatic', description: 'Aligned automatically; not yet checked by an editor' },
  unverified: { glyph: '?', label: 'unverified', description: 'Aligned by an editor; not yet verified' },
  verified: { glyph: '✓', label: 'verified', description: 'Alignment verified by an editor' },
};
