/**
 * Links as text, the convention of Bleualign and Vecalign: one link a line,
 * `[0, 1]:[2]`, 0-based sentence numbers, `[]` for the empty side of a 1:0
 * or 0:1 link.
 */
import type { Link } from './types';

export function formatLink(link: Link): string {
  return `[${link.src.join(', ')}]:[${link.tgt.join(', ')}]`;
}

export function formatLinks(links: readonly Link[]): string {
  return links.map((l) => `${formatLink(l)}\n`).join('');
}

const LINE = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$/;

/** Parses a links file; throws with the line number on a line that is not a link. */
export function parseLinks(text: string): Link[] {
  const links: Link[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const match = LINE.exec(line);
    if (!match) throw new Error(`line ${k + 1}: "${line.slice(0, 40)}" is not a link like [0, 1]:[2]`);
    const side = (s: string) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map(Number);
    links.push({ src: side(match[1]!), tgt: side(match[2]!) });
  });
  return links;
}
