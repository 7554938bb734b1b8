import { documentPagePath } from '@/lib/citation/urls';

/**
 * "Cite passage": a plain GET form to /documents/[slug]/cite?from=T5&to=T7,
 * which redirects to the passage page. Long documents get text fields
 * instead of two selects with thousands of options.
 */
const MAX_SELECT_OPTIONS = 400;

/** `refs`: every ref of the document, or none when the page shows only a window of it (then text fields). */
export function CitePassageForm({ slug, refs, lastTurn }: { slug: string; refs: string[]; lastTurn: number }) {
  if (lastTurn === 0) return null;
  const first = refs[0] ?? 'T1';
  const last = refs[refs.length - 1] ?? `T${lastTurn}`;
  const useSelects = refs.length > 0 && refs.length <= MAX_SELECT_OPTIONS;
  return (
    <form className="cite-form" method="get" action={documentPagePath(slug, 'cite')} aria-labelledby="cite-form-title">
      <h2 id="cite-form-title" className="cite-form-title">
        Cite a passage
      </h2>
      <p>
        <label htmlFor="cite-from">From</label>{' '}
        {useSelects ? (
          <select id="cite-from" name="from" defaultValue={first}>
            {refs.map((ref) => (
              <option key={ref}>{ref}</option>
            ))}
          </select>
        ) : (
          <input id="cite-from" name="from" defaultValue={first} size={8} pattern="[Tt]\d+(\.\d+)?" required />
        )}{' '}
        <label htmlFor="cite-to">to</label>{' '}
        {useSelects ? (
          <select id="cite-to" name="to" defaultValue={first}>
            {refs.map((ref) => (
              <option key={ref}>{ref}</option>
            ))}
          </select>
        ) : (
          <input id="cite-to" name="to" defaultValue={last} size={8} pattern="[Tt]\d+(\.\d+)?" required />
        )}{' '}
        <button type="submit">Cite passage</button>
      </p>
    </form>
  );
}
