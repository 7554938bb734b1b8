/**
 * Diptych's schema. Content tables (segments, alignment rows and their
 * members) are versioned by revision: a version is never updated in place
 * except to close it (set rev_to) when a later revision replaces it.
 *   current state:        rev_to IS NULL              (partial indexes)
 *   state at revision r:  rev_from <= r AND (rev_to IS NULL OR rev_to > r)
 * See docs/architecture.md.
 */
import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROW_STATUSES, WITNESS_ROLES } from '@/lib/alignment/statuses';
import { WORD_LINK_STATUSES } from '@/lib/word-links/types';
import { USER_ROLES } from '@/lib/auth/roles';
import { TEXT_SEARCH_CONFIG_NAMES } from '@/lib/search/text-search-configs';

/** A CHECK that a text column holds one of an enumeration's values (the enumerations live in lib/). */
const oneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/**
 * Fractional order keys compare byte by byte (fractional-indexing's base-62
 * digits are case-sensitive), so the column uses the "C" collation: a
 * locale-aware collation would sort 'a0' and 'Zz' wrongly.
 */
const orderKeyText = customType<{ data: string }>({
  dataType: () => 'text collate "C"',
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Argon2id PHC string; null for the system user, who never signs in. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: USER_ROLES }).notNull().default('editor'),
    disabled: boolean('disabled').notNull().default(false),
    /**
     * Named in every session token at sign-in and compared on each request: bumping it ends every session of
     * the account at once (sign-out, disabling, a role or password change). Never decremented.
     */
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), check('users_role_check', oneOf(t.role, USER_ROLES))],
);

export const documents = pgTable('documents', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  /** ISO date (yyyy-mm-dd) of the document itself, when known. */
  date: text('date'),
  participants: jsonb('participants').$type<string[]>().notNull().default([]),
  archiveRef: text('archive_ref'),
  translator: text('translator'),
  publisher: text('publisher'),
  sourceNote: text('source_note'),
  isExcerpt: boolean('is_excerpt').notNull().default(false),
  /** The newest revision; bumped (under a row lock) by every edit. */
  currentRev: integer('current_rev').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const witnesses = pgTable(
  'witnesses',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** BCP 47 language tag: 'ru', 'en', 'fr'. */
    lang: text('lang').notNull(),
    role: text('role', { enum: WITNESS_ROLES }).notNull(),
    label: text('label').notNull(),
    /** True when the witness started as placeholders (the original is not available). */
    isPlaceholderWitness: boolean('is_placeholder_witness').notNull().default(false),
    /** Default column order in the reader. */
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('witnesses_document_position_key').on(t.documentId, t.position),
    check('witnesses_role_check', oneOf(t.role, WITNESS_ROLES)),
  ],
);

export const revisions = pgTable(
  'revisions',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    rev: integer('rev').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The operation as submitted (validated), so history can show and replay it. */
    op: jsonb('op').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.rev] }),
    index('revisions_user_idx').on(t.documentId, t.userId, t.rev),
    // The per-editor write limit counts an account's revisions of the last minute (db/edits/write-limit.ts).
    index('revisions_user_created_idx').on(t.userId, t.createdAt),
  ],
);

