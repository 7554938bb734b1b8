/**
 * How a postgres.js pool waits between connection attempts. Its default
 * backoff grows with every failed attempt of the whole pool, up to 20 s
 * (3^n / 100 s), and a query queued during an outage waits for the next
 * scheduled attempt: after a 5 s outage under load, requests sat unanswered
 * for more than 30 s though the server was back (tests/load, outage phase).
 * Short, bounded retries let each query fail fast while the server is down
 * (a 503 "not saved, try again") and succeed as soon as it is up.
 */
export const RECONNECT_OPTIONS = {
  /** Seconds before the next attempt: 50 ms doubling, at most half a second. */
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
  /**
   * Seconds one attempt may take to connect (postgres.js: 30 s). Right after a restart a busy server
   * can take several seconds to start a backend; 5 s turned some of those into errors (tests/load).
   */
  connect_timeout: 10,
} as const;
