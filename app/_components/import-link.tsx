/** "Import a document", for signed-in editors only. A server component. */
import Link from 'next/link';
import { getCurrentUser } from '@/app/_auth/current-user';
import { hasRole } from '@/lib/auth/action-pipeline';

export async function ImportLink() {
  const user = await getCurrentUser();
  if (!user || !hasRole(user, 'editor')) return null;
  return (
    <p>
      <Link href="/import" data-testid="import-link">
        Import a document
      </Link>
    </p>
  );
}
