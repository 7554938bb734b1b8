/**
 * The text a citation may quote: the translation of exactly the cited turns
 * or sentences, and the aligned text of every other witness in the rows
 * that show them. Placeholders are never quoted (guarantee 5): a witness
 * whose aligned segments are all placeholders is reported as not available,
 * and a placeholder among real segments is marked as a gap.
 */
import { referenceWitness } from '@/lib/alignment/row-refs';
import type { AlignmentRow, AlignmentState, Segment, Witness } from '@/lib/alignment/types';

export const SOURCE_NOT_AVAILABLE = 'source text not available';

export interface QuotedWitness {
  lang: string;
  label: string;
  role: Witness['role'];
  /** False when every aligned segment is a placeholder (or there is none): nothing may be quoted. */
  available: boolean;
  /** The quoted text: "Speaker: text" per turn, turns separated by a blank line. Empty when not available. */
  text: string;
}

export interface Quotation {
  /** The translation the reference numbers come from. */
  translation: QuotedWitness;
  /** The other witnesses (the source first), aligned with the passage. */
  others: QuotedWitness[];
}

const GAP = `[${SOURCE_NOT_AVAILABLE}]`;

export function passageQuotation(
  state: AlignmentState,
  passage: { segmentKeys: readonly string[]; rows: readonly AlignmentRow[] },
): Quotation {
  const reference = referenceWitness(state);
  const segments = passage.segmentKeys.flatMap((k) => state.segments[k] ?? []);
  const translation = quoteSegments(reference, segments);

  const others = [...state.witnesses]
    .filter((w) => w.id !== reference?.id)
    .sort((a, b) => (a.role === b.role ? a.position - b.position : a.role === 'source' ? -1 : 1))
    .map((w) =>
      quoteSegments(
        w,
        passage.rows.flatMap((row) => (row.members[w.id] ?? []).flatMap((k) => state.segments[k] ?? [])),
      ),
    );
  return { translation, others };
}

function quoteSegments(witness: Witness | undefined, segments: Segment[]): QuotedWitness {
  const base = { lang: witness?.lang ?? 'und', label: witness?.label ?? 'Text', role: witness?.role ?? 'translation' };
  if (!segments.some((s) => !s.isPlaceholder && s.text.trim() !== '')) return { ...base, available: false, text: '' };

  // Consecutive segments of one turn (sentences) run on as one speech; a new turn starts a new paragraph.
  const turns: { speaker: string | null; pieces: string[] }[] = [];
  let lastTurn: number | null = null;
  for (const s of segments) {
    const piece = s.isPlaceholder ? GAP : s.text.trim();
    const current = turns[turns.length - 1];
    if (current && s.turnNo === lastTurn) current.pieces.push(piece);
    else turns.push({ speaker: s.speaker, pieces: [piece] });
    lastTurn = s.turnNo;
  }
  const text = turns
    .map(({ speaker, pieces }) => {
      const body = pieces.join(' ');
      return speaker ? `${speaker}: ${body}` : body;
    })
    .join('\n\n');
  return { ...base, available: true, text };
}

/** The quotation as one block of text for copying, ending with where each part comes from. */
export function quotationText(quotation: Quotation, citation: string): string {
  const blocks = [
    quotation.translation.available ? quotation.translation.text : `${quotation.translation.label}: text not available.`,
  ];
  for (const other of quotation.others) {
    blocks.push(other.available ? `${other.label}:\n${other.text}` : `${other.label}: ${SOURCE_NOT_AVAILABLE}.`);
  }
  blocks.push(citation);
  return blocks.join('\n\n');
}
