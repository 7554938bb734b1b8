/**
 * Edit latency on a 10-row and a 20,000-row document: the point of the
 * versioned, windowed design is that the two are the same. Runs on an
 * in-memory PGlite, and also on the PostgreSQL server when DATABASE_URL is
 * set (a throwaway database, dropped afterwards). Returns Markdown table rows.
 *
 * The two documents are edited in alternation (10, 20,000, 10, ...) so that
 * load from other processes falls on both alike; each edit is undone
 * (untimed) so every run edits the same shape.
 */
import './bench-env';
import { performance } from 'node:perf_hooks';
import type { Db } from '@/db/connect';
import { applyEdit } from '@/db/edits/apply-edit';
import { undoLastEdit } from '@/db/edits/history-edits';
import { documents, users } from '@/db/schema';
import type { EditOp } from '@/lib/alignment/op-schema';
import { eq } from 'drizzle-orm';
import { createTestDatabase, testDatabaseKinds } from '../tests/support/databases';
import { createLargeDocument } from '../tests/support/large-document';

const SIZES = [10, 20_000] as const;
export const EDIT_RUNS = 10;
const WARM_UP = 2;
const OPERATIONS = ['merge rows', 'split turn into sentences', 'replace placeholder', 'set status + note'] as const;
type Operation = (typeof OPERATIONS)[number];

function opFor(operation: Operation, documentId: number, n: number, run: number): EditOp {
  // Spread the edits over the document: start, middle, end.
  const turn = 1 + ((run * 7919) % (n - 1));
  const odd = turn % 2 === 1 ? turn : turn - 1 || 1;
  const key = (t: number, lang: 'en' | 'ru') => `s_${documentId}_${lang}_${t}`;
  const row = (t: number) => `r_${documentId}_${t}`;
  switch (operation) {
    case 'merge rows':
      return { type: 'merge-rows', rowKey: row(turn), nextRowKey: row(turn + 1) };
    case 'split turn into sentences':
      return { type: 'split-segment', segmentKey: key(turn, 'en'), offsets: [`Turn ${turn} opens here. `.length] };
    case 'replace placeholder':
      return { type: 'replace-placeholder', segmentKey: key(odd, 'ru'), text: `Реплика ${odd}.` };
    case 'set status + note':
      return { type: 'set-row-status', rowKey: row(turn), status: 'verified', note: { kind: 'omission', text: 'benchmark' } };
  }
}

async function timedEdit(db: Db, documentId: number, userId: number, op: EditOp): Promise<number> {
  const [doc] = await db.select({ rev: documents.currentRev }).from(documents).where(eq(documents.id, documentId));
  const t0 = performance.now();
  await applyEdit(db, { documentId, baseRev: doc!.rev, userId, op });
  const elapsed = performance.now() - t0;
  await undoLastEdit(db, { documentId, userId });
  return elapsed;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export async function runEditLatencyBench(): Promise<string[]> {
  const lines: string[] = [];
  for (const kind of testDatabaseKinds) {
    const database = await createTestDatabase(kind);
    const label = kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL server';
    try {
      const [user] = await database.db
        .insert(users)
        .values({ email: 'bench@example.test', name: 'Bench', role: 'editor' })
        .returning({ id: users.id });
      const docs = new Map<number, number>();
      for (const n of SIZES) {
        process.stderr.write(`${label}: generating a ${n}-row document…\n`);
        docs.set(n, await createLargeDocument(database.db, { slug: `bench-${n}`, turns: n, userId: user!.id }));
      }
      for (const operation of OPERATIONS) {
        const samples = new Map<number, number[]>(SIZES.map((n) => [n, []]));
        for (let run = 0; run < WARM_UP + EDIT_RUNS; run++) {
          for (const n of SIZES) {
            const documentId = docs.get(n)!;
            const ms = await timedEdit(database.db, documentId, user!.id, opFor(operation, documentId, n, run));
            if (run >= WARM_UP) samples.get(n)!.push(ms);
          }
        }
        const small = stats(samples.get(SIZES[0])!);
        const large = stats(samples.get(SIZES[1])!);
        lines.push(
          `| ${label} | ${operation} | ${small.median.toFixed(1)} | ${small.p95.toFixed(1)} | ${large.median.toFixed(1)} | ${large.p95.toFixed(1)} | ${(large.median / small.median).toFixed(2)} |`,
        );
      }
    } finally {
      await database.dispose();
    }
  }
  return lines;
}
