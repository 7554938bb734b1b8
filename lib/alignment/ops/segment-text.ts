/**
 * Text edits: give a placeholder its real source text (it stops being a
 * placeholder), or correct the text of a segment that has one. A verified
 * row whose text changes is no longer verified: its editor checked other
 * words, so it goes back to unverified and the summary says so.
 */
import { AlignmentError } from '../errors';
import type { CorrectTextOp, ReplacePlaceholderOp } from '../op-schema';
import type { AlignmentState, Segment } from '../types';
import type { EditWindow } from '../window';
import { findSegment, label, rowOfSegment, segmentLabel, type OpOutcome } from './shared';

export function replacePlaceholder(window: EditWindow, op: ReplacePlaceholderOp): OpOutcome {
  const { state } = window;
  const segment = findSegment(window, op.segmentKey);
  const name = segmentLabel(segment, state);
  if (!segment.isPlaceholder) {
    throw new AlignmentError('not-placeholder', `${name} already has text; correct its text instead.`);
  }
  const text = requireText(op.text, name);
  return withNewText(
    window,
    { ...segment, text, isPlaceholder: false },
    `Replaced the placeholder of ${name} with text (${text.length} characters)`,
  );
}

export function correctText(window: EditWindow, op: CorrectTextOp): OpOutcome {
  const { state } = window;
  const segment = findSegment(window, op.segmentKey);
  const name = segmentLabel(segment, state);
  if (segment.isPlaceholder) {
    throw new AlignmentError('placeholder', `${name} is a placeholder; replace the placeholder with text instead.`);
  }
  const text = requireText(op.text, name);
  if (text === segment.text) throw new AlignmentError('no-change', `The text of ${name} is unchanged.`);
  return withNewText(window, { ...segment, text }, `Corrected the text of ${name}`);
}

function withNewText(window: EditWindow, segment: Segment, summary: string): OpOutcome {
  const { state } = window;
  const next: AlignmentState = { ...state, segments: { ...state.segments, [segment.key]: segment } };
  const { row, index } = rowOfSegment(window, segment);
  if (row.status !== 'verified') return { state: next, summary };
  const rows = state.rows.map((r, k) => (k === index ? { ...r, status: 'unverified' as const } : r));
  return { state: { ...next, rows }, summary: `${summary}; row ${label(row, state)} is unverified again` };
}

function requireText(text: string, name: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) throw new AlignmentError('empty-text', `The new text of ${name} is empty.`);
  return normalized;
}
