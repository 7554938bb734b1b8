/**
 * The PostgreSQL driver recovers from a connection that closes with a write
 * still buffered. postgres.js 3.4.9 buffers small writes until the next
 * setImmediate; a close in between left that timer cancelled but set, so the
 * next connection's startup message was never sent and every query on it
 * waited for connect_timeout (10 s) and failed with CONNECT_TIMEOUT: after a
 * PostgreSQL restart under load, pages answered 500 eleven seconds later
 * (CI, tests/load outage phase). patches/postgres+3.4.9.patch fixes it.
 */
import net from 'node:net';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';

const serverUrl = process.env.DATABASE_URL || undefined;

describe.runIf(serverUrl)('postgres.js on a PostgreSQL server', () => {
  let sql: postgres.Sql | undefined;
  afterEach(async () => sql?.end({ timeout: 1 }));

  it('answers the next query at once after a connection closed before its buffered write went out', async () => {
    const url = new URL(serverUrl!);
    let socket: net.Socket | undefined;
    // Our own socket, so the test can close it at the moment the bug needs (a documented option its types omit).
    const ownSocket = { socket: () => (socket = net.connect(Number(url.port || 5432), url.hostname)) } as Parameters<
      typeof postgres
    >[1];
    sql = postgres(url.toString(), { max: 1, connect_timeout: 3, backoff: () => 0.05, onnotice: () => {}, ...ownSocket });
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);

    const interrupted = sql`select 2`.then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    // Let the query be written into the buffer, but not flushed (that waits for setImmediate).
    for (let i = 0; i < 3; i++) await Promise.resolve();
    const closing = socket!;
    closing.destroy();
    // The server's close arriving before the flush, as it does when PostgreSQL stops under load.
    closing.emit('close', false);
    expect(await interrupted).toBe('CONNECTION_CLOSED');

    const next = await sql`select 3 as three`.then(
      (rows) => rows,
      (error: { code?: string }) => error.code,
    );
    expect(next).toEqual([{ three: 3 }]);
  });
});
