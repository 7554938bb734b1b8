/**
 * Every revision of a document is written under a row lock on the document:
 * `select ... for update` serializes revision numbers (2, 3, 4 ... with no
 * gap or duplicate) while edits to other documents run in parallel.
 */
import { eq } from 'drizzle-orm';
import { AlignmentError } from '@/lib/alignment/errors';
import type { Db } from '../connect';
import { checkWriteLimit } from './write-limit';
import { documents, revisions } from '../schema';

export async function lockDocument(db: Db, documentId: number): Promise<{ currentRev: number }> {
  const [doc] = await db
    .select({ currentRev: documents.currentRev })
    .from(documents)
    .where(eq(documents.id, documentId))
    .for('update');
  if (!doc) throw new AlignmentError('not-found', 'This document does not exist.');
  return doc;
}

/** Bumps the document to `rev` and records the revision (who, what, a readable summary), within the editor's write limit. */
export async function recordRevision(
  db: Db,
  input: { documentId: number; rev: number; userId: number; op: unknown; summary: string },
): Promise<void> {
  await checkWriteLimit(db, input.userId);
  await db.update(documents).set({ currentRev: input.rev }).where(eq(documents.id, input.documentId));
  await db.insert(revisions).values({
    documentId: input.documentId,
    rev: input.rev,
    userId: input.userId,
    op: input.op,
    summary: input.summary,
  });
}

export function checkBaseRev(baseRev: number, currentRev: number): void {
  if (!Number.isInteger(baseRev) || baseRev < 1 || baseRev > currentRev) {
    throw new AlignmentError(
      'bad-revision',
      `This edit was made against revision ${baseRev}, but the document's newest revision is ${currentRev}; reload the page.`,
    );
  }
}
