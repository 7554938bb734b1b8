/**
 * Stores a document bundle (lib/document/bundle.ts) as a new document at
 * revision 1: its witnesses, segments, rows and members, its metadata as
 * version 1 and its page milestones. One transaction; nothing is written if
 * any part fails, and a slug that exists already changes nothing.
 */
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { BundleWord, DocumentBundle } from '@/lib/document/bundle';
import { newKey, orderKeysBetween } from '@/lib/keys/ids';
import type { Db } from './connect';
import { alignmentRows, documentMetadata, documents, pageMilestones, revisions, segments, witnesses, wordLinks } from './schema';

export interface ImportBundleOptions {
  userId: number;
  /** What revision 1 records as its operation (format, counts). */
  op: { type: 'import'; format: string; [k: string]: unknown };
  summary: string;
  /** Called after each chunk of stored rows: long imports print it. */
  onProgress?: (done: number, total: number) => void;
}

export async function importBundle(
  db: Db,
  bundle: DocumentBundle,
  options: ImportBundleOptions,
): Promise<{ documentId: number; created: boolean }> {
  const meta = bundle.metadata;
  const result = await db.transaction(async (tx): Promise<{ documentId: number; created: boolean }> => {
    const [doc] = await tx
      .insert(documents)
      .values({
        slug: bundle.slug,
        title: meta.title,
        date: meta.date,
        participants: meta.participants,
        archiveRef: meta.archiveRef,
        translator: meta.translator,
        publisher: meta.publisher,
        sourceNote: meta.sourceNote,
        isExcerpt: meta.isExcerpt,
        currentRev: 1,
      })
      // A concurrent or earlier import of the same slug wins; this one does nothing.
      .onConflictDoNothing({ target: documents.slug })
      .returning({ id: documents.id });
    if (!doc) {
      const [existing] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.slug, bundle.slug));
      return { documentId: existing!.id, created: false };
    }

    const witnessRows = await tx
      .insert(witnesses)
      .values(
        bundle.witnesses.map((w, position) => ({
          documentId: doc.id,
          lang: w.lang,
          role: w.role,
          label: w.label,
          isPlaceholderWitness: w.isPlaceholderWitness,
          position,
        })),
      )
      .returning({ id: witnesses.id, position: witnesses.position });
    const witnessIds = bundle.witnesses.map((_, i) => witnessRows.find((w) => w.position === i)!.id);

    await tx
      .insert(revisions)
      .values({ documentId: doc.id, rev: 1, userId: options.userId, op: options.op, summary: options.summary });
    await tx.insert(documentMetadata).values({
      documentId: doc.id,
      ...meta,
      witnesses: bundle.witnesses.map((w, i) => ({ id: witnessIds[i]!, lang: w.lang, label: w.label })),
      revFrom: 1,
    });
    if (bundle.milestones.length) {
      await tx.insert(pageMilestones).values(
        bundle.milestones.map((m) => ({
          documentId: doc.id,
          witnessId: witnessIds[m.witness]!,
          turnNo: m.turnNo,
          paragraph: m.paragraph,
          label: m.label,
          revFrom: 1,
        })),
      );
    }
    if (bundle.rows.length === 0) return { documentId: doc.id, created: true };

    // Order keys: one per row, and per witness one per segment in reading order.
    const rowOrder = orderKeysBetween(null, null, bundle.rows.length);
    const segmentOrder = bundle.witnesses.map((_, w) => {
      const n = bundle.rows.reduce((sum, row) => sum + (row.cells[w]?.length ?? 0), 0);
      return n ? orderKeysBetween(null, null, n) : [];
    });
    const used = bundle.witnesses.map(() => 0);
    const segmentValues: (typeof segments.$inferInsert)[] = [];
    const linkValues: (typeof wordLinks.$inferInsert)[] = [];
    const rows = bundle.rows.map((row, i) => {
      const keysOfCells: string[][] = row.cells.map(() => []);
      const members = row.cells.flatMap((cell, w) =>
        cell.map((segment) => {
          const key = newKey('s');
          keysOfCells[w]!.push(key);
          segmentValues.push({
            key,
            documentId: doc.id,
            witnessId: witnessIds[w]!,
            orderKey: segmentOrder[w]![used[w]!++]!,
            turnNo: segment.turnNo,
            sentenceNo: segment.sentenceNo,
            speaker: segment.speaker,
            text: segment.text,
            isPlaceholder: segment.isPlaceholder,
            revFrom: 1,
          });
          return { witnessId: witnessIds[w]!, segmentKey: key };
        }),
      );
      const rowKey = newKey('r');
      const token = (w: BundleWord) => ({ segmentKey: keysOfCells[w.witness]![w.segment]!, start: w.start, end: w.end });
      for (const link of row.links ?? []) {
        linkValues.push({
          key: newKey('w'),
          documentId: doc.id,
          rowKey,
          sourceTokens: link.source.map(token),
          targetTokens: link.target.map(token),
          status: link.status,
          userId: options.userId,
          revFrom: 1,
        });
      }
      return { key: rowKey, orderKey: rowOrder[i]!, status: row.status, note: row.note, members };
    });

    await insertRows(tx, doc.id, rows, segmentValues, options.onProgress);
    for (let i = 0; i < linkValues.length; i += 1_000) await tx.insert(wordLinks).values(linkValues.slice(i, i + 1_000));
    return { documentId: doc.id, created: true };
  });
  // A bulk import changes the tables' shape at once: refresh the planner's statistics now rather than
  // waiting for autovacuum (PGlite has none), so the first readers get index plans. Segments are analyzed
  // by column: with a column list PostgreSQL skips the statistics of expression indexes, here the four
  // to_tsvector search indexes, which took 4.7 of 4.9 s on a 20,000-turn import (their default
  // selectivity still picks the GIN index; autovacuum computes them later on a server).
  if (result.created && bundle.rows.length >= ANALYZE_AFTER_ROWS) {
    await db.execute(sql.raw(`analyze segments (${columnNames(segments)}), alignment_rows, alignment_members`));
  }
  return result;
}

