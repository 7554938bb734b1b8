import Link from 'next/link';
import { getCurrentUser } from '@/app/_auth/current-user';
import { signOutAndReturnHome } from '@/app/(auth)/actions';
import styles from './account-menu.module.css';

/** The header's account corner: who is signed in and a sign-out button, or a "Sign in" link. */
export async function AccountMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className={styles.menu}>
        <Link href="/sign-in" className={styles.link}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className={styles.menu}>
      <span data-testid="signed-in-as">
        Signed in as <strong>{user.name}</strong>
        <span className={styles.role}> ({user.role})</span>
      </span>
      <Link href="/account" className={styles.link}>
        Account
      </Link>
      {user.role === 'admin' ? (
        <Link href="/admin/users" className={styles.link}>
          Users
        </Link>
      ) : null}
      <form action={signOutAndReturnHome}>
        <button type="submit" className={styles.button}>
          Sign out
        </button>
      </form>
    </div>
  );
}
