/**
 * Password hashing: Argon2id at OWASP's recommended cost (19 MiB, 2 passes,
 * 1 lane), stored as a PHC string so the parameters travel with the hash and
 * can be raised later without invalidating existing passwords.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { DomainError } from '@/lib/errors';

export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 accepts more, but a megabyte "password" is an attack, not a password. */
export const MAX_PASSWORD_LENGTH = 1024;

const ARGON2ID = 2 as Algorithm; // the package's const enum, which isolatedModules cannot read
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class PasswordPolicyError extends DomainError {
  constructor(message: string) {
    super('weak-password', message);
  }
}

/** Why a password is refused, or null when it is acceptable. Counted in characters, not bytes. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: ${length} characters; it needs at least ${MIN_PASSWORD_LENGTH}.`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new PasswordPolicyError(problem);
  return hash(password, options);
}

/** True when the password matches; false for a mismatch or a malformed hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random string, verified when the email is unknown so that
 * a wrong email costs as long as a wrong password: timing must not reveal
 * which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash(crypto.randomUUID(), options);
  await verifyPassword(await decoyHash, password);
  return false;
}

/** A generated password for a new account: 20 characters from an unambiguous alphabet (~110 bits). */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
