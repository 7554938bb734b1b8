/** The edit-metadata op as a pure step: what it changes, what it refuses. */
import { describe, expect, it } from 'vitest';
import { AlignmentError } from '@/lib/alignment/errors';
import { editMetadataSchema, type EditMetadataOp } from '@/lib/alignment/op-schema';
import { editMetadata, metadataChanges, sameMetadata, type MetadataVersion } from '@/lib/alignment/ops/edit-metadata';

const current: MetadataVersion = {
  title: 'Memorandum of Conversation between George Bush and Mikhail Gorbachev, Malta, December 2, 1989',
  date: '1989-12-02',
  place: 'Malta',
  participants: ['George Bush', 'Mikhail Gorbachev'],
  archiveRef: null,
  translator: null,
  publisher: null,
  sourceNote: null,
  isExcerpt: false,
  frontMatter: ['(one on one)'],
  witnesses: [
    { id: 7, lang: 'ru', label: 'Russian original' },
    { id: 8, lang: 'en', label: 'English translation' },
  ],
};

function op(metadata: Record<string, unknown>, languages: unknown[] = []): EditMetadataOp {
  return editMetadataSchema.parse({ type: 'edit-metadata', metadata: { ...current, ...metadata }, languages });
}

function refusal(fn: () => unknown): AlignmentError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AlignmentError);
    return error as AlignmentError;
  }
  throw new Error('expected a refusal');
}

describe('editMetadata', () => {
  it('corrects a participant and a column, naming both in the summary', () => {
    const { next, summary } = editMetadata(
      current,
      op({ participants: ['George H. W. Bush', 'Mikhail Gorbachev', ' '] }, [
        { witnessId: 8, lang: 'en-us', label: 'English (FRUS)' },
      ]),
    );
    expect(next.participants).toEqual(['George H. W. Bush', 'Mikhail Gorbachev']);
    expect(next.witnesses[1]).toEqual({ id: 8, lang: 'en-US', label: 'English (FRUS)' });
    expect(next.frontMatter).toEqual(['(one on one)']);
    expect(summary).toBe('Corrected the document’s participants, column “English translation”');
    expect(metadataChanges(current, next)[0]).toEqual({
      field: 'participants',
      before: 'George Bush; Mikhail Gorbachev',
      after: 'George H. W. Bush; Mikhail Gorbachev',
    });
    expect(sameMetadata(current, next)).toBe(false);
  });

  it('empty fields become unknown (null)', () => {
    const { next } = editMetadata(current, op({ place: '   ', translator: 'S. Savranskaya' }));
    expect(next.place).toBeNull();
    expect(next.translator).toBe('S. Savranskaya');
  });

  it('refuses no change, a date that does not exist, a language that is not one, another document’s column', () => {
    expect(refusal(() => editMetadata(current, op({}))).code).toBe('no-change');
    expect(refusal(() => editMetadata(current, op({ date: '1989-02-30' }))).message).toBe('The date 1989-02-30 does not exist.');
    expect(refusal(() => editMetadata(current, op({}, [{ witnessId: 7, lang: 'r u', label: 'x' }]))).code).toBe('bad-metadata');
    expect(refusal(() => editMetadata(current, op({}, [{ witnessId: 99, lang: 'ru', label: 'x' }]))).code).toBe('not-found');
  });

  it('the schema refuses an empty title and a date in another shape', () => {
    expect(editMetadataSchema.safeParse({ type: 'edit-metadata', metadata: { ...current, title: '  ' }, languages: [] }).success).toBe(
      false,
    );
    expect(
      editMetadataSchema.safeParse({ type: 'edit-metadata', metadata: { ...current, date: '2 Dec 1989' }, languages: [] }).success,
    ).toBe(false);
  });
});
