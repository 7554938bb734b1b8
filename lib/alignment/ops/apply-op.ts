/**
 * Applies one edit operation to a window: runs the operation, checks the
 * invariants on the result, and returns the minimal change set plus a
 * summary for the history. Pure: the same window and op always give the
 * same answer (up to the new keys the context hands out).
 */
import { newKey } from '@/lib/keys/ids';
import { diffStates, isEmptyChangeSet, type ChangeSet } from '../change-set';
import { AlignmentError } from '../errors';
import { findViolations, turnRefViolations, witnessTexts } from '../invariants';
import { segmentLabel } from '../labels';
import { ALIGNMENT_ONLY_OPS, MAX_SEGMENT_CHARACTERS, type EditOp } from '../op-schema';
import type { AlignmentState } from '../types';
import type { EditWindow } from '../window';
import { alignSource } from './align-source';
import { mergeRows } from './merge-rows';
import { mergeSegments } from './merge-segments';
import { moveBoundary } from './move-boundary';
import { setRowStatus } from './row-status';
import { correctText, replacePlaceholder } from './segment-text';
import type { OpContext, OpOutcome } from './shared';
import { splitRow } from './split-row';
import { splitSegment } from './split-segment';

export interface EditResult {
  changes: ChangeSet;
  summary: string;
  /** The window after the edit. */
  state: AlignmentState;
  /** Rows and segments the edit depends on: the ones it names and the ones it rewrites (for conflict checks). */
  touched: { rows: string[]; segments: string[] };
}

export const defaultContext: OpContext = { newKey };

/** The rows and segments an operation names, and whether it needs whole turns (sentence renumbering). */
export function namedKeys(op: EditOp): { rowKeys: string[]; segmentKeys: string[]; wholeTurns: boolean } {
  switch (op.type) {
    case 'merge-rows':
      return { rowKeys: [op.rowKey, op.nextRowKey], segmentKeys: [], wholeTurns: false };
    case 'split-row':
      return { rowKeys: [op.rowKey], segmentKeys: op.starts.map((s) => s.segmentKey), wholeTurns: false };
    case 'move-boundary':
    case 'set-row-status':
      return { rowKeys: [op.rowKey], segmentKeys: [], wholeTurns: false };
    case 'split-segment':
      return { rowKeys: [], segmentKeys: [op.segmentKey], wholeTurns: true };
    case 'merge-segments':
      return { rowKeys: [], segmentKeys: [op.segmentKey, op.nextSegmentKey], wholeTurns: true };
    case 'replace-placeholder':
    case 'correct-text':
      return { rowKeys: [], segmentKeys: [op.segmentKey], wholeTurns: false };
    case 'align-source':
      return { rowKeys: [], segmentKeys: [...op.placeholderKeys, ...op.translationKeys], wholeTurns: true };
  }
}

function run(window: EditWindow, op: EditOp, context: OpContext): OpOutcome {
  switch (op.type) {
    case 'merge-rows':
      return mergeRows(window, op);
    case 'split-row':
      return splitRow(window, op, context);
    case 'move-boundary':
      return moveBoundary(window, op);
    case 'split-segment':
      return splitSegment(window, op, context);
    case 'merge-segments':
      return mergeSegments(window, op);
    case 'replace-placeholder':
      return replacePlaceholder(window, op);
    case 'correct-text':
      return correctText(window, op);
    case 'set-row-status':
      return setRowStatus(window, op);
    case 'align-source':
      return alignSource(window, op, context);
  }
}

export function applyOp(window: EditWindow, op: EditOp, context: OpContext = defaultContext): EditResult {
  const before = window.state;
  const outcome = run(window, op, context);
  const after = outcome.state;

  const problems = [...findViolations(after, { bounds: window.bounds }), ...turnRefViolations(before, after)];
  if (ALIGNMENT_ONLY_OPS.includes(op.type)) {
    const textsBefore = witnessTexts(before);
    const textsAfter = witnessTexts(after);
    for (const w of before.witnesses) {
      if (textsBefore[w.id] !== textsAfter[w.id]) problems.push(`the text of witness ${w.id} changed`);
    }
  }
  if (problems.length) {
    throw new AlignmentError('invariant', 'This edit would leave the alignment inconsistent, so nothing was changed.', {
      problems,
    });
  }

  const changes = diffStates(before, after);
  if (isEmptyChangeSet(changes)) throw new AlignmentError('no-change', 'This edit changes nothing.');
  // The limit holds for what is written, whatever the operation: a merge of two long sentences must not build a longer one.
  for (const s of changes.insertSegments) {
    if (s.text.length > MAX_SEGMENT_CHARACTERS) {
      throw new AlignmentError(
        'too-long',
        `${segmentLabel(s, after)} would be ${s.text.length.toLocaleString('en')} characters long; a segment may hold at most ${MAX_SEGMENT_CHARACTERS.toLocaleString('en')}, so nothing was changed.`,
        { segmentKey: s.key, length: s.text.length },
      );
    }
  }
  const named = namedKeys(op);
  return {
    changes,
    summary: outcome.summary,
    state: after,
    touched: {
      rows: [...new Set([...named.rowKeys, ...changes.closeRows])],
      segments: [...new Set([...named.segmentKeys, ...changes.closeSegments])],
    },
  };
}
