/**
 * After the load, with the server stopped: open the database directly and
 * check that every acknowledged edit is in the document's history (same
 * revision, same author, same operation), that revisions run 1..current with
 * no gap, and that the alignment invariants hold at every revision.
 */
import { isDeepStrictEqual } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { connect } from '@/db/connect';
import { getAlignmentState } from '@/db/queries/alignment';
import { documents, revisions, users } from '@/db/schema';
import { findViolations, turnRefViolations } from '@/lib/alignment/invariants';
import type { Storage } from './app-server';
import { SLUG, type AcknowledgedEdit } from './traffic';

export interface Verdict {
  revisions: number;
  found: number;
  problems: string[];
}

export async function verifyDocument(storage: Storage, acknowledged: AcknowledgedEdit[]): Promise<Verdict> {
  const database = await connect('databaseUrl' in storage ? { url: storage.databaseUrl, max: 2 } : { dataDir: storage.dataDir });
  const problems: string[] = [];
  try {
    const { db } = database;
    const [doc] = await db
      .select({ id: documents.id, currentRev: documents.currentRev })
      .from(documents)
      .where(eq(documents.slug, SLUG));
    if (!doc) return { revisions: 0, found: 0, problems: [`the document ${SLUG} is gone`] };
    const history = await db
      .select({ rev: revisions.rev, userId: revisions.userId, op: revisions.op })
      .from(revisions)
      .where(eq(revisions.documentId, doc.id));
    const byRev = new Map(history.map((r) => [r.rev, r]));
    const revs = [...byRev.keys()].sort((a, b) => a - b);
    if (revs.length !== doc.currentRev || revs.some((rev, i) => rev !== i + 1)) {
      problems.push(`revisions are not 1..${doc.currentRev} without gaps: ${revs.length} revisions`);
    }

    const emails = [...new Set(acknowledged.map((a) => a.email))];
    const ids = emails.length
      ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
      : [];
    const idOf = new Map(ids.map((u) => [u.email, u.id]));
    let found = 0;
    const seen = new Set<number>();
    for (const edit of acknowledged) {
      const stored = byRev.get(edit.rev);
      if (seen.has(edit.rev)) problems.push(`revision ${edit.rev} was acknowledged twice`);
      seen.add(edit.rev);
      if (!stored) problems.push(`acknowledged revision ${edit.rev} (${String(edit.op.type)} by ${edit.email}) is not in the history`);
      else if (stored.userId !== idOf.get(edit.email))
        problems.push(`revision ${edit.rev} is by user ${stored.userId}, but was acknowledged to ${edit.email}`);
      else if (!isDeepStrictEqual(stored.op, edit.op))
        problems.push(`revision ${edit.rev} stores ${JSON.stringify(stored.op)}, not the acknowledged ${JSON.stringify(edit.op)}`);
      else found++;
    }

    const first = await getAlignmentState(db, doc.id, 1);
    for (let rev = 1; rev <= doc.currentRev; rev++) {
      const state = rev === 1 ? first : await getAlignmentState(db, doc.id, rev);
      const violations = [...findViolations(state, { complete: true }), ...turnRefViolations(first, state)];
      if (violations.length) problems.push(`invariants broken at revision ${rev}: ${violations.slice(0, 3).join('; ')}`);
    }
    return { revisions: doc.currentRev, found, problems };
  } finally {
    await database.close();
  }
}