/** One version of a segment: a turn, or a sentence of a turn, in one witness. */
export const segments = pgTable(
  'segments',
  {
    id: serial('id').primaryKey(),
    /** Stable identity across versions. */
    key: text('key').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    witnessId: integer('witness_id')
      .notNull()
      .references(() => witnesses.id),
    /** Fractional order key within the witness (fractional-indexing). */
    orderKey: orderKeyText('order_key').notNull(),
    /** Turn number in the document's reference system (T5). */
    turnNo: integer('turn_no').notNull(),
    /** Sentence within the turn (T5.2), null while the turn is one segment. */
    sentenceNo: integer('sentence_no'),
    speaker: text('speaker'),
    /** Paragraphs joined by a blank line ("\n\n"); editorial marks as written. */
    text: text('text').notNull(),
    isPlaceholder: boolean('is_placeholder').notNull().default(false),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    // Current state of a witness in reading order: one index scan.
    uniqueIndex('segments_current_order_key')
      .on(t.witnessId, t.orderKey)
      .where(sql`${t.revTo} is null`),
    uniqueIndex('segments_current_key')
      .on(t.key)
      .where(sql`${t.revTo} is null`),
    // State at revision r: range on rev_from within a document.
    index('segments_doc_rev_idx').on(t.documentId, t.revFrom, t.revTo),
    index('segments_key_idx').on(t.key, t.revFrom),
    // Versions closed by a revision: undo (rev_to = r) and revert (rev_to > r) read only what changed.
    index('segments_doc_rev_to_idx').on(t.documentId, t.revTo),
    // The sentences of one turn in one witness: splitting or merging renumbers only them.
    index('segments_current_turn_idx')
      .on(t.witnessId, t.turnNo)
      .where(sql`${t.revTo} is null`),
    // A turn at any revision: reader windows and passages find their rows from it (db/queries/window.ts).
    index('segments_witness_turn_idx').on(t.witnessId, t.turnNo),
    // Full-text search (db/queries/search.ts): one index per text-search configuration,
    // over current, real (non-placeholder) text only.
    ...TEXT_SEARCH_CONFIG_NAMES.map((config) =>
      index(`segments_fts_${config}_idx`)
        .using('gin', sql.raw(`to_tsvector('${config}'::regconfig, "text")`))
        .where(sql`${t.revTo} is null and not ${t.isPlaceholder}`),
    ),
    check('segments_rev_range', sql`${t.revTo} is null or ${t.revTo} > ${t.revFrom}`),
  ],
);

/** One version of an alignment row: segments of every witness that translate each other. */
export const alignmentRows = pgTable(
  'alignment_rows',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    orderKey: orderKeyText('order_key').notNull(),
    status: text('status', { enum: ROW_STATUSES }).notNull().default('auto'),
    /** Editor's note on a divergence (omission, addition, softening...). */
    note: text('note'),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    uniqueIndex('alignment_rows_current_order_key')
      .on(t.documentId, t.orderKey)
      .where(sql`${t.revTo} is null`),
    uniqueIndex('alignment_rows_current_key')
      .on(t.key)
      .where(sql`${t.revTo} is null`),
    index('alignment_rows_doc_rev_idx').on(t.documentId, t.revFrom, t.revTo),
    // Rows in reading order at any revision: one range per reader window.
    index('alignment_rows_doc_order_idx').on(t.documentId, t.orderKey),
    index('alignment_rows_key_idx').on(t.key, t.revFrom),
    index('alignment_rows_doc_rev_to_idx').on(t.documentId, t.revTo),
    check('alignment_rows_rev_range', sql`${t.revTo} is null or ${t.revTo} > ${t.revFrom}`),
    check('alignment_rows_status_check', oneOf(t.status, ROW_STATUSES)),
  ],
);

/**
 * Which segments (by stable key) a row version holds. Immutable: a row
 * version's members never change; a new membership means a new row version.
 * A segment's text edit needs no new row version, since members name keys.
 */
