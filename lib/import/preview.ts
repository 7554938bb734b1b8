/**
 * What the upload page shows before anything is saved: the document's
 * details, its columns, each turn with its speaker (and the placeholder
 * label the other column gets), and every warning with its line. Plain
 * data, so the server action can return it to the form.
 */
import type { DocumentMetadataFields } from '@/lib/document/bundle';
import type { ImportKind, ImportPlan } from '@/lib/import/plan-import';
import type { MemoWarning } from '@/lib/memo/model';

/** Turns shown in full; a longer file shows these and a count of the rest. */
export const PREVIEW_TURNS = 300;
const EXCERPT_CHARS = 240;

export interface ImportPreview extends Omit<DocumentMetadataFields, 'sourceNote'> {
  kind: ImportKind;
  slug: string;
  witnesses: { lang: string; label: string; placeholder: boolean }[];
  rows: number;
  pages: string[];
  turns: { ref: string; line: number | null; cells: { speaker: string | null; text: string; placeholder: boolean }[] }[];
  moreTurns: number;
  warnings: MemoWarning[];
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

export function importPreview(plan: ImportPlan): ImportPreview {
  const { bundle, memo } = plan;
  const { sourceNote: _note, ...details } = bundle.metadata;
  const shown = bundle.rows.slice(0, PREVIEW_TURNS);
  return {
    ...details,
    kind: plan.kind,
    slug: bundle.slug,
    witnesses: bundle.witnesses.map((w) => ({ lang: w.lang, label: w.label, placeholder: w.isPlaceholderWitness })),
    rows: bundle.rows.length,
    pages: bundle.milestones.map((p) => `page ${p.label} before T${p.turnNo}${p.paragraph ? ` ¶${p.paragraph + 1}` : ''}`),
    turns: shown.map((row, i) => {
      const first = row.cells.flatMap((c) => c)[0];
      return {
        ref: first ? `T${first.turnNo}` : `row ${i + 1}`,
        line: memo?.turns[i]?.line ?? null,
        cells: row.cells.map((cell) => ({
          speaker: cell[0]?.speaker ?? null,
          text: excerpt(cell.map((s) => s.text).join('\n\n')),
          placeholder: cell.length > 0 && cell.every((s) => s.isPlaceholder),
        })),
      };
    }),
    moreTurns: Math.max(0, bundle.rows.length - shown.length),
    warnings: plan.warnings,
  };
}
