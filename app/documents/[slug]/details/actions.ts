'use server';
/**
 * Correcting a document's details (editors only): the form's fields become
 * an edit-metadata op (lib/alignment/op-schema.ts), applied as one revision
 * against the revision the editor saw (db/edits/metadata-edit.ts).
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/app/_actions/authorized-action';
import { getDb } from '@/db';
import { applyMetadataEdit } from '@/db/edits/metadata-edit';
import { getDocumentBySlug } from '@/db/queries/documents';
import { AlignmentError } from '@/lib/alignment/errors';
import { editMetadataSchema } from '@/lib/alignment/op-schema';
import { documentPath } from '@/lib/citation/urls';

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const field = z.string().max(10_000).default('');

const detailsForm = z.object({
  slug: z.string().min(1).max(200),
  baseRev: z.coerce.number().int().positive(),
  title: field,
  date: field,
  place: field,
  participants: field,
  archiveRef: field,
  translator: field,
  publisher: field,
  sourceNote: field,
  witnessId: many.default([]),
  lang: many.default([]),
  label: many.default([]),
});

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  date: 'Date',
  place: 'Place',
  participants: 'Participants',
  archiveRef: 'Archive reference',
  translator: 'Translator',
  publisher: 'Publisher',
  sourceNote: 'Source note',
  languages: 'Columns',
};

export const editDetails = formAction({ role: 'editor', schema: detailsForm, name: 'details.edit' }, async (input, { user }) => {
  const db = await getDb();
  const doc = await getDocumentBySlug(db, input.slug);
  if (!doc) throw new AlignmentError('not-found', 'This document does not exist.');
  const parsed = editMetadataSchema.safeParse({
    type: 'edit-metadata',
    metadata: {
      title: input.title,
      date: input.date,
      place: input.place,
      participants: input.participants.split(/\r?\n/),
      archiveRef: input.archiveRef,
      translator: input.translator,
      publisher: input.publisher,
      sourceNote: input.sourceNote,
    },
    languages: input.witnessId.map((id, i) => ({ witnessId: Number(id), lang: input.lang[i] ?? '', label: input.label[i] ?? '' })),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [group, name] = issue.path.map(String);
    const where = FIELD_LABELS[group === 'metadata' ? (name ?? '') : (group ?? '')] ?? 'A field';
    throw new AlignmentError('bad-metadata', `${where} ${issue.message}.`);
  }
  const outcome = await applyMetadataEdit(db, { documentId: doc.id, baseRev: input.baseRev, userId: user.id, op: parsed.data });
  revalidatePath(documentPath(input.slug), 'layout');
  revalidatePath('/');
  return outcome;
});
