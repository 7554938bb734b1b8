import type { ReactNode } from 'react';

/** One term/value pair of a metadata list (<dl>). */
export function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
