import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { getDb } from '@/db';
import { listAccounts } from '@/db/accounts/users';
import { CreateUserForm } from './create-user-form';
import { UserRowActions } from './user-row-actions';
import styles from './users.module.css';
import { UTC_FORMATS } from '@/lib/dates';

export const metadata: Metadata = { title: 'Accounts', robots: { index: false } };
export const dynamic = 'force-dynamic';

const dateFormat = UTC_FORMATS.mediumDate;

export default async function UsersPage() {
  const me = await getCurrentUser();
  // Not for anyone but admins; to others the page does not exist.
  if (!me || me.role !== 'admin') notFound();
  const accounts = await listAccounts(await getDb());

  return (
    <>
      <h1>Accounts</h1>
      <p className={styles.note}>
        Editors change alignments and texts; admins also manage accounts. A disabled account cannot sign in, and its open sessions stop
        working at once.
      </p>
      <table className={styles.table} data-testid="accounts">
        <caption className={styles.visuallyHidden}>All accounts ({accounts.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="account-row" data-email={account.email} data-user-id={account.id}>
              <th scope="row">{account.name}</th>
              <td data-label="Email">{account.email}</td>
              <td data-label="Role" data-testid="account-role">
                {account.role}
              </td>
              <td data-label="Status" data-testid="account-status">
                {account.disabled ? <strong>Disabled</strong> : 'Active'}
              </td>
              <td data-label="Created">{dateFormat.format(account.createdAt)}</td>
              <td data-label="Actions">
                {account.id === me.id ? (
                  <span className={styles.note}>
                    This is you. You cannot disable yourself or give up your admin role: you would lose access to this page. Another
                    admin can.
                  </span>
                ) : (
                  <UserRowActions userId={account.id} email={account.email} role={account.role} disabled={account.disabled} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm />
    </>
  );
}
