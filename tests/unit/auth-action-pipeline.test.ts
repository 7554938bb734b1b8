import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  formDataToObject,
  hasRole,
  INTERNAL_ERROR_MESSAGE,
  isDatabaseUnavailable,
  runAction,
  UNAVAILABLE_ERROR_MESSAGE,
  type ActionUser,
} from '@/lib/auth/action-pipeline';
import { DomainError } from '@/lib/errors';

const editor: ActionUser = { id: 7, email: 'ed@example.org', name: 'Ed', role: 'editor' };
const admin: ActionUser = { id: 1, email: 'ad@example.org', name: 'Ad', role: 'admin' };
const schema = z.object({ documentId: z.coerce.number().int().positive(), note: z.string().max(5) });

function setup(user: ActionUser | null, role: 'editor' | 'admin' = 'editor') {
  const handler = vi.fn((input: z.output<typeof schema>, ctx: { user: ActionUser }) =>
    Promise.resolve({ saw: input, by: ctx.user.id }),
  );
  const loadUser = vi.fn(() => Promise.resolve(user));
  const log = vi.fn();
  const call = (input: unknown) => runAction({ role, schema, name: 'test.action' }, handler, input, loadUser, log);
  return { handler, loadUser, log, call };
}

describe('authorized action pipeline', () => {
  it('refuses without a session before looking at the input', async () => {
    const { call, handler } = setup(null);
    const parse = vi.spyOn(schema, 'safeParse');
    expect(await call({ documentId: 1, note: 'ok' })).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Sign in to do this.' },
    });
    expect(parse).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('refuses an editor an admin action (forbidden), also on invalid input', async () => {
    const { call, handler } = setup(editor, 'admin');
    const result = await call({ nonsense: true });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'This needs the admin role.' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets an admin do what an editor may (admin ⊇ editor)', async () => {
    expect(hasRole(admin, 'editor')).toBe(true);
    expect(hasRole(editor, 'admin')).toBe(false);
    const { call } = setup(admin, 'editor');
    expect(await call({ documentId: '3', note: 'hi' })).toEqual({ ok: true, data: { saw: { documentId: 3, note: 'hi' }, by: 1 } });
  });

  it('reports every invalid field by path', async () => {
    const { call, handler } = setup(editor);
    const result = await call({ documentId: -1, note: 'too long' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['documentId', 'note']);
    expect(result.error.message).toMatch(/^Invalid input \(documentId\): /);
    expect(handler).not.toHaveBeenCalled();
  });

  it('reads a FormData as a plain object (repeated fields become arrays, Next internals dropped)', async () => {
    const form = new FormData();
    form.set('documentId', '12');
    form.set('note', 'abc');
    form.set('$ACTION_ID_123', '');
    const { call, handler } = setup(editor);
    expect(await call(form)).toMatchObject({ ok: true, data: { saw: { documentId: 12, note: 'abc' } } });
    expect(handler.mock.calls[0]![0]).toEqual({ documentId: 12, note: 'abc' });

    const multi = new FormData();
    multi.append('key', 'a');
    multi.append('key', 'b');
    multi.append('one', 'x');
    expect(formDataToObject(multi)).toEqual({ key: ['a', 'b'], one: 'x' });
  });

  it('passes a DomainError through with its code, message and details', async () => {
    const { call, handler, log } = setup(editor);
    handler.mockRejectedValueOnce(new DomainError('conflict', 'T4 changed in revision 9 by Ada; reload to see it', { rev: 9 }));
    expect(await call({ documentId: 1, note: '' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'T4 changed in revision 9 by Ada; reload to see it', details: { rev: 9 } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('hides any other failure: logged with the action name, reported without internals', async () => {
    const { call, handler, log } = setup(editor);
    const boom = new Error('relation "secret_table" does not exist');
    handler.mockRejectedValueOnce(boom);
    const result = await call({ documentId: 1, note: '' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain('secret_table');
    expect(log).toHaveBeenCalledWith('[action test.action] failed:', boom);
  });

  it('a failing session lookup is an internal error, not a pass', async () => {
    const log = vi.fn();
    const handler = vi.fn();
    const result = await runAction(
      { role: 'editor', schema, name: 'x' },
      handler,
      {},
      () => Promise.reject(new Error('database down')),
      log,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(handler).not.toHaveBeenCalled();
  });

  // Issue 9, finding 3: a save during an outage said "internal" (or showed the error page) and lost the text.
  it('reports a database that does not answer as unavailable (try again), for the session lookup and the handler alike', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const closed = Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const wrapped = new Error('Failed query: select …', { cause: closed });
    for (const error of [refused, closed, terminated, wrapped, new AggregateError([refused])]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      const log = vi.fn();
      const result = await runAction(
        { role: 'editor', schema, name: 'x' },
        () => Promise.reject(error),
        { documentId: 1, note: 'ok' },
        () => Promise.resolve(editor),
        log,
      );
      expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: UNAVAILABLE_ERROR_MESSAGE } });
      const fromSession = await runAction({ role: 'editor', schema, name: 'x' }, vi.fn(), {}, () => Promise.reject(error), log);
      expect(fromSession).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    expect(UNAVAILABLE_ERROR_MESSAGE).toBe('Not saved — the database is unavailable; try again.');
    // A query the server refused for what it says is not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('other'), { code: '55000' }))).toBe(false);
  });

  it("lets Next's redirect() and notFound() through", async () => {
    const { call, handler } = setup(editor);
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/x;307;' });
    handler.mockRejectedValueOnce(redirect);
    await expect(call({ documentId: 1, note: '' })).rejects.toBe(redirect);
    const notFound = Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;404'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
    handler.mockRejectedValueOnce(notFound);
    await expect(call({ documentId: 1, note: '' })).rejects.toBe(notFound);
  });
});

describe('runAction and the app side of Next control flow', () => {
  it('hands every unexpected error to the rethrow it is given (the app passes unstable_rethrow)', async () => {
    const seen: unknown[] = [];
    const failure = new Error('boom');
    const result = await runAction(
      { role: 'editor', schema: z.object({}), name: 'x' },
      () => Promise.reject(failure),
      {},
      () => Promise.resolve({ id: 7, email: 'ed@example.org', name: 'Ed', role: 'editor' }),
      () => {},
      (error) => seen.push(error),
    );
    expect(seen).toEqual([failure]);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
