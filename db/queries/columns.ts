/** The columns that make up the pure model's Segment, AlignmentRow and Witness, and an account, selected by every reader of them. */
import { alignmentRows, segments, users, witnesses } from '../schema';

export const witnessColumns = {
  id: witnesses.id,
  lang: witnesses.lang,
  role: witnesses.role,
  label: witnesses.label,
  isPlaceholderWitness: witnesses.isPlaceholderWitness,
  position: witnesses.position,
};

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

/** Who an account is: what a session, a sign-in and the admin list all read first. */
export const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
};
