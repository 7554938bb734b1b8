'use server';
/**
 * Editing a document: every action goes through authorizedAction (session →
 * editor role → zod → handler); the handler runs one transaction in db/edits
 * and revalidates the document's pages so the result shows at once.
 * Domain errors (AlignmentError, ConflictError) reach the editor as they are.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizedAction } from '@/app/_actions/authorized-action';
import { getDb } from '@/db';
import { applyEdit } from '@/db/edits/apply-edit';
import { previewRevert, revertTo, undoLastEdit } from '@/db/edits/history-edits';
import { getDocumentBySlug } from '@/db/queries/documents';
import { AlignmentError } from '@/lib/alignment/errors';
import { editOpSchema } from '@/lib/alignment/op-schema';
import { documentPath } from '@/lib/citation/urls';

const slug = z.string().min(1).max(200);
const rev = z.number().int().positive();

async function documentId(documentSlug: string): Promise<{ db: Awaited<ReturnType<typeof getDb>>; id: number }> {
  const db = await getDb();
  const doc = await getDocumentBySlug(db, documentSlug);
  if (!doc) throw new AlignmentError('not-found', 'This document does not exist.');
  return { db, id: doc.id };
}

function refresh(documentSlug: string): void {
  // The reader, the edit page, history and passages all show the new revision.
  revalidatePath(documentPath(documentSlug), 'layout');
}

export const editDocument = authorizedAction(
  { role: 'editor', schema: z.object({ slug, baseRev: rev, op: editOpSchema }), name: 'edit.apply' },
  async (input, { user }) => {
    const { db, id } = await documentId(input.slug);
    const outcome = await applyEdit(db, { documentId: id, baseRev: input.baseRev, userId: user.id, op: input.op });
    refresh(input.slug);
    return outcome;
  },
);

export const undoMyLastEdit = authorizedAction(
  { role: 'editor', schema: z.object({ slug, rev: rev.optional() }), name: 'edit.undo' },
  async (input, { user }) => {
    const { db, id } = await documentId(input.slug);
    const outcome = await undoLastEdit(db, { documentId: id, userId: user.id, rev: input.rev });
    refresh(input.slug);
    return outcome;
  },
);

export const revertDocument = authorizedAction(
  { role: 'editor', schema: z.object({ slug, baseRev: rev, toRev: rev }), name: 'edit.revert' },
  async (input, { user }) => {
    const { db, id } = await documentId(input.slug);
    const outcome = await revertTo(db, { documentId: id, userId: user.id, baseRev: input.baseRev, toRev: input.toRev });
    refresh(input.slug);
    return outcome;
  },
);

/** What a revert would change, shown before it is confirmed (reads only). */
export const previewRevertDocument = authorizedAction(
  { role: 'editor', schema: z.object({ slug, toRev: rev }), name: 'edit.revert-preview' },
  async (input) => {
    const { db, id } = await documentId(input.slug);
    return previewRevert(db, id, input.toRev);
  },
);
