/**
 * The one "version alive at a revision" predicate over a versioned table
 * (rev_from / rev_to, rev_to null while current): every reader of segments,
 * rows, word links, metadata and milestones filters with it. Beside it, the
 * two that undo and revert read by: versions a revision changed, and
 * versions changed since one.
 */
import { and, eq, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
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

/** Versions created or closed by revision `rev` (what that revision changed). */
export function changedAt(table: Versioned, rev: number): SQL {
  return or(eq(table.revFrom, rev), eq(table.revTo, rev))!;
}

/** Versions created or closed after revision `rev` (what changed since). */
export function changedAfter(table: Versioned, rev: number): SQL {
  return or(gt(table.revFrom, rev), gt(table.revTo, rev))!;
}
