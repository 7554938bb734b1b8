/**
 * Divergence notes: why a row's texts do not say quite the same thing. A
 * small vocabulary (so readers and filters can rely on it) plus free text,
 * stored in the row's note as "Omission: the figure is left out".
 */
export const DIVERGENCE_KINDS = [
  'omission',
  'addition',
  'softening',
  'strengthening',
  'paraphrase',
  'mistranslation',
  'other',
] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

export const DIVERGENCE_LABELS: Record<DivergenceKind, string> = {
  omission: 'Omission',
  addition: 'Addition',
  softening: 'Softening',
  strengthening: 'Strengthening',
  paraphrase: 'Paraphrase',
  mistranslation: 'Mistranslation',
  other: 'Other',
};

export interface DivergenceNote {
  kind: DivergenceKind;
  /** Free text; may be empty when the kind says it all. */
  text: string;
}

export function formatDivergenceNote(note: DivergenceNote): string {
  const text = note.text.trim();
  return text ? `${DIVERGENCE_LABELS[note.kind]}: ${text}` : DIVERGENCE_LABELS[note.kind];
}

/** Reads a stored note back (for the edit form); a note in another shape is kind 'other'. */
export function parseDivergenceNote(note: string | null): DivergenceNote | null {
  if (note == null || note.trim() === '') return null;
  for (const kind of DIVERGENCE_KINDS) {
    const label = DIVERGENCE_LABELS[kind];
    if (note === label) return { kind, text: '' };
    if (note.startsWith(`${label}: `)) return { kind, text: note.slice(label.length + 2) };
  }
  return { kind: 'other', text: note };
}
