import { describe, expect, it } from 'vitest';
import { createAvailabilityGate } from '@/lib/render/availability';
import { RETRY_AFTER_SECONDS, unavailableHtml } from '@/lib/render/unavailable-page';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('database availability gate (decides the 503)', () => {
  it('reports up when the check answers, down when it throws or says no', async () => {
    expect(await createAvailabilityGate({ check: () => Promise.resolve(true) })()).toBe(true);
    expect(await createAvailabilityGate({ check: () => Promise.reject(new Error('ECONNREFUSED')) })()).toBe(false);
    expect(await createAvailabilityGate({ check: () => Promise.resolve(false) })()).toBe(false);
  });

  it('counts a check that hangs as down', async () => {
    const gate = createAvailabilityGate({ check: () => new Promise<boolean>(() => {}), timeoutMs: 20 });
    expect(await gate()).toBe(false);
  });

  it('remembers an answer for a while, so busy pages cost one check, then asks again', async () => {
    const c = clock();
    let calls = 0;
    let up = true;
    const gate = createAvailabilityGate({
      check: () => {
        calls++;
        return up ? Promise.resolve(true) : Promise.reject(new Error('down'));
      },
      upTtlMs: 5_000,
      downTtlMs: 2_000,
      now: c.now,
    });
    expect(await gate()).toBe(true);
    expect(await gate()).toBe(true);
    expect(calls).toBe(1);
    up = false;
    c.advance(4_999);
    expect(await gate()).toBe(true);
    c.advance(2);
    expect(await gate()).toBe(false);
    expect(calls).toBe(2);
    up = true;
    c.advance(1_999);
    expect(await gate()).toBe(false);
    c.advance(2);
    // The database came back: the site recovers by itself.
    expect(await gate()).toBe(true);
    expect(calls).toBe(3);
  });

  it('asks again at once when told a page just failed on the database (fresh)', async () => {
    let up = true;
    let calls = 0;
    const gate = createAvailabilityGate({
      check: () => {
        calls++;
        return Promise.resolve(up);
      },
      upTtlMs: 60_000,
    });
    expect(await gate()).toBe(true);
    up = false;
    expect(await gate()).toBe(true);
    expect(await gate({ fresh: true })).toBe(false);
    expect(calls).toBe(2);
  });

  it('shares one check among concurrent requests', async () => {
    let calls = 0;
    let release!: (v: boolean) => void;
    const gate = createAvailabilityGate({
      check: () => {
        calls++;
        return new Promise<boolean>((r) => (release = r));
      },
    });
    const answers = Promise.all([gate(), gate(), gate()]);
    release(true);
    expect(await answers).toEqual([true, true, true]);
    expect(calls).toBe(1);
  });

  it('serves a friendly, self-contained page with no script and no error details', () => {
    const html = unavailableHtml();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Error 503');
    expect(html).toContain('Diptych is resting for a moment');
    expect(html).not.toMatch(/<script|Error:|stack/i);
    expect(RETRY_AFTER_SECONDS).toBeGreaterThan(0);
  });
});
