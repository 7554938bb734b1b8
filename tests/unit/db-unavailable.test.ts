import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/db/unavailable';

/** As Drizzle throws them: the driver's error as the cause of a "Failed query". */
const failedQuery = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises a server that is down, shutting down or dropped the connection, however wrapped', () => {
    expect(
      isDatabaseUnavailable(failedQuery(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        failedQuery(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })]);
    expect(isDatabaseUnavailable(failedQuery(refused))).toBe(true);
  });

  it('leaves bugs and bad queries alone', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(failedQuery(Object.assign(new Error('syntax error'), { code: '42601' })))).toBe(false);
    expect(isDatabaseUnavailable(failedQuery(Object.assign(new Error('deadlock detected'), { code: '40P01' })))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
