/**
 * The load itself, over loopback HTTP with plain fetch: readers walking the
 * public pages and API (revalidating with If-None-Match half the time), and
 * editors signed in through Auth.js's credentials endpoint submitting edits
 * to POST /api/documents/[slug]/edits. Every answer is classified as it
 * arrives; what a fault phase may excuse (a friendly 503, a refused
 * connection while the server is dead) is asked of the phase's fault window.
 */
import type { Account } from './app-server';

export const SLUG = 'gorbachev-mitterrand-1991-01-18';
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * What a fault phase excuses, by when the request was sent and when its answer arrived (on a busy
 * machine a request let through before an outage may be answered seconds later).
 */
export interface FaultWindow {
  /** A friendly 503 (the outage page, or `database-unavailable` JSON / "not saved" for an edit). */
  allows503(sentAt: number, answeredAt: number): boolean;
  /** A refused or dropped connection (the server process is dead). */
  allowsNoAnswer(sentAt: number, answeredAt: number): boolean;
  /**
   * A 500 from a page (not the API) that was rendering when the database went away, before the proxy's
   * availability check noticed: a server component cannot answer 503. Counted and reported apart.
   */
  allowsPage500(sentAt: number, answeredAt: number): boolean;
  /** When a request was sent and answered, relative to the fault (e.g. "sent 3.1 s after the stop"), for failure messages. */
  describe?(sentAt: number, answeredAt: number): string;
}

export const NO_FAULTS: FaultWindow = { allows503: () => false, allowsNoAnswer: () => false, allowsPage500: () => false };

/** An edit the server answered 200 to: it must be in the history afterwards. */
export interface AcknowledgedEdit {
  rev: number;
  email: string;
  op: Record<string, unknown>;
}

export class Stats {
  requests = 0;
  statuses = new Map<string, number>();
  failures: string[] = [];
  acknowledged: AcknowledgedEdit[] = [];
  conflicts = 0;
  notSaved = 0;
  /** Edits whose answer never came (the server died): neither acknowledged nor refused. */
  unanswered = 0;
  /** Pages that answered 500 while the outage was being noticed (FaultWindow.allowsPage500). */
  pages500 = 0;
  /** When the last request was sent that got an excused answer (503, none), and when successes last arrived: the recovery. */
  lastExcusedAt = 0;
  lastReadOkAt = 0;
  lastEditOkAt = 0;

  count(status: string): void {
    this.requests++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  fail(message: string): void {
    if (this.failures.length < 50) this.failures.push(message);
    else if (this.failures.length === 50) this.failures.push('… (more failures not listed)');
  }
}

/** A cookie jar for one client: enough of RFC 6265 for one host. */
class Session {
  private cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  has(name: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(name));
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    const response = await fetch(`${this.origin}${pathname}`, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.keep(response);
    return response;
  }
}

/** Signs in with the credentials provider exactly as the sign-in form's POST does. */
export async function signIn(origin: string, account: Account, password: string): Promise<Session> {
  const session = new Session(origin);
  const csrf = (await (await session.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await session.fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: account.email, password, csrfToken: csrf.csrfToken, callbackUrl: `${origin}/` }),
  });
  await response.arrayBuffer();
  const location = response.headers.get('location') ?? '';
  if (response.status !== 302 || location.includes('error') || !session.has('session-token')) {
    throw new Error(`sign-in of ${account.email} failed: ${response.status} → ${location}`);
  }
  return session;
}

const READER_PATHS = [
  '/',
  `/documents/${SLUG}`,
  `/documents/${SLUG}/passages/T3`,
  `/documents/${SLUG}/passages/T2-T5`,
  `/documents/${SLUG}/history`,
  '/search?q=Kuwait',
  `/documents/${SLUG}/citation.ris`,
  '/api/documents',
  `/api/documents/${SLUG}`,
  `/api/documents/${SLUG}/passages/T6`,
  `/api/documents/${SLUG}/export?format=json`,
];

const FRIENDLY_503 = /Diptych is resting for a moment|"code":"database-unavailable"/;
const LEAKS = /ECONNREFUSED|\s{4}at |node_modules|PostgresError/;

const when = (faults: FaultWindow, sentAt: number, answeredAt: number) =>
  faults.describe ? ` (${faults.describe(sentAt, answeredAt)})` : '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One reader: GETs in a loop until the deadline; half of them revalidate the copy it already has. */
