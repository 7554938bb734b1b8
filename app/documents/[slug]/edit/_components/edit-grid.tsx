/**
 * The edit grid: the reader's facing-page rows, each with its controls. The
 * segment texts are rendered here on the server (the reader's SegmentText)
 * and handed to the client rows, so the text looks exactly as in the reader.
 */
import type { ReactNode } from 'react';
import { SegmentText } from '@/app/_components/segment-text';
import { editRows } from '@/lib/alignment/edit-view';
import type { AlignmentState } from '@/lib/alignment/types';
import { segmentsShowingSpeaker } from '@/lib/render/grid';
import { EditRow } from './edit-row';
import styles from './edit.module.css';

export function EditGrid({ state, range }: { state: AlignmentState; range: { start: number; end: number } }) {
  const witnessIds = [...state.witnesses].sort((a, b) => a.position - b.position).map((w) => w.id);
  const rows = editRows(state, witnessIds, range);
  const langOf = new Map(state.witnesses.map((w) => [w.id, w.lang]));
  // The speaker once per turn, as in the reader (not on every sentence of a split turn).
  const speakers = segmentsShowingSpeaker(state.rows.slice(range.start, range.end), witnessIds, state);
  return (
    <div
      className={`aligned-grid aligned-grid--parallel ${styles.grid}`}
      data-view="parallel"
      style={{ ['--columns' as string]: witnessIds.length }}
    >
      <div className="grid-head" aria-hidden="true">
        <div className="row-margin" />
        <div className="row-cells">
          {witnessIds.map((id) => (
            <div key={id} className="grid-head-cell" lang="en">
              {state.witnesses.find((w) => w.id === id)?.label}
            </div>
          ))}
        </div>
      </div>
      {rows.map((row) => {
        const rendered: Record<string, ReactNode> = {};
        for (const column of row.columns) {
          for (const segment of column.segments) {
            const s = state.segments[segment.key]!;
            rendered[segment.key] = (
              <SegmentText segment={s} lang={langOf.get(s.witnessId) ?? 'und'} showSpeaker={speakers.has(s.key)} />
            );
          }
        }
        return <EditRow key={row.key} row={row} rendered={rendered} />;
      })}
    </div>
  );
}
