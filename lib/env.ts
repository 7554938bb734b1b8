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
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** The embedded database's folder, absolute. */
export const dataDir = path.resolve(env.DIPTYCH_DATA_DIR);
