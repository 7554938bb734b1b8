/**
 * The edit operations as data: what a client sends, what a revision stores
 * (revisions.op), what the pure functions in ops/ apply. One zod schema per
 * operation, a discriminated union on `type`, shared by the server actions
 * and the tests.
 */
import { z } from 'zod';
import { controlCharacterMessage } from '@/lib/text/control-characters';
import { DIVERGENCE_KINDS } from './divergence';
import { ROW_STATUSES } from './statuses';

const key = z.string().trim().min(1, 'is required').max(64, 'is too long');
/** The most characters one segment may hold: as typed, and as the result of any operation (merge included). */
export const MAX_SEGMENT_CHARACTERS = 100_000;
const witnessId = z.number().int().positive();
/**
 * Refuses a control character (a NUL cannot even be stored) with its place, before anything is
 * written or logged (lib/text/control-characters.ts).
 */
const noControlCharacters = (text: string, ctx: z.RefinementCtx) => {
  const message = controlCharacterMessage(text);
  if (message) ctx.addIssue({ code: 'custom', message });
};

/** Text as typed: no control characters, line endings normalised, outer whitespace trimmed, bounded. */
const segmentText = z
  .string()
  .max(MAX_SEGMENT_CHARACTERS, 'is longer than 100,000 characters')
  .superRefine(noControlCharacters)
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .refine((s) => s.length > 0, 'is empty');

export const mergeRowsSchema = z.object({
  type: z.literal('merge-rows'),
  /** The upper row; it keeps its key. */
  rowKey: key,
  /** The row right below it, as the editor saw it. */
  nextRowKey: key,
});

export const splitRowSchema = z.object({
  type: z.literal('split-row'),
  rowKey: key,
  /**
   * Per witness, the first segment that goes to the new second row (it and
   * every later segment of that witness in the row move). A witness not
   * listed keeps all its segments in the first row.
   */
  starts: z
    .array(z.object({ witnessId, segmentKey: key }))
    .min(1, 'name at least one segment where the second row starts')
    .max(16),
});

export const moveBoundarySchema = z.object({
  type: z.literal('move-boundary'),
  rowKey: key,
  witnessId,
  /** 'up': the row's first segment joins the previous row; 'down': its last joins the next row. */
  direction: z.enum(['up', 'down']),
});

export const splitSegmentSchema = z.object({
  type: z.literal('split-segment'),
  segmentKey: key,
  /** Where new segments start, in UTF-16 code units of the text, increasing. */
  offsets: z.array(z.number().int().positive()).min(1, 'name at least one position').max(500),
});

export const mergeSegmentsSchema = z.object({
  type: z.literal('merge-segments'),
  segmentKey: key,
  /** The next segment of the same witness, as the editor saw it. */
  nextSegmentKey: key,
});

/**
 * The revision of the segment version a text was typed over (its rev_from, as the editor's form showed it).
 * The edit is refused if the segment changed since, even when the page (and so baseRev) was reloaded in
 * between: a draft kept across a reload never overwrites a correction its author did not see.
 */
const segmentRev = z.number().int().positive().optional();

export const replacePlaceholderSchema = z.object({
  type: z.literal('replace-placeholder'),
  segmentKey: key,
  segmentRev,
  text: segmentText,
});

export const correctTextSchema = z.object({
  type: z.literal('correct-text'),
  segmentKey: key,
  segmentRev,
  text: segmentText,
});

export const divergenceNoteSchema = z.object({
  kind: z.enum(DIVERGENCE_KINDS),
  text: z
    .string()
    .max(2_000, 'is longer than 2,000 characters')
    .superRefine(noControlCharacters)
    .transform((s) => s.trim()),
});

export const setRowStatusSchema = z.object({
  type: z.literal('set-row-status'),
  rowKey: key,
  status: z.enum(ROW_STATUSES),
  /** The divergence note; null clears it. */
  note: divergenceNoteSchema.nullable(),
});

