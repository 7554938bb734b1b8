import { DomainError } from '@/lib/errors';

export type AccountErrorCode =
  | 'duplicate-email'
  | 'invalid-email'
  | 'invalid-role'
  | 'invalid-name'
  | 'weak-password'
  | 'not-found'
  | 'system-account'
  | 'self-lockout'
  | 'wrong-password';

/** A refused account change, with a message that says why. */
export class AccountError extends DomainError {
  constructor(
    override readonly code: AccountErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}
