/**
 * Stores a parsed memo as a document at revision 1: a translation witness
 * holding the turns, a source witness of placeholders (one per turn), and one
 * alignment row per turn with status 'auto'. One transaction; nothing is
 * written if any part fails.
 */
import { eq } from 'drizzle-orm';
import { newKey, orderKeysBetween } from '@/lib/keys/ids';
import type { MemoDocument } from '@/lib/memo/model';
import { placeholderSpeaker } from '@/lib/memo/placeholder';
import type { Db } from './connect';
import { alignmentMembers, alignmentRows, documents, revisions, segments, witnesses } from './schema';

export interface ImportMemoOptions {
  slug: string;
  /** Language of the translation the memo is written in. */
  translationLang: string;
  /** Language of the (missing) original, to be filled by editors. */
  sourceLang: string;
  sourceLabel: string;
  translationLabel: string;
  userId: number;
}

/** Imports the memo unless a document with this slug exists; returns its id and whether it was created. */
export async function importMemoDocument(
  db: Db,
  memo: MemoDocument,
  options: ImportMemoOptions,
): Promise<{ documentId: number; created: boolean }> {
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(documents)
      .values({
        slug: options.slug,
        title: memo.title,
        date: memo.date,
        participants: memo.participants,
        archiveRef: memo.sourceNote?.archiveRef ?? null,
        translator: memo.sourceNote?.translator ?? null,
        publisher: memo.sourceNote?.publisher ?? null,
        sourceNote: memo.sourceNote?.raw ?? null,
        isExcerpt: memo.isExcerpt,
        currentRev: 1,
      })
      // A concurrent or earlier import of the same slug wins; this one does nothing.
      .onConflictDoNothing({ target: documents.slug })
      .returning({ id: documents.id });
    if (!doc) {
      const [existing] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(eq(documents.slug, options.slug));
      return { documentId: existing!.id, created: false };
    }

    const [source, translation] = await tx
      .insert(witnesses)
      .values([
        {
          documentId: doc.id,
          lang: options.sourceLang,
          role: 'source' as const,
          label: options.sourceLabel,
          isPlaceholderWitness: true,
          position: 0,
        },
        {
          documentId: doc.id,
          lang: options.translationLang,
          role: 'translation' as const,
          label: options.translationLabel,
          isPlaceholderWitness: false,
          position: 1,
        },
      ])
      .returning({ id: witnesses.id });

    const n = memo.turns.length;
    const orderKeys = orderKeysBetween(null, null, n);
    const turns = memo.turns.map((turn, i) => ({
      turn,
      orderKey: orderKeys[i]!,
      translationKey: newKey('s'),
      sourceKey: newKey('s'),
      rowKey: newKey('r'),
    }));

    await tx.insert(revisions).values({
      documentId: doc.id,
      rev: 1,
      userId: options.userId,
      op: { type: 'import', format: 'memo', turns: n },
      summary: `Imported ${n} turns; source column of ${n} placeholders`,
    });

    if (n === 0) return { documentId: doc.id, created: true };

    await tx.insert(segments).values(
      turns.flatMap(({ turn, orderKey, translationKey, sourceKey }) => [
        {
          key: translationKey,
          documentId: doc.id,
          witnessId: translation!.id,
          orderKey,
          turnNo: turn.turnNo,
          speaker: turn.speaker,
          text: turn.paragraphs.join('\n\n'),
          isPlaceholder: false,
          revFrom: 1,
        },
        {
          key: sourceKey,
          documentId: doc.id,
          witnessId: source!.id,
          orderKey,
          turnNo: turn.turnNo,
          speaker: placeholderSpeaker(turn.speaker, options.sourceLang),
          text: '',
          isPlaceholder: true,
          revFrom: 1,
        },
      ]),
    );

    const rows = await tx
      .insert(alignmentRows)
      .values(
        turns.map(({ rowKey, orderKey }) => ({
          key: rowKey,
          documentId: doc.id,
          orderKey,
          status: 'auto' as const,
          revFrom: 1,
        })),
      )
      .returning({ id: alignmentRows.id, key: alignmentRows.key });
    const rowIdByKey = new Map(rows.map((r) => [r.key, r.id]));

    await tx.insert(alignmentMembers).values(
      turns.flatMap(({ rowKey, translationKey, sourceKey }) => [
        { rowVersionId: rowIdByKey.get(rowKey)!, witnessId: source!.id, segmentKey: sourceKey },
        { rowVersionId: rowIdByKey.get(rowKey)!, witnessId: translation!.id, segmentKey: translationKey },
      ]),
    );
    return { documentId: doc.id, created: true };
  });
}
