/**
 * `npm run bench`: the read path under load (bench/http.ts) and edit latency
 * on a 10-row and a 20,000-row document (bench/edit-latency.ts), written to
 * docs/benchmarks.md. Needs the PostgreSQL server (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres); every database it makes is
 * dropped afterwards. A few minutes in all. Everything after the
 * `<!-- notes -->` line of docs/benchmarks.md is kept as written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EDIT_RUNS, runEditLatencyBench } from './edit-latency';
import { runHttpBench, type HttpReport, type LoadResult } from './http';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'docs', 'benchmarks.md');
const NOTES = '<!-- notes -->';

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ok = (pass: boolean) => (pass ? 'met' : '**missed**');

function loadRow(r: LoadResult): string {
  return `| ${r.name} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} | ${kb(r.bytes)} |`;
}

function render(http: HttpReport, edits: string[]): string {
  const reader = http.seed.map((s) => s.reader.rps).reduce((a, b) => a + b, 0);
  const stat = http.seed.map((s) => s.static.rps).reduce((a, b) => a + b, 0);
  const ratio = reader / stat;
  const p99 = Math.max(...http.seed.map((s) => s.reader.p99));
  const errors = http.seed.reduce((n, s) => n + s.reader.errors + s.reader.non2xx, 0);
  const passageRatio = (name: string) => (http.cases.find((c) => c.name === name)?.rps ?? 0) / (stat / http.seed.length);
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); the notes at the end are kept as written.

\`\`\`sh
npm run bench    # DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres
\`\`\`

- machine: ${http.machine}
- load average (1, 5, 15 min) before the HTTP cases: ${http.loadBefore}; after: ${http.loadAfter}
- one \`next start\` on 127.0.0.1, PostgreSQL server on the same machine; autocannon, ${32} connections, each case ${process.env.BENCH_SECONDS ?? 10} s or 20,000 requests, whichever comes first

## Targets (issue 8)

| target | measured | |
|---|---|---|
| seed reader ≥ 0.8 × its static copy | ${ratio.toFixed(3)} | ${ok(ratio >= 0.8)} |
| seed reader p99 < 100 ms, 0 errors | p99 ${ms(p99)}, ${errors} errors | ${ok(p99 < 100 && errors === 0)} |
| passage page ≥ 0.8 × static | ${passageRatio('passage page T5').toFixed(3)} | ${ok(passageRatio('passage page T5') >= 0.8)} |
| pinned passage ≥ 0.8 × static | ${passageRatio('pinned passage T5?rev=1').toFixed(3)} | ${ok(passageRatio('pinned passage T5?rev=1') >= 0.8)} |
| API passage ≥ 0.8 × static | ${passageRatio('API passage T5').toFixed(3)} | ${ok(passageRatio('API passage T5') >= 0.8)} |
| 20,000-turn reader: first byte < 300 ms | ${ms(http.big.firstByte)} | ${ok(http.big.firstByte < 300)} |
| 20,000-turn reader: first response < 500 KB | ${kb(http.big.bytes)} | ${ok(http.big.bytes < 500 * 1024)} |
${http.ratios.map((r) => `| ${r.name}: within 1.5 × | ${(r.big / r.memo).toFixed(2)} (${ms(r.big)} vs ${ms(r.memo)}) | ${ok(r.big / r.memo <= 1.5)} |`).join('\n')}
| import of 20,000 turns (${http.importRun.megabytes.toFixed(1)} MB) in < 15 s, memory < 500 MB | ${http.importRun.ok ? `${http.importRun.seconds.toFixed(1)} s, ${http.importRun.peakRssMb.toFixed(0)} MB peak RSS` : 'failed'} | ${ok(http.importRun.ok && http.importRun.seconds < 15 && http.importRun.peakRssMb < 500)} |
| server memory under load < 600 MB | ${http.peakRssMb.toFixed(0)} MB peak RSS | ${ok(http.peakRssMb < 600)} |
| reader client JS beyond the framework ≤ 15 KB gzip | ${kb(http.clientJs.reader)} (framework and shared: ${kb(http.clientJs.framework)}) | ${ok(http.clientJs.reader <= 15 * 1024)} |

## Seed reader against a static file of the same bytes (interleaved)

| case | req/s | p50 | p99 | errors | non-2xx | bytes/response |
|---|---:|---:|---:|---:|---:|---:|
${http.seed.flatMap((s) => [loadRow(s.reader), loadRow(s.static)]).join('\n')}

Ratio of the sums: **${ratio.toFixed(3)}**.

## Other cases (same server, same run)

| case | req/s | p50 | p99 | errors | non-2xx | bytes/response |
|---|---:|---:|---:|---:|---:|---:|
${http.cases.map(loadRow).join('\n')}

## The 20,000-turn document (median of 5 single requests)

| page | first byte | last byte | bytes |
|---|---:|---:|---:|
| reader at ?at=T12345 (one window) | ${ms(http.big.firstByte)} | ${ms(http.big.lastByte)} | ${kb(http.big.bytes)} |
| memo reader (whole document) | ${ms(http.big.memoFirstByte)} | — | ${kb(http.big.memoBytes)} |

| page | 20,000 turns | memo | ratio |
|---|---:|---:|---:|
${http.ratios.map((r) => `| ${r.name} | ${ms(r.big)} | ${ms(r.memo)} | ${(r.big / r.memo).toFixed(2)} |`).join('\n')}

Server peak RSS over the whole HTTP run: **${http.peakRssMb.toFixed(0)} MB**.

## Reader client JavaScript (gzip -9)

Scripts the seed reader loads; "framework" are those the not-found page loads too (React, Next's runtime, the layout).

| script | gzip | framework |
|---|---:|---|
${http.clientJs.files.map((f) => `| \`${f.file.replace(/^.*\//, '')}\` | ${kb(f.gzip)} | ${f.framework ? 'yes' : 'no'} |`).join('\n')}
| **reader-only total** | **${kb(http.clientJs.reader)}** | |

## Edit latency: a 10-row memo and a 20,000-row book

\`applyEdit\` (lock, window read, conflict check, write, revision), ${EDIT_RUNS} runs each, times in ms, the two documents edited in alternation:

| database | operation | 10 rows: median | p95 | 20,000 rows: median | p95 | ratio of medians |
|---|---|---:|---:|---:|---:|---:|
${edits.join('\n')}

`;
}

async function main() {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.DATABASE_URL = serverUrl;
  const http = await runHttpBench(serverUrl);
  process.stderr.write('bench: edit latency…\n');
  const edits = await runEditLatencyBench();
  const previous = existsSync(output) ? readFileSync(output, 'utf8') : '';
  const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
  writeFileSync(output, render(http, edits) + notes);
  console.log(`wrote ${path.relative(root, output)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
