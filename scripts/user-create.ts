// `npm run user:create -- --email a@b.c --role editor [--name "Ada Lovelace"] [--generate-password] [--disabled]`
// Creates an account. The password is read from stdin when piped
// (`printf '%s' "$PW" | npm run user:create -- …`); in a terminal (or with
// --generate-password) one is generated and printed once.
// With the embedded database, stop the server first: PGlite is one process's database.
import { parseArgs } from 'node:util';
import { describeConfiguredDatabase, openDatabaseForCommand } from '@/db/bootstrap';
import { createUser } from '@/db/accounts/users';
import { accountRoles } from '@/lib/auth/account-rules';
import { generatePassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';

const usage = `Usage: npm run user:create -- --email you@example.org --role ${accountRoles.join('|')} [--name "Your Name"] [--generate-password] [--disabled]
  --disabled creates the account disabled (an admin enables it in the app).
  The password is read from stdin when piped; otherwise one is generated and printed once.`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'generate-password': { type: 'boolean', default: false },
      disabled: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!args.email) fail(`Missing --email.\n${usage}`, 2);
if (!args.role) fail(`Missing --role (${accountRoles.join(' or ')}).\n${usage}`, 2);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const generated = args['generate-password'] || process.stdin.isTTY;
let password: string;
if (generated) {
  password = generatePassword();
} else {
  // One trailing newline is the shell's (echo), not part of the password.
  password = (await readStdin()).replace(/\r?\n$/, '');
  if (password === '') fail('No password on stdin. Pipe one in, or pass --generate-password to have one generated.');
}

const database = await openDatabaseForCommand({ seed: false });
try {
  const user = await createUser(database.db, {
    email: args.email,
    name: args.name,
    role: args.role,
    password,
    disabled: args.disabled,
  });
  console.log(
    `Created ${args.disabled ? 'disabled ' : ''}${user.role} account #${user.id} for ${user.name} <${user.email}> in ${describeConfiguredDatabase()}.`,
  );
  if (generated) console.log(`Password (shown only now; store it safely): ${password}`);
} catch (error) {
  if (error instanceof DomainError) fail(`Could not create the account: ${error.message}`);
  throw error;
} finally {
  await database.close();
}
