/**
 * Input of the align command (and of pasted source text): strict UTF-8,
 * one sentence a line, and language tags that are real BCP 47 tags. Every
 * refusal names the file and, where it applies, the line.
 */
import { DomainError } from '@/lib/errors';

export class AlignInputError extends DomainError {}

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The lines of a one-sentence-a-line file (a final newline ends the last line, it does not add an empty one). */
export function sentenceLines(bytes: Uint8Array, name: string): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Find the first line that does not decode, for the message.
    let start = 0;
    for (let k = 0; k <= bytes.length; k++) {
      if (k === bytes.length || bytes[k] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, k));
        } catch {
          break;
        }
        line++;
        start = k + 1;
      }
    }
    throw new AlignInputError('not-text', `${name}: line ${line} is not valid UTF-8 text`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new AlignInputError('empty', `${name}: the file is empty; give one sentence a line`);
  lines.forEach((line, k) => {
    const control = CONTROL_CHAR.exec(line);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new AlignInputError('not-text', `${name}: line ${k + 1} contains the control character U+${code}; is this a text file?`);
    }
  });
  return lines;
}

/** A canonical BCP 47 tag, or an error saying which option was wrong. */
export function languageTag(value: string, option: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    if (tag) return tag;
  } catch {
    // fall through to the message
  }
  throw new AlignInputError('bad-lang', `${option} "${value}" is not a BCP 47 language tag (e.g. ru, en, de, fr)`);
}
