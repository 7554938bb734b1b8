/**
 * The enumerations of the alignment model, each spelled once: the schema (db/schema.ts, with CHECK
 * constraints), the zod schemas of ops and imports, and the edit panels import them from here.
 */

/** How far an editor has checked a row: aligned automatically, by an editor, or verified. */
export const ROW_STATUSES = ['auto', 'unverified', 'verified'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** A witness is the original (source) or a translation of it. */
export const WITNESS_ROLES = ['source', 'translation'] as const;
export type WitnessRole = (typeof WITNESS_ROLES)[number];
