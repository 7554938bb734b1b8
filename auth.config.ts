/**
 * The edge-safe half of the Auth.js configuration: no database, no Node
 * APIs, so a proxy.ts could import it for quick redirects. Providers and the
 * database-backed callbacks live in auth.ts.
 */
import type { NextAuthConfig } from 'next-auth';

export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export const authConfig = {
  // Self-hosted behind any host name: Auth.js must trust the Host header (else `UntrustedHost` on `next start`).
  trustHost: true,
  pages: { signIn: '/sign-in', error: '/sign-in' },
  // The Credentials provider works only with JWT sessions. The token names the
  // account; role and enabled state are re-read per request (app/_auth/current-user.ts).
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
