/**
 * Input checks of the memo importer: size limit first, then strict UTF-8,
 * then no control characters, so a binary or mis-encoded file is refused
 * with the line it goes wrong on, before any parsing.
 */
import { ImportError, MAX_MEMO_BYTES } from '@/lib/memo/errors';

// C0 controls except tab/LF/CR, DEL, and C1 controls (usually mis-decoded cp1252).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export function decodeMemoInput(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    // Size first, so a huge upload is refused before any further work.
    assertSize(utf8Length(input));
    text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  } else {
    assertSize(input.byteLength);
    try {
      // fatal: invalid UTF-8 must be refused, not turned into U+FFFD. The BOM is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      const line = at < 0 ? null : countNewlines(input, at) + 1;
      throw new ImportError('not-text', line, 'the file is not valid UTF-8 text');
    }
  }
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const line = lineAt(text, control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ImportError('not-text', line, `contains the control character U+${code}, so this is not a plain text file`);
  }
  return text;
}

function assertSize(bytes: number): void {
  if (bytes > MAX_MEMO_BYTES) {
    const mib = (bytes / 1024 / 1024).toFixed(1);
    throw new ImportError(
      'too-large',
      null,
      `the file is ${mib} MiB (${bytes} bytes); the limit is ${MAX_MEMO_BYTES / 1024 / 1024} MiB (${MAX_MEMO_BYTES} bytes)`,
    );
  }
}

/** UTF-8 byte length without allocating an encoded copy. */
function utf8Length(s: string): number {
  if (s.length > MAX_MEMO_BYTES) return s.length; // each UTF-16 unit is >= 1 byte: already too large
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first byte that breaks UTF-8, or -1. Only used to locate the error line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const cont = bytes[i + k];
      if (cont === undefined || cont < 0x80 || cont > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// CRLF (Windows) and lone CR (old Mac) both become LF; line numbers are unchanged.
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