/**
 * Rows per chunk. Each chunk is two statements whose values travel as one JSON parameter each
 * (jsonb_to_recordset), so no statement comes near PostgreSQL's 65,535 parameters and no query
 * text grows with the chunk.
 */
const CHUNK_ROWS = 1_000;
const ANALYZE_AFTER_ROWS = 1_000;

/** A table's column names, quoted, for ANALYZE's column list. */
function columnNames(table: Parameters<typeof getTableColumns>[0]): string {
  return Object.values(getTableColumns(table))
    .map((column) => `"${column.name}"`)
    .join(', ');
}

interface RowToInsert {
  key: string;
  orderKey: string;
  status: (typeof alignmentRows.$inferInsert)['status'];
  note: string | null;
  members: { witnessId: number; segmentKey: string }[];
}

/** Inserts rows with their segments and members a chunk of rows at a time, so a book fits any statement limit. */
async function insertRows(
  tx: Db,
  documentId: number,
  rows: RowToInsert[],
  segmentValues: (typeof segments.$inferInsert)[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const segmentByKey = new Map(segmentValues.map((s) => [s.key, s]));
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const chunkSegments = chunk.flatMap((row) =>
      row.members.map((m) => {
        const s = segmentByKey.get(m.segmentKey)!;
        return {
          key: s.key,
          witness_id: s.witnessId,
          order_key: s.orderKey,
          turn_no: s.turnNo,
          sentence_no: s.sentenceNo ?? null,
          speaker: s.speaker ?? null,
          text: s.text,
          is_placeholder: s.isPlaceholder ?? false,
        };
      }),
    );
    if (chunkSegments.length) {
      await tx.execute(sql`
        insert into segments (key, document_id, witness_id, order_key, turn_no, sentence_no, speaker, text, is_placeholder, rev_from)
        select s.key, ${documentId}, s.witness_id, s.order_key, s.turn_no, s.sentence_no, s.speaker, s.text, s.is_placeholder, 1
        from jsonb_to_recordset(${JSON.stringify(chunkSegments)}::jsonb)
          as s(key text, witness_id integer, order_key text, turn_no integer, sentence_no integer, speaker text, text text, is_placeholder boolean)`);
    }
    const rowsJson = JSON.stringify(chunk.map(({ key, orderKey, status, note }) => ({ key, order_key: orderKey, status, note })));
    const membersJson = JSON.stringify(
      chunk.flatMap((row) => row.members.map((m) => ({ row_key: row.key, witness_id: m.witnessId, segment_key: m.segmentKey }))),
    );
    // The rows and their members in one statement: the members find their row's new id by its key.
    await tx.execute(sql`
      with inserted as (
        insert into alignment_rows (key, document_id, order_key, status, note, rev_from)
        select r.key, ${documentId}, r.order_key, r.status, r.note, 1
        from jsonb_to_recordset(${rowsJson}::jsonb) as r(key text, order_key text, status text, note text)
        returning id, key
      )
      insert into alignment_members (row_version_id, witness_id, segment_key)
      select inserted.id, m.witness_id, m.segment_key
      from jsonb_to_recordset(${membersJson}::jsonb) as m(row_key text, witness_id integer, segment_key text)
      join inserted on inserted.key = m.row_key`);
    onProgress?.(start + chunk.length, rows.length);
  }
}