async function reader(id: number, origin: string, until: () => number, stats: Stats, faults: FaultWindow): Promise<void> {
  const etags = new Map<string, string>();
  for (let n = 0; Date.now() < until(); n++) {
    const pathname = READER_PATHS[(id * 7 + n) % READER_PATHS.length]!;
    const headers: Record<string, string> = {};
    const etag = etags.get(pathname);
    if (etag && n % 2 === 0) headers['if-none-match'] = etag;
    const sentAt = Date.now();
    try {
      const response = await fetch(`${origin}${pathname}`, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = await response.text();
      const at = Date.now();
      stats.count(String(response.status));
      if (response.status === 200 || response.status === 304) {
        const tag = response.headers.get('etag');
        if (tag) etags.set(pathname, tag);
        stats.lastReadOkAt = at;
      } else if (response.status === 503 && faults.allows503(sentAt, at) && FRIENDLY_503.test(body) && !LEAKS.test(body)) {
        stats.lastExcusedAt = Math.max(stats.lastExcusedAt, sentAt);
        await sleep(100);
      } else if (response.status === 500 && !pathname.startsWith('/api/') && faults.allowsPage500(sentAt, at) && !LEAKS.test(body)) {
        stats.pages500++;
      } else {
        stats.fail(`GET ${pathname} → ${response.status}${when(faults, sentAt, at)}: ${body.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    } catch (error) {
      const at = Date.now();
      stats.count('no answer');
      if (faults.allowsNoAnswer(sentAt, at)) {
        stats.lastExcusedAt = Math.max(stats.lastExcusedAt, sentAt);
        await sleep(200);
      } else
        stats.fail(
          `GET ${pathname} → no answer: ${(error as Error).message} ${String((error as { cause?: { message?: string } }).cause?.message ?? '')}`,
        );
    }
  }
}

interface PassageSegment {
  key: string;
  turnNo: number;
  isPlaceholder: boolean;
  text: string | null;
}

export interface Passage {
  rev: number;
  english: PassageSegment[];
  russian: PassageSegment[];
}

const MARK = / ~e\d+\.\d+$/;

/**
 * The next edit of a turn: fill a placeholder, rejoin a split turn, split a
 * turn at a sentence, or (mostly) correct a text. Each text is new, so no
 * edit is a no-op.
 */
function nextOp(passage: Passage, editor: number, n: number): Record<string, unknown> {
  const [first, second] = passage.english;
  const source = passage.russian[0];
  if (source?.isPlaceholder)
    return { type: 'replace-placeholder', segmentKey: source.key, text: `Проверка под нагрузкой ~e${editor}.${n}` };
  if (first && second) return { type: 'merge-segments', segmentKey: first.key, nextSegmentKey: second.key };
  const text = (first?.text ?? '').replace(MARK, '');
  const sentenceEnd = text.search(/[.?!] \S/);
  if (n % 5 === 4 && sentenceEnd > 0 && sentenceEnd + 2 < text.length - 1)
    return { type: 'split-segment', segmentKey: first!.key, offsets: [sentenceEnd + 2] };
  return { type: 'correct-text', segmentKey: first!.key, text: `${text} ~e${editor}.${n}` };
}

function readPassage(json: unknown): Passage {
  const data = json as { revision: { current: number }; rows: { cells: { lang: string; segments: PassageSegment[] }[] }[] };
  const cells = data.rows.flatMap((r) => r.cells);
  return {
    rev: data.revision.current,
    english: cells.filter((c) => c.lang === 'en').flatMap((c) => c.segments),
    russian: cells.filter((c) => c.lang === 'ru').flatMap((c) => c.segments),
  };
}

export interface EditorClient {
  index: number;
  account: Account;
  session: Session;
  /** The turns this editor corrects (two editors share some, so conflicts happen). */
  turns: number[];
  /** Edits sent whose answer has not arrived. */
  inFlight: number;
  /** The last copy read of each of its turns, kept across phases (what an open edit page holds). */
  known: Map<number, Passage>;
}

/**
 * One editor: read the passage, send an edit against the revision read, repeat. When the read fails (an
 * outage) it edits from the copy it has, as a person with the page open would: a conflict or "not saved".
 */
async function editor(client: EditorClient, until: () => number, stats: Stats, faults: FaultWindow): Promise<void> {
  const { known } = client;
  for (let n = 0; Date.now() < until(); n++) {
    const turn = client.turns[n % client.turns.length]!;
    const where = `T${turn}`;
    const readAt = Date.now();
    try {
      const response = await client.session.fetch(`/api/documents/${SLUG}/passages/${where}`);
      const body = await response.text();
      stats.count(String(response.status));
      if (response.status === 200) known.set(turn, readPassage(JSON.parse(body)));
      else if (response.status === 503 && faults.allows503(readAt, Date.now()) && FRIENDLY_503.test(body))
        stats.lastExcusedAt = Math.max(stats.lastExcusedAt, readAt);
      else stats.fail(`editor GET ${where} → ${response.status}: ${body.slice(0, 200)}`);
    } catch (error) {
      stats.count('no answer');
      if (faults.allowsNoAnswer(readAt, Date.now())) stats.lastExcusedAt = Math.max(stats.lastExcusedAt, readAt);
      else stats.fail(`editor GET ${where} → no answer: ${(error as Error).message}`);
    }
    const passage = known.get(turn);
    if (!passage) {
      await sleep(200);
      continue;
    }
    const op = nextOp(passage, client.index, n);
    client.inFlight++;
    const sentAt = Date.now();
    try {
      const response = await client.session.fetch(`/api/documents/${SLUG}/edits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: client.session.origin },
        body: JSON.stringify({ baseRev: passage.rev, op }),
      });
      const text = await response.text();
      const at = Date.now();
      stats.count(String(response.status));
      const body = JSON.parse(text) as { rev?: number; error?: { code: string; message: string } };
      if (response.status === 200 && typeof body.rev === 'number') {
        stats.acknowledged.push({ rev: body.rev, email: client.account.email, op });
        stats.lastEditOkAt = at;
      } else if (response.status === 409 && body.error?.code === 'conflict') {
        stats.conflicts++;
      } else if (
        response.status === 503 &&
        faults.allows503(sentAt, at) &&
        body.error?.code === 'database-unavailable' &&
        /not/i.test(body.error.message) &&
        !LEAKS.test(text)
      ) {
        stats.notSaved++;
        stats.lastExcusedAt = Math.max(stats.lastExcusedAt, sentAt);
        await sleep(100);
      } else {
        stats.fail(`POST edit ${String(op.type)} on ${where} → ${response.status}${when(faults, sentAt, at)}: ${text.slice(0, 300)}`);
        known.delete(turn);
      }
    } catch (error) {
      const at = Date.now();
      stats.count('no answer');
      stats.unanswered++;
      known.delete(turn);
      if (faults.allowsNoAnswer(sentAt, at)) {
        stats.lastExcusedAt = Math.max(stats.lastExcusedAt, sentAt);
        await sleep(200);
      } else stats.fail(`POST edit ${String(op.type)} on ${where} → no answer: ${(error as Error).message}`);
    } finally {
      client.inFlight--;
    }
    await sleep(50);
  }
}

