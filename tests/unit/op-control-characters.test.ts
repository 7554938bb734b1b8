/**
 * A control character in an edit's text (issue 9, finding 7) is refused by the
 * op validation with where it is, as an invalid-input error like any other,
 * and nothing is logged (before, a NUL reached PostgreSQL, failed the write,
 * and the action logged the whole text as an internal error).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { editMetadataSchema, editOpSchema } from '@/lib/alignment/op-schema';
import { runAction } from '@/lib/auth/action-pipeline';
import { controlCharacterMessage, findControlCharacter } from '@/lib/text/control-characters';

const editor = { id: 1, email: 'e@example.org', name: 'Eddie', role: 'editor' as const };

describe('control characters in edit text', () => {
  it('finds the first C0 control other than tab, line feed and carriage return, counting characters', () => {
    expect(findControlCharacter('tab\tnew\nline\r\nok')).toBeNull();
    expect(findControlCharacter('ab\u0000c')).toEqual({ codePoint: 'U+0000', position: 3 });
    // An astral character counts once, as a person counts it.
    expect(findControlCharacter('𝔸b\u001Bc')).toEqual({ codePoint: 'U+001B', position: 3 });
    expect(controlCharacterMessage('x\u0007')).toBe('Text contains a control character (U+0007) at character 2');
  });

  it('refuses a correction or placeholder text holding a NUL with where it is', () => {
    for (const type of ['correct-text', 'replace-placeholder'] as const) {
      const parsed = editOpSchema.safeParse({ type, segmentKey: 's_en_1', text: 'Mitterrand said\u0000 yes' });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual(['Text contains a control character (U+0000) at character 16']);
    }
    expect(editOpSchema.safeParse({ type: 'correct-text', segmentKey: 's_en_1', text: 'Tabs\tand\r\nlines stay.' }).success).toBe(
      true,
    );
  });

  it('refuses one in a divergence note and in the document details', () => {
    const note = editOpSchema.safeParse({
      type: 'set-row-status',
      rowKey: 'r1',
      status: 'verified',
      note: { kind: 'omission', text: 'a\u0001' },
    });
    expect(note.error?.issues[0]?.message).toBe('Text contains a control character (U+0001) at character 2');
    const details = editMetadataSchema.safeParse({
      type: 'edit-metadata',
      metadata: {
        title: 'T\u0000',
        date: null,
        place: null,
        participants: [],
        archiveRef: null,
        translator: null,
        publisher: null,
        sourceNote: null,
      },
      languages: [],
    });
    expect(details.error?.issues[0]?.message).toBe('Text contains a control character (U+0000) at character 2');
  });

  it('answers an action with invalid-input naming the field, and logs nothing', async () => {
    const logged: unknown[] = [];
    const text = `${'a long correction '.repeat(100)}\u0000`;
    const result = await runAction(
      { role: 'editor', schema: z.object({ op: editOpSchema }), name: 'edit.apply' },
      async () => 'written',
      { op: { type: 'correct-text', segmentKey: 's_en_1', text } },
      async () => editor,
      (message, error) => logged.push(message, error),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Invalid input (op.text): Text contains a control character (U+0000) at character 1801',
        issues: [{ path: 'op.text', message: 'Text contains a control character (U+0000) at character 1801' }],
      },
    });
    expect(logged).toEqual([]);
  });
});
