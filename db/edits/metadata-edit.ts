/**
 * Document details as revisions. Correcting them is one transaction and one
 * revision like any edit: lock the document, refuse if the details changed
 * since the editor's base revision, close the current metadata version and
 * insert the next (document_metadata, versioned like segments). The copies
 * of the current details in `documents` and `witnesses` (which current
 * reads use) are rewritten in the same transaction. Undo and revert restore
 * an earlier version the same way (db/edits/history-edits.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ConflictError } from '@/lib/alignment/errors';
import type { EditMetadataOp } from '@/lib/alignment/op-schema';
import { editMetadata, sameMetadata, type MetadataVersion } from '@/lib/alignment/ops/edit-metadata';
import type { Db } from '../connect';
import { getMetadataAt } from '../queries/document-metadata';
import { documentMetadata, documents, witnesses } from '../schema';
import type { EditOutcome } from './apply-edit';
import { revisionAuthor } from './conflict';
import { checkBaseRev, lockDocument, recordRevision } from './document-lock';

/** Closes the current metadata version and writes `next` as revision `rev`'s, with the current copies. */
export async function writeMetadataVersion(db: Db, documentId: number, rev: number, next: MetadataVersion): Promise<void> {
  await db
    .update(documentMetadata)
    .set({ revTo: rev })
    .where(and(eq(documentMetadata.documentId, documentId), isNull(documentMetadata.revTo)));
  await db.insert(documentMetadata).values({ documentId, ...next, revFrom: rev });
  await db
    .update(documents)
    .set({
      title: next.title,
      date: next.date,
      participants: next.participants,
      archiveRef: next.archiveRef,
      translator: next.translator,
      publisher: next.publisher,
      sourceNote: next.sourceNote,
      isExcerpt: next.isExcerpt,
    })
    .where(eq(documents.id, documentId));
  for (const w of next.witnesses) {
    await db
      .update(witnesses)
      .set({ lang: w.lang, label: w.label })
      .where(and(eq(witnesses.id, w.id), eq(witnesses.documentId, documentId)));
  }
}

export async function currentMetadata(db: Db, documentId: number): Promise<MetadataVersion & { revFrom: number }> {
  const meta = await getMetadataAt(db, documentId, null);
  if (!meta) throw new Error(`document ${documentId} has no metadata`);
  return meta;
}

export function metadataConflict(currentRev: number, changedInRev: number, changedBy: string, tail: string): ConflictError {
  return new ConflictError(`The document’s details changed in revision ${changedInRev} by ${changedBy}; ${tail}`, {
    currentRev,
    passage: 'the document details',
    changedInRev,
    changedBy,
    rows: [],
  });
}

export async function applyMetadataEdit(
  db: Db,
  input: { documentId: number; baseRev: number; userId: number; op: EditMetadataOp },
): Promise<EditOutcome> {
  const { documentId, baseRev, userId, op } = input;
  return db.transaction(async (tx) => {
    const { currentRev } = await lockDocument(tx, documentId);
    checkBaseRev(baseRev, currentRev);
    const { revFrom, ...current } = await currentMetadata(tx, documentId);
    if (revFrom > baseRev) {
      throw metadataConflict(currentRev, revFrom, await revisionAuthor(tx, documentId, revFrom), 'reload to see them.');
    }
    const { next, summary } = editMetadata(current, op);
    const rev = currentRev + 1;
    await writeMetadataVersion(tx, documentId, rev, next);
    await recordRevision(tx, { documentId, rev, userId, op, summary });
    return { rev, summary, written: { rows: 0, segments: 0 } };
  });
}

function withoutRev({ revFrom: _r, ...rest }: MetadataVersion & { revFrom: number }): MetadataVersion {
  return rest;
}

/**
 * Undo of revision x: the details to restore (as they were before x), or
 * null when x did not change them. Refused when they changed after x.
 */
export async function metadataToUndo(db: Db, documentId: number, x: number, currentRev: number): Promise<MetadataVersion | null> {
  const [createdAtX] = await db
    .select({ id: documentMetadata.id })
    .from(documentMetadata)
    .where(and(eq(documentMetadata.documentId, documentId), eq(documentMetadata.revFrom, x)))
    .limit(1);
  if (!createdAtX) return null;
  const now = await currentMetadata(db, documentId);
  if (now.revFrom !== x) {
    const by = await revisionAuthor(db, documentId, now.revFrom);
    throw metadataConflict(
      currentRev,
      now.revFrom,
      by,
      `your revision ${x} can no longer be undone. Reload to see them as they are now.`,
    );
  }
  const before = await getMetadataAt(db, documentId, x - 1);
  return before ? withoutRev(before) : null;
}

/** Revert to revision r: the details as of r, or null when they are the same now. */
export async function metadataToRevert(db: Db, documentId: number, r: number): Promise<MetadataVersion | null> {
  const now = await currentMetadata(db, documentId);
  if (now.revFrom <= r) return null;
  const target = await getMetadataAt(db, documentId, r);
  if (!target || sameMetadata(withoutRev(now), withoutRev(target))) return null;
  return withoutRev(target);
}
