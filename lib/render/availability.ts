/**
 * Whether the database answers, remembered briefly so checking costs at most
 * one cheap query every few seconds however busy the site is. The check
 * itself is injected (proxy.ts gives it a `select 1`), so this stays pure.
 */
export interface AvailabilityGateOptions {
  /** Resolves when the database answers; rejects (or resolves false) when it does not. */
  check: () => Promise<boolean>;
  /** How long a good answer is trusted. */
  upTtlMs?: number;
  /** How long a failure is trusted before asking again. */
  downTtlMs?: number;
  /** A check slower than this counts as a failure. */
  timeoutMs?: number;
  now?: () => number;
}

export function createAvailabilityGate({
  check,
  upTtlMs = 5_000,
  downTtlMs = 2_000,
  timeoutMs = 2_500,
  now = Date.now,
}: AvailabilityGateOptions): (ask?: { fresh?: boolean }) => Promise<boolean> {
  let known: { up: boolean; at: number } | null = null;
  let pending: Promise<boolean> | null = null;

  async function probe(): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([
        check().then(
          (ok) => ok === true,
          () => false,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `fresh` asks the database now (a page just failed on it) instead of trusting a remembered answer. */
  return async function isAvailable(ask: { fresh?: boolean } = {}): Promise<boolean> {
    if (!ask.fresh && known && now() - known.at < (known.up ? upTtlMs : downTtlMs)) return known.up;
    // Concurrent requests share one probe.
    pending ??= probe().then((up) => {
      known = { up, at: now() };
      pending = null;
      return up;
    });
    return pending;
  };
}
