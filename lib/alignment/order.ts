/**
 * Order keys (fractional-indexing) compare byte by byte, as the database's
 * "C" collation does; localeCompare would order 'Zz' and 'a0' wrongly.
 */
export function segmentOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byOrderKey<T extends { orderKey: string }>(a: T, b: T): number {
  return segmentOrder(a.orderKey, b.orderKey);
}
