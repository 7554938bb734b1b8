import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getAlignmentState } from '@/db/queries/alignment';
import { getDocumentBySlug } from '@/db/queries/documents';
import { segmentRef } from '@/lib/alignment/types';

export const dynamic = 'force-dynamic';

export default async function ReaderPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const doc = await getDocumentBySlug(db, slug);
  if (!doc) notFound();
  const state = await getAlignmentState(db, doc.id);
  const translation = state.witnesses.find((w) => w.role === 'translation');
  return (
    <article>
      <h1>{doc.title}</h1>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Ref</th>
            {state.witnesses.map((w) => (
              <th key={w.id} scope="col">
                {w.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {state.rows.map((row) => {
            const first = translation && state.segments[row.members[translation.id]?.[0] ?? ''];
            const ref = first ? segmentRef(first) : row.key;
            return (
              <tr key={row.key} id={ref} data-testid="aligned-row">
                <th scope="row">{ref}</th>
                {state.witnesses.map((w) => (
                  <td key={w.id} lang={w.lang}>
                    {(row.members[w.id] ?? []).map((k) => {
                      const s = state.segments[k]!;
                      return s.isPlaceholder ? (
                        <p key={k} className="placeholder" data-placeholder="true">
                          {s.speaker}: <span>[source text not yet transcribed]</span>
                        </p>
                      ) : (
                        <p key={k}>
                          <strong>{s.speaker}</strong>: {s.text}
                        </p>
                      );
                    })}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
