/**
 * The one place that reads process.env. Everything else imports `env`.
 * Validated once, so a bad setting fails at start-up with a clear message.
 */
import path from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** A PostgreSQL server (postgres://...). Unset: the embedded PGlite database. */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
  ),
  /** Where the embedded database keeps its files. */
  DIPTYCH_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data/pglite')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  /** Skip loading the bundled documents on first start. */
  DIPTYCH_SKIP_SEED: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('0')),
  /** Most revisions one account may write per minute (edits, undo, revert, details), counted in the database. */
  DIPTYCH_WRITES_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(120)),
  /**
   * The public origin (https://diptych.example) of permalinks, API links, citations and the sitemap; never
   * taken from a request's Host or X-Forwarded-Host in production, where it is required (npm start
   * defaults it to the local address). https here also switches on HSTS.
   */
  DIPTYCH_PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url('DIPTYCH_PUBLIC_URL must be a URL').optional()),
  /**
   * Signs session tokens. next-auth reads it from process.env itself; it is
   * listed here so a missing secret in production fails at start-up.
   * scripts/start.mjs generates a local one (.auth-secret) outside production.
   */
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional()),
  /** Optional generic OpenID Connect provider: all three switch it on. */
  AUTH_OIDC_ISSUER: z.preprocess(emptyAsUndefined, z.url('AUTH_OIDC_ISSUER must be a URL').optional()),
  AUTH_OIDC_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_OIDC_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** The sign-in button's label for the OIDC provider ("Sign in with <name>"). */
  AUTH_OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().default('single sign-on')),
  /** Optional GitHub sign-in: both switch it on. */
  AUTH_GITHUB_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_GITHUB_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const data = parsed.data;
  const problems: string[] = [];
  // `next build` runs with NODE_ENV=production but without runtime secrets; only a serving process needs one.
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  if (data.NODE_ENV === 'production' && !data.AUTH_SECRET && !building) {
    problems.push('  AUTH_SECRET: required in production (e.g. `openssl rand -base64 33`)');
  }
  if (data.NODE_ENV === 'production' && !data.DIPTYCH_PUBLIC_URL && !building) {
    problems.push('  DIPTYCH_PUBLIC_URL: required in production: the public origin of permalinks, e.g. https://diptych.example');
  }
  const oidc = [data.AUTH_OIDC_ISSUER, data.AUTH_OIDC_ID, data.AUTH_OIDC_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3) problems.push('  AUTH_OIDC_*: set AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together');
  if (Boolean(data.AUTH_GITHUB_ID) !== Boolean(data.AUTH_GITHUB_SECRET)) {
    problems.push('  AUTH_GITHUB_*: set AUTH_GITHUB_ID and AUTH_GITHUB_SECRET together');
  }
  if (problems.length > 0) throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  return data;
}

export const env = readEnv();

/** The embedded database's folder, absolute. */
export const dataDir = path.resolve(env.DIPTYCH_DATA_DIR);
