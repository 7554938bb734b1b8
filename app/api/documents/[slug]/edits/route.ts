import { revalidatePath } from 'next/cache';
import { documentPath } from '@/lib/citation/urls';
import { z } from 'zod';
import { getCurrentUser } from '@/app/_auth/current-user';
import { editErrorResponse, readJsonBody, sameOriginRefusal } from '@/app/api/_lib/edits';
import { getDb } from '@/db';
import { applyEdit } from '@/db/edits/apply-edit';
import { getDocumentBySlug } from '@/db/queries/documents';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { AlignmentError } from '@/lib/alignment/errors';
import { editOpSchema } from '@/lib/alignment/op-schema';
import { runAction } from '@/lib/auth/action-pipeline';
import { DomainError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const editRequestSchema = z.object({ baseRev: z.number().int().positive(), op: editOpSchema });

/** A database that stopped answering is "not saved, try again", not an internal error. */
async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      throw new DomainError(
        'database-unavailable',
        'Not saved: the database is not answering. Keep your text and try again in a moment.',
      );
    }
    throw error;
  }
}

/**
 * POST /api/documents/[slug]/edits — one edit as JSON, for programs (docs/api.md#editing): the same
 * session → editor role → op schema → applyEdit pipeline as the edit page's server action.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const refused = sameOriginRefusal(request);
  if (refused) return refused;
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const { slug } = await params;
  const result = await runAction(
    { role: 'editor', schema: editRequestSchema, name: 'api.edit' },
    (input, { user }) =>
      unlessUnavailable(async () => {
        const db = await getDb();
        const doc = await getDocumentBySlug(db, slug);
        if (!doc) throw new AlignmentError('not-found', `There is no document “${slug}”.`);
        const outcome = await applyEdit(db, { documentId: doc.id, baseRev: input.baseRev, userId: user.id, op: input.op });
        revalidatePath(documentPath(slug), 'layout');
        return outcome;
      }),
    body,
    () => unlessUnavailable(getCurrentUser),
  );
  if (!result.ok) return editErrorResponse(result.error);
  return Response.json({ rev: result.data.rev, summary: result.data.summary }, { headers: { 'Cache-Control': 'no-store' } });
}
