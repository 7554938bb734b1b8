/** The document details a revision changed (title, participants, a column's language...), before and after. */
import type { MetadataChange } from '@/lib/alignment/ops/edit-metadata';
import styles from './history.module.css';

export function DetailsDiff({ changes }: { changes: MetadataChange[] }) {
  if (changes.length === 0) return null;
  return (
    <table className={styles.table} data-testid="details-diff">
      <caption>Document details</caption>
      <thead>
        <tr>
          <th scope="col">Detail</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td>
              <del>{c.before}</del>
            </td>
            <td>
              <ins>{c.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
