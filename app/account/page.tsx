import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_auth/current-user';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await getCurrentUser();
  if (!me) redirect('/sign-in?callbackUrl=/account');
  const { changed } = await searchParams;
  return (
    <>
      <h1>Your account</h1>
      <p>
        {me.name} ({me.email}), {me.role}.
      </p>
      {changed ? (
        <p role="status" data-testid="password-changed">
          Your password is changed. Every other session of your account has ended; this one goes on.
        </p>
      ) : null}
      <ChangePasswordForm />
    </>
  );
}
