'use server';
/**
 * Importing a document from the upload page (editors only, through
 * formAction: session → role → zod → handler). `previewImport` parses and
 * reports without writing; `saveImport` parses the same input again and
 * stores it as revision 1 under the signed-in editor.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/app/_actions/authorized-action';
import { getDb } from '@/db';
import { importBundle } from '@/db/import-bundle';
import { planImport } from '@/lib/import/plan-import';
import { importPreview } from '@/lib/import/preview';
import { ImportError, MAX_MEMO_BYTES } from '@/lib/memo/errors';

const optional = z
  .string()
  .max(100)
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const importInput = z.object({
  fileName: z.string().trim().min(1, 'choose a file or name the text').max(255),
  // Characters, checked again in bytes by the importer (50 MiB).
  text: z.string().max(MAX_MEMO_BYTES, `is over ${MAX_MEMO_BYTES / 1024 / 1024} MiB`),
  slug: optional,
  sourceLang: optional,
  translationLang: optional,
});

function plan(input: z.output<typeof importInput>) {
  return planImport(input.text, {
    fileName: input.fileName,
    slug: input.slug ?? null,
    sourceLang: input.sourceLang,
    translationLang: input.translationLang,
  });
}

export const previewImport = formAction({ role: 'editor', schema: importInput, name: 'import.preview' }, (input) =>
  Promise.resolve(importPreview(plan(input))),
);

export const saveImport = formAction({ role: 'editor', schema: importInput, name: 'import.save' }, async (input, { user }) => {
  const p = plan(input);
  const { created } = await importBundle(await getDb(), p.bundle, { userId: user.id, op: p.op, summary: p.summary });
  if (!created) throw new ImportError('bad-slug', null, `a document “${p.bundle.slug}” exists already; choose another slug`);
  revalidatePath('/');
  return { slug: p.bundle.slug, rows: p.bundle.rows.length };
});
