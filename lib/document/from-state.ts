/**
 * An alignment state plus its metadata and milestones as a document bundle:
 * witnesses in column order (with the language and label the metadata
 * version gives them), rows with their segments inline in reading order.
 */
import type { AlignmentState } from '@/lib/alignment/types';
import type { BundleRow, BundleWord, BundleWordLink, DocumentBundle, DocumentMetadataFields } from '@/lib/document/bundle';
import type { TokenRef, WordLink } from '@/lib/word-links/types';

export interface VersionedMetadata extends DocumentMetadataFields {
  witnesses: { id: number; lang: string; label: string }[];
  revFrom: number;
}

export function stateToBundle(
  slug: string,
  state: AlignmentState,
  metadata: VersionedMetadata,
  milestones: readonly { witnessId: number; turnNo: number; paragraph: number; label: string }[],
  wordLinks: readonly WordLink[] = [],
): DocumentBundle {
  const witnesses = [...state.witnesses].sort((a, b) => a.position - b.position);
  const index = new Map(witnesses.map((w, i) => [w.id, i]));
  const linksByRow = new Map<string, WordLink[]>();
  for (const l of wordLinks) linksByRow.set(l.rowKey, [...(linksByRow.get(l.rowKey) ?? []), l]);
  const rows: BundleRow[] = state.rows.map((row) => {
    const cells = witnesses.map((w) =>
      (row.members[w.id] ?? []).flatMap((key) => {
        const s = state.segments[key];
        return s
          ? [{ turnNo: s.turnNo, sentenceNo: s.sentenceNo, speaker: s.speaker, text: s.text, isPlaceholder: s.isPlaceholder }]
          : [];
      }),
    );
    const place = new Map<string, { witness: number; segment: number }>();
    witnesses.forEach((w, wi) =>
      (row.members[w.id] ?? []).filter((k) => state.segments[k]).forEach((k, si) => place.set(k, { witness: wi, segment: si })),
    );
    const word = (t: TokenRef): BundleWord[] => {
      const at = place.get(t.segmentKey);
      return at ? [{ ...at, start: t.start, end: t.end }] : [];
    };
    const order = (a: BundleWord, b: BundleWord) => a.witness - b.witness || a.segment - b.segment || a.start - b.start;
    const links: BundleWordLink[] = (linksByRow.get(row.key) ?? [])
      .map((l) => ({
        status: l.status,
        source: l.sourceTokens.flatMap(word).sort(order),
        target: l.targetTokens.flatMap(word).sort(order),
      }))
      .filter((l) => l.source.length && l.target.length)
      .sort((a, b) => order(a.source[0]!, b.source[0]!) || order(a.target[0]!, b.target[0]!));
    return { status: row.status, note: row.note, cells, ...(links.length ? { links } : {}) };
  });
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
