/**
 * Text edits: give a placeholder its real source text (it stops being a
 * placeholder), or correct the text of a segment that has one.
 */
import { AlignmentError } from '../errors';
import type { CorrectTextOp, ReplacePlaceholderOp } from '../op-schema';
import type { EditWindow } from '../window';
import { findSegment, segmentLabel, type OpOutcome } from './shared';

export function replacePlaceholder(window: EditWindow, op: ReplacePlaceholderOp): OpOutcome {
  const { state } = window;
  const segment = findSegment(window, op.segmentKey);
  const name = segmentLabel(segment, state);
  if (!segment.isPlaceholder) {
    throw new AlignmentError('not-placeholder', `${name} already has text; correct its text instead.`);
  }
  const text = requireText(op.text, name);
  return {
    state: { ...state, segments: { ...state.segments, [segment.key]: { ...segment, text, isPlaceholder: false } } },
    summary: `Replaced the placeholder of ${name} with text (${text.length} characters)`,
  };
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
  return {
    state: { ...state, segments: { ...state.segments, [segment.key]: { ...segment, text } } },
    summary: `Corrected the text of ${name}`,
  };
}

function requireText(text: string, name: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) throw new AlignmentError('empty-text', `The new text of ${name} is empty.`);
  return normalized;
}
