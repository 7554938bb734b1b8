import { passagePath } from '@/lib/citation/urls';

/** The per-row "Cite" link to the passage page of the row's turns (T5, or T5-T6 for a merged row), its cite panel open. */
export function RowActions({ slug, refs }: { slug: string; refs: string[] }) {
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (!first || !last) return null;
  const passage = first === last ? first : `${first}-${last}`;
  return (
    <a className="row-cite" href={`${passagePath(slug, passage)}#cite`}>
      Cite<span className="sr-only"> {passage}</span>
    </a>
  );
}
