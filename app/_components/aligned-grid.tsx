import type { CSSProperties, ReactNode } from 'react';
import { refRangeDescription, refRangeLabel, rowAnchorIds, rowRefs } from '@/lib/alignment/row-refs';
import type { AlignmentRow, AlignmentState, Witness } from '@/lib/alignment/types';
import { ROW_STATUS_INFO, segmentsShowingSpeaker } from '@/lib/render/grid';
import { INTERFACE_LANG, textDirection } from '@/lib/render/lang';
import type { ReaderView } from '@/lib/render/reader-params';
import type { TextMark } from '@/lib/refs/words';
import { turnRuns } from '@/lib/render/paragraphs';
import { SegmentRun } from './segment-text';

export type { ReaderView };

export interface AlignedGridProps {
  state: AlignmentState;
  /** Columns, in order. */
  witnessIds: number[];
  view: ReaderView;
  /** Subset to render (default: state.rows). */
  rows?: AlignmentRow[];
  /** Rows to mark, e.g. the cited passage on a passage page. */
  highlightRowKeys?: string[];
  /** Link for the margin turn ref (default: `#${ref}`). */
  refHref?: (ref: string) => string;
  /** Optional per-row extra in the margin (e.g. a "Cite" link). */
  rowActions?: (row: AlignmentRow, refs: string[]) => ReactNode;
  /** Segment key → words to mark (a word citation and the words linked to it). */
  marks?: ReadonlyMap<string, readonly TextMark[]>;
}

/** The witnesses the grid shows as cells, in order: the single view shows only the first. */
export function gridColumns(state: Pick<AlignmentState, 'witnesses'>, witnessIds: readonly number[], view: ReaderView): Witness[] {
  const byId = new Map(state.witnesses.map((w) => [w.id, w]));
  return (view === 'single' ? witnessIds.slice(0, 1) : witnessIds)
    .map((id) => byId.get(id))
    .filter((w): w is Witness => w !== undefined);
}

/**
 * The facing pages: one row per alignment row, one cell per chosen witness,
 * so counterparts always sit level (each row is as tall as its longest
 * cell). Pure server markup: hover/focus/:target highlighting is CSS only.
 * Every byte here is repeated per row (and again in the RSC payload): a row
 * carries its id, refs and status once, a cell only its lang (tests and
 * scripts find a column as `.cell[lang=…]`), and no keys or witness ids the
 * client never reads.
 */
export function AlignedGrid({
  state,
  witnessIds,
  view,
  rows = state.rows,
  highlightRowKeys = [],
  refHref = (ref) => `#${ref}`,
  rowActions,
  marks,
}: AlignedGridProps) {
  const columns = gridColumns(state, witnessIds, view);
  const anchors = rowAnchorIds(rows, state);
  const speakers = segmentsShowingSpeaker(
    rows,
    columns.map((w) => w.id),
    state,
  );
  const highlighted = new Set(highlightRowKeys);
  const style = { '--columns': columns.length } as CSSProperties;

  return (
    <div className={`aligned-grid aligned-grid--${view}`} data-view={view} style={style}>
      {view === 'parallel' && columns.length > 1 ? (
        <div className="grid-head" aria-hidden="true">
          <div className="row-margin" />
          <div className="row-cells">
            {columns.map((w) => (
              <div key={w.id} className="grid-head-cell" lang={INTERFACE_LANG}>
                {w.label}
              </div>
            ))}
          </div>
        </div>
      ) : null}
      {rows.map((row) => {
        const refs = rowRefs(row, state);
        const { id, extra } = anchors.get(row.key) ?? { id: `row-${row.key}`, extra: [] };
        const status = ROW_STATUS_INFO[row.status];
        const isHighlighted = highlighted.has(row.key);
        const label = refRangeLabel(refs);
        return (
          <div
            key={row.key}
            id={id}
            className="aligned-row"
            data-testid="aligned-row"
            data-refs={refs.join(' ')}
            data-status={row.status}
            data-highlighted={isHighlighted ? 'true' : undefined}
            role="group"
            aria-label={`${refRangeDescription(refs)}${isHighlighted ? ' (highlighted)' : ''}`}
            tabIndex={0}
          >
            {extra.map((anchor) => (
              <span key={anchor} id={anchor} className="row-anchor" />
            ))}
            <div className="row-margin">
              {refs[0] ? (
                <a className="row-ref" href={refHref(refs[0])}>
                  {label}
                </a>
              ) : (
                <span className="row-ref row-ref--none">—</span>
              )}
              <span className="row-status" title={status.description}>
                <span aria-hidden="true">{status.glyph}</span>
                <span className="sr-only">Alignment {status.label}</span>
              </span>
              {rowActions ? <span className="row-actions">{rowActions(row, refs)}</span> : null}
            </div>
            <div className="row-cells">
              {columns.map((witness) => (
                <Cell key={witness.id} witness={witness} row={row} state={state} speakers={speakers} marks={marks} />
              ))}
              {row.note ? (
                <p className="row-note">
                  <span className="row-note-label">Note</span> <bdi>{row.note}</bdi>
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function Cell({
  witness,
  row,
  state,
  speakers,
  marks,
}: {
  witness: Witness;
  row: AlignmentRow;
  state: AlignmentState;
  speakers: Set<string>;
  marks: ReadonlyMap<string, readonly TextMark[]> | undefined;
}) {
  const segments = (row.members[witness.id] ?? []).flatMap((key) => state.segments[key] ?? []);
  const dir = textDirection(witness.lang);
  return (
    <div className="cell" lang={witness.lang} dir={dir === 'rtl' ? 'rtl' : undefined}>
      <span className="cell-label sr-only" lang={INTERFACE_LANG}>
        {witness.label}
      </span>
      <span className="cell-code" aria-hidden="true" title={witness.label}>
        {witness.lang.toUpperCase()}
      </span>
      <div className="cell-body">
        {segments.length === 0 ? (
          <p className="omission" lang={INTERFACE_LANG}>
            <span aria-hidden="true">—</span>
            <span className="sr-only">No corresponding text in the {witness.label}</span>
          </p>
        ) : (
          turnRuns(segments).map((run) => (
            <SegmentRun key={run[0]!.key} segments={run} lang={witness.lang} showSpeaker={speakers.has(run[0]!.key)} marks={marks} />
          ))
        )}
      </div>
    </div>
  );
}