/** An optional text detail: trimmed, and empty means "not known" (null). */
const detail = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max.toLocaleString('en')} characters`)
    .superRefine(noControlCharacters)
    .transform((s) => s.trim())
    .nullable()
    .transform((s) => (s === '' || s === null ? null : s));

/** Corrects the document's details (title, date, participants, sources, languages): a revision like any edit. */
export const editMetadataSchema = z.object({
  type: z.literal('edit-metadata'),
  metadata: z.object({
    title: z
      .string()
      .max(1_000, 'is longer than 1,000 characters')
      .superRefine(noControlCharacters)
      .transform((s) => s.trim())
      .refine((s) => s.length > 0, 'is empty'),
    date: detail(10).refine((s) => s === null || /^\d{4}-\d{2}-\d{2}$/.test(s), 'must be a date as yyyy-mm-dd'),
    place: detail(500),
    participants: z
      .array(
        z
          .string()
          .max(200)
          .superRefine(noControlCharacters)
          .transform((s) => s.trim()),
      )
      .max(100)
      .transform((list) => list.filter((p) => p !== '')),
    archiveRef: detail(2_000),
    translator: detail(500),
    publisher: detail(500),
    sourceNote: detail(5_000),
  }),
  /** Language tag and label of each witness (column). */
  languages: z
    .array(
      z.object({
        witnessId,
        lang: z.string().trim().min(2, 'is too short').max(35),
        label: z.string().trim().min(1, 'is empty').max(200).superRefine(noControlCharacters),
      }),
    )
    .max(16),
});
export type EditMetadataOp = z.output<typeof editMetadataSchema>;

/** Most sentences (and links) one aligned source text may have, and most characters in all. */
export const MAX_ALIGN_SENTENCES = 20_000;
export const MAX_ALIGN_CHARACTERS = 2_000_000;
const index = z.number().int().nonnegative();

export const alignSourceSchema = z.object({
  type: z.literal('align-source'),
  /** The source column whose placeholders are replaced. */
  witnessId,
  /** The translation column it is aligned to. */
  translationWitnessId: witnessId,
  /** Every placeholder of the passage, as the editor saw them. */
  placeholderKeys: z.array(key).min(1, 'name the placeholders to replace').max(MAX_ALIGN_SENTENCES),
  /** The passage's translation segments in reading order, as the editor saw them (before any split). */
  translationKeys: z.array(key).min(1, 'name the translation segments').max(MAX_ALIGN_SENTENCES),
  /** Translation segments cut into sentences first, at these offsets (as split-segment). */
  translationSplits: z
    .array(z.object({ segmentKey: key, offsets: z.array(z.number().int().positive()).min(1).max(500) }))
    .max(MAX_ALIGN_SENTENCES),
  /** The source text, one sentence each, in reading order. */
  sentences: z
    .array(segmentText)
    .min(1, 'the source text has no sentences')
    .max(MAX_ALIGN_SENTENCES)
    .refine(
      (all) => all.reduce((n, s) => n + s.length, 0) <= MAX_ALIGN_CHARACTERS,
      'the source text is longer than 2,000,000 characters; align it a passage at a time',
    ),
  /**
   * One link per new row: source sentence indexes and translation unit
   * indexes (the translation segments above, after the splits, in reading
   * order). Together they cover both sides once, in order.
   */
  links: z
    .array(z.object({ src: z.array(index).max(8), tgt: z.array(index).max(8) }))
    .min(1)
    .max(2 * MAX_ALIGN_SENTENCES),
});

/** A word: a segment and UTF-16 offsets [start, end) of one of its tokens (lib/word-links/tokens.ts). */
const tokenRef = z
  .object({ segmentKey: key, start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .refine((t) => t.end > t.start, 'ends before it starts');
const wordList = z.array(tokenRef).min(1, 'select at least one word on each side').max(64, 'select at most 64 words');
const passageRows = z.array(key).min(1, 'name the rows of the passage').max(250, 'name at most 250 rows');

/** Links source words to translation words of one row; links sharing any of the words are replaced. */
export const linkWordsSchema = z.object({
  type: z.literal('link-words'),
  rowKey: key,
  sourceTokens: wordList,
  targetTokens: wordList,
});

export const unlinkWordsSchema = z.object({
  type: z.literal('unlink-words'),
  rowKey: key,
  linkKeys: z.array(key).min(1, 'name a link').max(200),
});

/** Accepts or rejects every suggested link of the rows, or clears all their links. */
export const reviewLinksSchema = z.object({
  type: z.literal('review-links'),
  rowKeys: passageRows,
  action: z.enum(['accept', 'reject', 'clear']),
});

/** Replaces the rows' suggested links with new suggestions learned from the document (lib/word-links/suggest.ts). */
export const suggestLinksSchema = z.object({
  type: z.literal('suggest-links'),
  rowKeys: passageRows,
});

export const wordLinkOpSchema = z.discriminatedUnion('type', [
  linkWordsSchema,
  unlinkWordsSchema,
  reviewLinksSchema,
  suggestLinksSchema,
]);
export type WordLinkOp = z.output<typeof wordLinkOpSchema>;

export const editOpSchema = z.discriminatedUnion('type', [
  mergeRowsSchema,
  splitRowSchema,
  moveBoundarySchema,
  splitSegmentSchema,
  mergeSegmentsSchema,
  replacePlaceholderSchema,
  correctTextSchema,
  setRowStatusSchema,
  alignSourceSchema,
]);

export type EditOp = z.output<typeof editOpSchema>;
export type EditOpType = EditOp['type'];
export type MergeRowsOp = z.output<typeof mergeRowsSchema>;
export type SplitRowOp = z.output<typeof splitRowSchema>;
export type MoveBoundaryOp = z.output<typeof moveBoundarySchema>;
export type SplitSegmentOp = z.output<typeof splitSegmentSchema>;
export type MergeSegmentsOp = z.output<typeof mergeSegmentsSchema>;
export type ReplacePlaceholderOp = z.output<typeof replacePlaceholderSchema>;
export type CorrectTextOp = z.output<typeof correctTextSchema>;
export type SetRowStatusOp = z.output<typeof setRowStatusSchema>;
export type AlignSourceOp = z.output<typeof alignSourceSchema>;

/** Operations that only regroup segments: each witness's text must come out unchanged. */
export const ALIGNMENT_ONLY_OPS: readonly EditOpType[] = [
  'merge-rows',
  'split-row',
  'move-boundary',
  'split-segment',
  'merge-segments',
];

/** What revisions.op holds besides edits: history operations and the import. */
export type HistoryOp = { type: 'undo'; rev: number } | { type: 'revert'; toRev: number } | { type: 'import'; [k: string]: unknown };
export type RevisionOp = EditOp | EditMetadataOp | WordLinkOp | HistoryOp;
