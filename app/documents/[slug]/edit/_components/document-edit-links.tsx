/**
 * Links from the reader to a document's history (everyone) and its edit
 * mode (signed-in editors only). A server component: no client JavaScript.
 */
import Link from 'next/link';
import { getCurrentUser } from '@/app/_auth/current-user';
import { hasRole } from '@/lib/auth/action-pipeline';
import styles from './edit.module.css';
import { documentPagePath } from '@/lib/citation/urls';

export async function DocumentEditLinks({ slug }: { slug: string }) {
  const user = await getCurrentUser();
  return (
    <nav aria-label="Document tools" className={styles.docLinks}>
      {user && hasRole(user, 'editor') ? <Link href={documentPagePath(slug, 'edit')}>Edit</Link> : null}
      {user && hasRole(user, 'editor') ? <Link href={documentPagePath(slug, 'details')}>Details</Link> : null}
      <Link href={documentPagePath(slug, 'history')}>History</Link>
    </nav>
  );
}
