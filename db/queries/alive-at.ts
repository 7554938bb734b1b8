/**
 * The one "version alive at a revision" predicate over a versioned table
 * (rev_from / rev_to, rev_to null while current): every reader of segments,
 * rows, word links, metadata and milestones filters with it.
 */
import { and, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export interface Versioned {
  revFrom: AnyPgColumn;
  revTo: AnyPgColumn;
}

/** Versions alive at `rev` (or current ones when rev is null). */
export function aliveAt(table: Versioned, rev: number | null): SQL {
  if (rev == null) return isNull(table.revTo);
  return and(lte(table.revFrom, rev), or(isNull(table.revTo), gt(table.revTo, rev)))!;
}
