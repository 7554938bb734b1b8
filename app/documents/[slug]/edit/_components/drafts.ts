/**
 * Unsaved text drafts, kept in the browser (localStorage) per document and
 * segment until they are saved or discarded: they survive a reload, a failed
 * save and a database outage. Each names the segment version it was typed
 * over, which the save sends (op.segmentRev) so a draft never overwrites a
 * correction its author has not seen. Storage may be unavailable (private
 * modes, quota): then drafts live as long as the form, as before.
 */
export interface Draft {
  text: string;
  /** The revision of the segment version the draft was typed over. */
  rev: number;
  /** That version's text: the draft is stale only when the segment's text is no longer this. */
  base: string;
}

const PREFIX = 'diptych:draft:';
const keyOf = (slug: string, segmentKey: string) => `${PREFIX}${slug}:${segmentKey}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(slug: string, segmentKey: string): Draft | null {
  try {
    const raw = storage()?.getItem(keyOf(slug, segmentKey));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.text !== 'string' || !Number.isInteger(value.rev)) return null;
    return { text: value.text, rev: value.rev!, base: typeof value.base === 'string' ? value.base : '' };
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, segmentKey: string, draft: Draft): void {
  try {
    storage()?.setItem(keyOf(slug, segmentKey), JSON.stringify(draft));
  } catch {
    // Full or unavailable: the draft stays in the open form.
  }
}

export function clearDraft(slug: string, segmentKey: string): void {
  try {
    storage()?.removeItem(keyOf(slug, segmentKey));
  } catch {
    // Nothing to clear.
  }
}