/**
 * The first request of each route loads its code: made once, one at a time, before the load is measured
 * (on a busy machine a cold start under 36 clients can take longer than a fault phase's first seconds).
 */
export async function warmUp(origin: string): Promise<void> {
  for (const pathname of READER_PATHS)
    await (await fetch(`${origin}${pathname}`, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
}

/**
 * Each editor reads its turns once before the traffic starts, as a person opens the edit page before
 * typing: an editor whose first read fell into the outage would otherwise have nothing to save, and the
 * phase could pass without anyone being told "not saved".
 */
export async function openEditPages(editors: EditorClient[]): Promise<void> {
  for (const client of editors) {
    for (const turn of client.turns) {
      if (client.known.has(turn)) continue;
      const response = await client.session.fetch(`/api/documents/${SLUG}/passages/T${turn}`);
      if (response.status !== 200) throw new Error(`editor ${client.index} could not read T${turn}: ${response.status}`);
      client.known.set(turn, readPassage(await response.json()));
    }
  }
}

/** Readers and editors together until `durationMs` has passed (or, given a function, until the time it returns). */
export async function runTraffic(options: {
  origin: string;
  readers: number;
  editors: EditorClient[];
  durationMs: number | (() => number);
  stats: Stats;
  faults?: FaultWindow;
}): Promise<void> {
  const end = typeof options.durationMs === 'number' ? Date.now() + options.durationMs : null;
  const until = options.durationMs instanceof Function ? options.durationMs : () => end!;
  const faults = options.faults ?? NO_FAULTS;
  await Promise.all([
    ...Array.from({ length: options.readers }, (_, i) => reader(i, options.origin, until, options.stats, faults)),
    ...options.editors.map((client) => editor(client, until, options.stats, faults)),
  ]);
}
