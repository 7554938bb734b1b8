/**
 * Reads the project's JSON format (lib/export/json.ts) back into a bundle,
 * checking its shape with zod so a hand-edited file is refused with the path
 * of what is wrong, and its row structure (every witness a cell in every
 * row, turn numbers in order) so it stores as a consistent document.
 */
import { z } from 'zod';
import type { DocumentBundle } from '@/lib/document/bundle';
import { bundleProblems } from '@/lib/document/check-bundle';
import { JSON_FORMAT, JSON_FORMAT_VERSION } from '@/lib/export/json';
import { decodeMemoInput } from '@/lib/memo/decode';
import { ImportError, MAX_TURN_CHARS } from '@/lib/memo/errors';
import { ROW_STATUSES } from '@/lib/alignment/statuses';

const text = z
  .string()
  .max(MAX_TURN_CHARS, `is over ${MAX_TURN_CHARS.toLocaleString('en')} characters, the most one segment may hold`);
/** Most rows one export may hold (a 20,000-turn memo aligned sentence by sentence has a few times as many rows as turns). */
const MAX_ROWS = 100_000;
const segment = z.strictObject({
  turnNo: z.number().int().positive(),
  sentenceNo: z.number().int().positive().nullable(),
  speaker: z.string().max(200).nullable(),
  text,
  isPlaceholder: z.boolean(),
});
const bundleWord = z.strictObject({
  witness: z.number().int().min(0),
  segment: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().positive(),
});
const wordLink = z.strictObject({
  status: z.enum(['suggested', 'accepted']),
  source: z.array(bundleWord).min(1).max(64),
  target: z.array(bundleWord).min(1).max(64),
});
const bundleSchema = z.strictObject({
  format: z.literal(JSON_FORMAT),
  version: z.literal(JSON_FORMAT_VERSION),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens'),
  metadata: z.strictObject({
    title: z.string().min(1).max(1000),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    place: z.string().max(500).nullable(),
    participants: z.array(z.string().min(1).max(200)).max(100),
    archiveRef: z.string().max(2000).nullable(),
    translator: z.string().max(500).nullable(),
    publisher: z.string().max(500).nullable(),
    sourceNote: z.string().max(5000).nullable(),
    isExcerpt: z.boolean(),
    frontMatter: z.array(z.string().max(5000)).max(200),
  }),
  witnesses: z
    .array(
      z.strictObject({
        lang: z.string().min(2).max(35),
        role: z.enum(['source', 'translation']),
        label: z.string().min(1).max(200),
        isPlaceholderWitness: z.boolean(),
      }),
    )
    .min(1)
    .max(16),
  rows: z
    .array(
      z.strictObject({
        status: z.enum(ROW_STATUSES),
        note: z.string().max(2000).nullable(),
        cells: z.array(z.array(segment)),
        links: z.array(wordLink).max(5_000).optional(),
      }),
    )
    .max(
      MAX_ROWS,
      `has more than ${MAX_ROWS.toLocaleString('en')} rows, the most one document may hold (split it into several documents)`,
    ),
  milestones: z.array(
    z.strictObject({
      witness: z.number().int().min(0),
      turnNo: z.number().int().positive(),
      paragraph: z.number().int().min(0),
      label: z.string().min(1).max(50),
    }),
  ),
});

/** Refuses a bundle that would not make a consistent document, naming the first problem. */
export function assertConsistent(bundle: DocumentBundle): void {
  const problems = bundleProblems(bundle);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ImportError('bad-format', null, `the document is not consistent: ${problems[0]}${more}`);
  }
}

export function parseJsonDocument(input: string | Uint8Array): DocumentBundle {
  const source = decodeMemoInput(input);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1];
    const line = at === undefined ? null : source.slice(0, Number(at)).split('\n').length;
    // Node quotes the whole input in some messages; keep only the reason, on one line.
    const reason = (error as Error).message.split(/,\s*"|\n/)[0]!.trim();
    throw new ImportError('bad-format', line, `this is not valid JSON (${reason})`);
  }
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ImportError('bad-format', null, `not a Diptych document export: ${path || 'the file'}: ${issue.message}`);
  }
  const bundle = parsed.data;
  const width = bundle.witnesses.length;
  bundle.rows.forEach((row, r) => {
    if (row.cells.length !== width) {
      throw new ImportError('bad-format', null, `rows[${r}] has ${row.cells.length} cells but the document has ${width} witnesses`);
    }
  });
  bundle.rows.forEach((row, r) => {
    for (const link of row.links ?? []) {
      for (const w of [...link.source, ...link.target]) {
        const text = row.cells[w.witness]?.[w.segment]?.text;
        if (text === undefined || w.end > text.length || w.start >= w.end) {
          throw new ImportError('bad-format', null, `rows[${r}] has a word link to a word that is not in the row`);
        }
      }
    }
  });
  for (const m of bundle.milestones) {
    if (m.witness >= width)
      throw new ImportError('bad-format', null, `a milestone names witness ${m.witness}, but there are ${width}`);
  }
  assertConsistent(bundle);
  return bundle;
}
