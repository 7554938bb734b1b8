'use server';
/**
 * Word-link edits (link, unlink, review and ask for suggestions), through
 * authorizedAction like every edit; each is one revision (db/edits/word-link-edit.ts).
 */
import { documentPath } from '@/lib/citation/urls';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizedAction } from '@/app/_actions/authorized-action';
import { getDb } from '@/db';
import { applyWordLinkEdit } from '@/db/edits/word-link-edit';
import { suggestFromDocument } from '@/db/edits/word-link-suggest';
import { getDocumentBySlug } from '@/db/queries/documents';
import { AlignmentError } from '@/lib/alignment/errors';
import { wordLinkOpSchema } from '@/lib/alignment/op-schema';

export const editWordLinks = authorizedAction(
  {
    role: 'editor',
    schema: z.object({ slug: z.string().min(1).max(200), baseRev: z.number().int().positive(), op: wordLinkOpSchema }),
    name: 'edit.word-links',
  },
  async (input, { user }) => {
    const db = await getDb();
    const doc = await getDocumentBySlug(db, input.slug);
    if (!doc) throw new AlignmentError('not-found', 'This document does not exist.');
    const outcome = await applyWordLinkEdit(db, {
      documentId: doc.id,
      baseRev: input.baseRev,
      userId: user.id,
      op: input.op,
      suggest: suggestFromDocument,
    });
    revalidatePath(documentPath(input.slug), 'layout');
    return outcome;
  },
);
