/**
 * Whether an error means "the database is not answering" (a server that is
 * down, restarting, closed to connections or dropped the connection), as
 * opposed to a bug or a bad query. One rule for the whole app: the action
 * pipeline's (lib/auth/action-pipeline.ts), which the JSON edit endpoint and
 * the session check share.
 */
export { isDatabaseUnavailable } from '@/lib/auth/action-pipeline';
