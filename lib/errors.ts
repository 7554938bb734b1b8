/**
 * Base of every error meant for people: a stable code for programs and a
 * message that says what went wrong and where. Server actions and API
 * routes pass these through; any other error is logged and shown as a
 * generic failure, never raw.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Extra, serializable facts for the UI (e.g. the current state on a conflict). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
