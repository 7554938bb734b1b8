/**
 * Auth.js (next-auth v5): email + password for every account, plus optional
 * OpenID Connect and GitHub sign-in switched on by environment variables.
 * Accounts are created by admins only: an OAuth/OIDC sign-in is accepted
 * only for an existing, enabled account with the same verified email.
 */
import { isDatabaseUnavailable } from '@/db/unavailable';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { authConfig } from '@/auth.config';
import { authenticate } from '@/db/accounts/authenticate';
import { getDb } from '@/db';
import { findAccountForExternalSignIn } from '@/db/accounts/external-sign-in';
import { endSessions, getSessionUser } from '@/db/accounts/users';
import { clientAddress } from '@/lib/auth/rate-limit';
import { env } from '@/lib/env';

/** What authorize() hands to the jwt callback: the account and its session version at sign-in. */
interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/** The session version a token carries (`sv`); tokens from before versions existed carry none and are void. */
function tokenVersion(token: Record<string, unknown>): number | null {
  return typeof token.sv === 'number' && Number.isSafeInteger(token.sv) ? token.sv : null;
}

/** Thrown from authorize(); `code` reaches the sign-in form (never says which of email or password was wrong). */
class WrongCredentials extends CredentialsSignin {
  override code = 'credentials';
}
class RateLimited extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `rate-limited-${minutes}`;
  }
}

const providers: NextAuthConfig['providers'] = [
  Credentials({
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(credentials, request) {
      const email = typeof credentials.email === 'string' ? credentials.email : '';
      const password = typeof credentials.password === 'string' ? credentials.password : '';
      const address = clientAddress(request.headers, process.env.DIPTYCH_PEER_TOKEN);
      const result = await authenticate(await getDb(), { email, password, address });
      if (result.ok) {
        const { id, email: accountEmail, name, sessionVersion } = result.user;
        return { id: String(id), email: accountEmail, name, sessionVersion } satisfies SignedInUser;
      }
      if (result.reason === 'rate-limited') throw new RateLimited(result.minutes);
      throw new WrongCredentials();
    },
  }),
];

if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
  providers.push({
    id: 'oidc',
    name: env.AUTH_OIDC_NAME,
    type: 'oidc',
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_ID,
    clientSecret: env.AUTH_OIDC_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    // Only a verified address may stand for an account.
    profile(profile: Record<string, unknown>) {
      return {
        id: String(profile.sub),
        name: typeof profile.name === 'string' ? profile.name : null,
        email: profile.email_verified === true && typeof profile.email === 'string' ? profile.email : null,
      };
    },
  });
}

if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
  providers.push(
    GitHub({
      clientId: env.AUTH_GITHUB_ID,
      clientSecret: env.AUTH_GITHUB_SECRET,
      // GitHub's profile email may be absent; take the primary address only if GitHub has verified it.
      userinfo: {
        url: 'https://api.github.com/user',
        async request({ tokens }: { tokens: { access_token?: string } }) {
          const headers = { Authorization: `Bearer ${tokens.access_token}`, 'User-Agent': 'diptych' };
          const profile = (await (await fetch('https://api.github.com/user', { headers })).json()) as Record<string, unknown>;
          const res = await fetch('https://api.github.com/user/emails', { headers });
          const emails = res.ok ? ((await res.json()) as { email: string; primary: boolean; verified: boolean }[]) : [];
          profile.email = emails.find((e) => e.primary && e.verified)?.email ?? null;
          return profile;
        },
      },
    }),
  );
}

/** Providers other than email + password, for the sign-in page's buttons. */
export const externalProviders: { id: string; name: string }[] = [
  ...(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET ? [{ id: 'oidc', name: env.AUTH_OIDC_NAME }] : []),
  ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [{ id: 'github', name: 'GitHub' }] : []),
];

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers,
  logger: {
    // A failed password is expected, not an incident: log one line, not a stack trace.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === 'CredentialsSignin') return;
      if (type === 'AccessDenied') {
        console.warn('[auth] sign-in refused: no enabled account with that verified email');
        return;
      }
      console.error(`[auth] ${type}: ${error.message}`);
    },
    warn(code) {
      console.warn(`[auth] warning: ${code}`);
    },
    debug() {},
  },
  callbacks: {
    ...authConfig.callbacks,
    /** External sign-ins map onto an existing enabled account (admins create accounts); none are created here. */
    async signIn({ user, account }) {
      if (!account || account.provider === 'credentials') return true;
      return (await findAccountForExternalSignIn(await getDb(), user.email)) !== null;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.provider === 'credentials') {
          token.sv = (user as SignedInUser).sessionVersion;
          return token;
        }
        // The provider's id means nothing here; the session names our account.
        const existing = await findAccountForExternalSignIn(await getDb(), user.email);
        if (!existing) return null;
        token.sub = String(existing.id);
        token.name = existing.name;
        token.email = existing.email;
        token.sv = existing.sessionVersion;
        return token;
      }
      // Every later read of the session (auth() in pages and actions, /api/auth/session): the token must
      // carry the account's current session version and the account be enabled, else it is signed out
      // (Auth.js then clears the cookie where it can). Sign-out, disabling, role and password changes bump it.
      const id = Number(token.sub);
      const version = tokenVersion(token);
      if (!Number.isSafeInteger(id) || id <= 0 || version === null) return null;
      try {
        return (await getSessionUser(await getDb(), id, version)) ? token : null;
      } catch (error) {
        // The database is down: nothing can be written, so the token is kept unchecked until it answers,
        // and an action says "not saved, try again" rather than "sign in".
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
    },
  },
  events: {
    /** Signing out ends every session of the account, not only this cookie (which a copy may outlive). */
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const id = Number(token?.sub);
      const version = token ? tokenVersion(token) : null;
      // Only a live token may end the sessions: a revoked copy cannot sign its owner out again and again.
      if (Number.isSafeInteger(id) && id > 0 && version !== null)
        await endSessions(await getDb(), { userId: id, sessionVersion: version });
    },
  },
});
