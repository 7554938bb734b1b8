/** The columns that make up the pure model's Segment and AlignmentRow, selected by every reader of them. */
import { alignmentRows, segments } from '../schema';

export const segmentColumns = {
  key: segments.key,
  witnessId: segments.witnessId,
  orderKey: segments.orderKey,
  turnNo: segments.turnNo,
  sentenceNo: segments.sentenceNo,
  speaker: segments.speaker,
  text: segments.text,
  isPlaceholder: segments.isPlaceholder,
  revFrom: segments.revFrom,
};

export const rowColumns = {
  id: alignmentRows.id,
  key: alignmentRows.key,
  orderKey: alignmentRows.orderKey,
  status: alignmentRows.status,
  note: alignmentRows.note,
  revFrom: alignmentRows.revFrom,
};