export const alignmentMembers = pgTable(
  'alignment_members',
  {
    rowVersionId: integer('row_version_id')
      .notNull()
      .references(() => alignmentRows.id),
    witnessId: integer('witness_id')
      .notNull()
      .references(() => witnesses.id),
    segmentKey: text('segment_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rowVersionId, t.segmentKey] }), index('alignment_members_segment_idx').on(t.segmentKey)],
);

/** A word in a word link: a segment (by stable key) and UTF-16 offsets [start, end) in that segment version's text. */
export interface WordLinkToken {
  segmentKey: string;
  start: number;
  end: number;
}

/**
 * Versions of word links (lib/word-links): M source words and N target
 * words of one alignment row. Versioned like segments: a status change, a
 * remap through a text correction or an unlink closes the current version
 * (rev_to) and, unless it is gone, inserts the next under the same key.
 */
export const wordLinks = pgTable(
  'word_links',
  {
    id: serial('id').primaryKey(),
    /** Stable identity across versions. */
    key: text('key').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** The alignment row (by key) whose segments the words are in. */
    rowKey: text('row_key').notNull(),
    sourceTokens: jsonb('source_tokens').$type<WordLinkToken[]>().notNull(),
    targetTokens: jsonb('target_tokens').$type<WordLinkToken[]>().notNull(),
    status: text('status', { enum: WORD_LINK_STATUSES }).notNull(),
    /** Who made the link (or accepted the suggestion). */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    uniqueIndex('word_links_current_key')
      .on(t.key)
      .where(sql`${t.revTo} is null`),
    // The links of a row now (reader, editor, edits of that row) and at any revision (pinned passages).
    index('word_links_current_row_idx')
      .on(t.documentId, t.rowKey)
      .where(sql`${t.revTo} is null`),
    index('word_links_row_rev_idx').on(t.documentId, t.rowKey, t.revFrom),
    index('word_links_doc_rev_idx').on(t.documentId, t.revFrom, t.revTo),
    // Undo (rev_to = r) and revert (rev_to > r) read only what changed.
    index('word_links_doc_rev_to_idx').on(t.documentId, t.revTo),
    check('word_links_rev_range', sql`${t.revTo} is null or ${t.revTo} > ${t.revFrom}`),
    check('word_links_status_check', oneOf(t.status, WORD_LINK_STATUSES)),
  ],
);

/** A witness's language and label as of a metadata version (editors may correct them). */
export interface WitnessLabel {
  id: number;
  lang: string;
  label: string;
}

/**
 * Versions of a document's metadata, versioned like segments: an edit closes
 * the current version (rev_to) and inserts the new one. `documents` keeps a
 * copy of the current version's fields (and `witnesses` the current language
 * and label), written in the same transaction, so current reads stay one
 * lookup; a pinned revision reads its version from here.
 */
export const documentMetadata = pgTable(
  'document_metadata',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    title: text('title').notNull(),
    date: text('date'),
    place: text('place'),
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    archiveRef: text('archive_ref'),
    translator: text('translator'),
    publisher: text('publisher'),
    sourceNote: text('source_note'),
    isExcerpt: boolean('is_excerpt').notNull().default(false),
    /** Front matter of the imported memo, verbatim (SUBJECT / PARTICIPANTS blocks, place and date lines). */
    frontMatter: jsonb('front_matter').$type<string[]>().notNull().default([]),
    witnesses: jsonb('witnesses').$type<WitnessLabel[]>().notNull().default([]),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    uniqueIndex('document_metadata_current')
      .on(t.documentId)
      .where(sql`${t.revTo} is null`),
    index('document_metadata_doc_rev_idx').on(t.documentId, t.revFrom, t.revTo),
    check('document_metadata_rev_range', sql`${t.revTo} is null or ${t.revTo} > ${t.revFrom}`),
  ],
);

/**
 * Page breaks of the printed edition ("[Page 1049]"), in one witness: before
 * paragraph `paragraph` (0-based) of turn `turn_no`. Anchored on turn
 * numbers, which no alignment edit changes; versioned for future edits.
 */
export const pageMilestones = pgTable(
  'page_milestones',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    witnessId: integer('witness_id')
      .notNull()
      .references(() => witnesses.id),
    turnNo: integer('turn_no').notNull(),
    paragraph: integer('paragraph').notNull(),
    label: text('label').notNull(),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    index('page_milestones_doc_idx').on(t.documentId, t.turnNo),
    check('page_milestones_rev_range', sql`${t.revTo} is null or ${t.revTo} > ${t.revFrom}`),
  ],
);

export const documentsRelations = relations(documents, ({ many }) => ({
  witnesses: many(witnesses),
  revisions: many(revisions),
}));
export const witnessesRelations = relations(witnesses, ({ one }) => ({
  document: one(documents, { fields: [witnesses.documentId], references: [documents.id] }),
}));
export const revisionsRelations = relations(revisions, ({ one }) => ({
  document: one(documents, { fields: [revisions.documentId], references: [documents.id] }),
  user: one(users, { fields: [revisions.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type DocumentRecord = typeof documents.$inferSelect;
export type WitnessRecord = typeof witnesses.$inferSelect;
export type RevisionRecord = typeof revisions.$inferSelect;
export type SegmentRecord = typeof segments.$inferSelect;
export type AlignmentRowRecord = typeof alignmentRows.$inferSelect;
export type AlignmentMemberRecord = typeof alignmentMembers.$inferSelect;
export type DocumentMetadataRecord = typeof documentMetadata.$inferSelect;
export type PageMilestoneRecord = typeof pageMilestones.$inferSelect;
export type WordLinkRecord = typeof wordLinks.$inferSelect;

/**
 * Failed sign-in attempts, counted in the database so the limit holds across
 * app instances. `subject` is 'email:<lowercased>' or 'ip:<address>'.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: serial('id').primaryKey(),
    subject: text('subject').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_subject_idx').on(t.subject, t.attemptedAt)],
);
