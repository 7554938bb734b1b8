/**
 * Stable keys for segments and alignment rows, and fractional order keys.
 * Order keys come from fractional-indexing so inserting between two rows
 * never renumbers any other row (guarantee 2 of docs/architecture.md).
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export function newKey(prefix: 's' | 'r' | 'w'): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** A key strictly between a and b (either may be null for an open end). */
export function orderKeyBetween(a: string | null, b: string | null): string {
  return generateKeyBetween(a, b);
}

/** n increasing keys strictly between a and b. */
export function orderKeysBetween(a: string | null, b: string | null, n: number): string[] {
  return generateNKeysBetween(a, b, n);
}
