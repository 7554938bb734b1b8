/**
 * An alignment state plus its metadata and milestones as a document bundle:
 * witnesses in column order (with the language and label the metadata
 * version gives them), rows with their segments inline in reading order.
 */
import type { AlignmentState } from '@/lib/alignment/types';
import type { BundleRow, DocumentBundle, DocumentMetadataFields } from '@/lib/document/bundle';

export interface VersionedMetadata extends DocumentMetadataFields {
  witnesses: { id: number; lang: string; label: string }[];
  revFrom: number;
}

export function stateToBundle(
  slug: string,
  state: AlignmentState,
  metadata: VersionedMetadata,
  milestones: readonly { witnessId: number; turnNo: number; paragraph: number; label: string }[],
): DocumentBundle {
  const witnesses = [...state.witnesses].sort((a, b) => a.position - b.position);
  const index = new Map(witnesses.map((w, i) => [w.id, i]));
  const rows: BundleRow[] = state.rows.map((row) => ({
    status: row.status,
    note: row.note,
    cells: witnesses.map((w) =>
      (row.members[w.id] ?? []).flatMap((key) => {
        const s = state.segments[key];
        return s
          ? [{ turnNo: s.turnNo, sentenceNo: s.sentenceNo, speaker: s.speaker, text: s.text, isPlaceholder: s.isPlaceholder }]
          : [];
      }),
    ),
  }));
  const { witnesses: labels, revFrom: _rev, ...fields } = metadata;
  return {
    slug,
    metadata: fields,
    witnesses: witnesses.map((w) => {
      const asOfRev = labels.find((l) => l.id === w.id);
      return {
        lang: asOfRev?.lang ?? w.lang,
        role: w.role,
        label: asOfRev?.label ?? w.label,
        isPlaceholderWitness: w.isPlaceholderWitness,
      };
    }),
    rows,
    milestones: milestones
      .filter((m) => index.has(m.witnessId))
      .map((m) => ({ witness: index.get(m.witnessId)!, turnNo: m.turnNo, paragraph: m.paragraph, label: m.label }))
      .sort((a, b) => a.witness - b.witness || a.turnNo - b.turnNo || a.paragraph - b.paragraph),
  };
}
