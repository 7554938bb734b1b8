/**
 * Control characters in text people send. A NUL cannot be stored in a
 * PostgreSQL text column at all (the write fails), and the other C0 controls
 * (except tab, line feed and carriage return) are never part of a transcribed
 * text: they arrive by accident (a binary paste, a bad conversion) and would be
 * invisible on the page. So they are refused with where they are.
 */

// C0 controls except tab (U+0009), line feed (U+000A) and carriage return (U+000D).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

export interface ControlCharacter {
  /** "U+0000" */
  codePoint: string;
  /** 1-based position in the text, counted in characters (code points), as a person counts. */
  position: number;
}

export function findControlCharacter(text: string): ControlCharacter | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const position = [...text.slice(0, match.index)].length + 1;
  return { codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, position };
}

/** "Text contains a control character (U+0000) at character 12", or null for clean text. */
export function controlCharacterMessage(text: string, what = 'Text'): string | null {
  const found = findControlCharacter(text);
  return found ? `${what} contains a control character (${found.codePoint}) at character ${found.position}` : null;
}

/** The text with those characters removed (to show a refused search's words back in the form). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL.source, 'gu'), '');
}
