/**
 * The words a text change touched, for the history's before/after view
 * (the maintained `diff` package, word by word, spaces kept exactly).
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  text: string;
  /** Removed (on the before side) or added (on the after side). */
  changed: boolean;
}

export function wordDiff(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const sides = { before: [] as DiffPart[], after: [] as DiffPart[] };
  for (const change of diffWordsWithSpace(before, after)) {
    if (!change.added) sides.before.push({ text: change.value, changed: change.removed });
    if (!change.removed) sides.after.push({ text: change.value, changed: change.added });
  }
  return { before: coalesce(sides.before), after: coalesce(sides.after) };
}

/** "waiting", " ", "for" reads as one change "waiting for": spaces between changed words join them. */
function coalesce(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  parts.forEach((part, i) => {
    const bridging = !part.changed && part.text.trim() === '' && parts[i - 1]?.changed && parts[i + 1]?.changed;
    const changed = part.changed || Boolean(bridging);
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += part.text;
    else out.push({ text: part.text, changed });
  });
  return out;
}
