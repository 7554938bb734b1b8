/**
 * The project's own JSON format: a document bundle, lossless. Keys are
 * written in a fixed order and the output ends with one newline, so the same
 * document always gives the same bytes (export -> import -> export is
 * byte-identical). No database ids, keys or revision numbers are in it.
 */
import type { DocumentBundle } from '@/lib/document/bundle';

export const JSON_FORMAT = 'diptych-document';
export const JSON_FORMAT_VERSION = 1;

export function exportJson(bundle: DocumentBundle): string {
  const m = bundle.metadata;
  const ordered = {
    format: JSON_FORMAT,
    version: JSON_FORMAT_VERSION,
    slug: bundle.slug,
    metadata: {
      title: m.title,
      date: m.date,
      place: m.place,
      participants: m.participants,
      archiveRef: m.archiveRef,
      translator: m.translator,
      publisher: m.publisher,
      sourceNote: m.sourceNote,
      isExcerpt: m.isExcerpt,
      frontMatter: m.frontMatter,
    },
    witnesses: bundle.witnesses.map((w) => ({
      lang: w.lang,
      role: w.role,
      label: w.label,
      isPlaceholderWitness: w.isPlaceholderWitness,
    })),
    rows: bundle.rows.map((r) => ({
      status: r.status,
      note: r.note,
      cells: r.cells.map((cell) =>
        cell.map((s) => ({
          turnNo: s.turnNo,
          sentenceNo: s.sentenceNo,
          speaker: s.speaker,
          text: s.text,
          isPlaceholder: s.isPlaceholder,
        })),
      ),
      // Only rows with word links carry the key, so a document without any exports as before.
      ...(r.links?.length
        ? {
            links: r.links.map((l) => ({
              status: l.status,
              source: l.source.map((w) => ({ witness: w.witness, segment: w.segment, start: w.start, end: w.end })),
              target: l.target.map((w) => ({ witness: w.witness, segment: w.segment, start: w.start, end: w.end })),
            })),
          }
        : {}),
    })),
    milestones: bundle.milestones.map((p) => ({ witness: p.witness, turnNo: p.turnNo, paragraph: p.paragraph, label: p.label })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
