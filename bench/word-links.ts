/**
 * Word-link suggestions (docs/benchmarks.md, "Word-link suggestions";
 * issue 12): on a synthetic parallel document with known word links
 * (tests/support/synthetic-word-bitext.ts),
 *  - speed: for each of PASSAGES one-row passages, what
 *    db/edits/word-link-suggest.ts does once the rows are read: train the
 *    model (lib/word-links/suggest.ts) on the passage and
 *    TRAINING_ROWS_EACH_SIDE rows either side with the accepted links among
 *    them, then suggest for the passage; median and p95 wall time against
 *    the 200 ms target, beside a baseline measured in the same run
 *    (tokenizing and lower-casing the same window: reading its words once),
 *    as a ratio, since the machine is shared; and the time to train on the
 *    whole document once;
 *  - quality: precision, recall and F1 of those suggestions against the
 *    known links, with no accepted links and with one row in ten accepted.
 * The database read of the window is not included (bench/edit-latency.ts
 * measures window reads).
 *
 *   npm run bench:words        (npm run bench runs it after the aligner)
 */
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TRAINING_ROWS_EACH_SIDE } from '@/db/edits/word-link-suggest';
import { trainSuggester, type RowText } from '@/lib/word-links/suggest';
import { tokenize } from '@/lib/word-links/tokens';
import type { WordLink } from '@/lib/word-links/types';
import { scoreWordLinks, syntheticWordBitext, type WordBitextRow } from '../tests/support/synthetic-word-bitext';

const DOCUMENT = { rows: 2_000, seed: 12, lexicon: 300 };
const PASSAGES = 200;
const TARGET_MS = 200;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

function machineLine(): string {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const cpu = info.match(/model name\s*:\s*(.+)/)?.[1] ?? 'unknown CPU';
  const cores = info.match(/^processor/gm)?.length ?? 0;
  const memGb = Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024;
  return `${cpu}, ${cores} cores, ${memGb.toFixed(1)} GB RAM, Node ${process.version}`;
}

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Wall milliseconds of `run`, and CPU milliseconds (user + system: what it costs on a quiet machine). */
function wallMs<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Accepted links: the gold pairs of every tenth row, one link per pair. */
function acceptedLinks(doc: readonly WordBitextRow[]): WordLink[] {
  return doc.flatMap(({ row, gold }, r) =>
    r % 10 === 0
      ? [...gold].map((pair, k) => {
          const [s, t] = pair.split('|').map((side) => Number(side.split(':')[1]));
          const ref = (side: RowText['source'], start: number) => {
            const token = tokenize(side[0]!.text, side[0]!.lang).find((x) => x.start === start)!;
            return { segmentKey: side[0]!.segmentKey, start, end: token.end };
          };
          return {
            key: `${row.rowKey}-${k}`,
            rowKey: row.rowKey,
            sourceTokens: [ref(row.source, s!)],
            targetTokens: [ref(row.target, t!)],
            status: 'accepted' as const,
            createdBy: 1,
          };
        })
      : [],
  );
}

interface Run {
  /** Wall and CPU ms per passage. */
  suggest: number[];
  suggestCpu: number[];
  baseline: number[];
  baselineCpu: number[];
  score: ReturnType<typeof scoreWordLinks>;
}

/** Each passage as the app computes it: train on its window (with the accepted links there), suggest for it. */
function runPassages(doc: readonly WordBitextRow[], passages: readonly number[], accepted: readonly WordLink[]): Run {
  const suggest: number[] = [];
  const suggestCpu: number[] = [];
  const baseline: number[] = [];
  const baselineCpu: number[] = [];
  const scored: { gold: Set<string>; suggested: ReturnType<ReturnType<typeof trainSuggester>['suggest']> }[] = [];
  for (const p of passages) {
    const window = doc.slice(Math.max(0, p - TRAINING_ROWS_EACH_SIDE), p + TRAINING_ROWS_EACH_SIDE + 1).map((g) => g.row);
    const keys = new Set(window.map((r) => r.rowKey));
    const inWindow = accepted.filter((l) => keys.has(l.rowKey));
    const { row, gold } = doc[p]!;
    // Baseline and suggestion alternate, so a burst of load on the machine falls on both.
    const base = wallMs(() => {
      let n = 0;
      for (const r of window)
        for (const s of [...r.source, ...r.target])
          for (const t of tokenize(s.text, s.lang)) n += t.text.toLocaleLowerCase(s.lang).length;
      return n;
    });
    baseline.push(base.ms);
    baselineCpu.push(base.cpuMs);
    const { value, ms, cpuMs } = wallMs(() =>
      trainSuggester(window, inWindow).suggest(
        row,
        inWindow.filter((l) => l.rowKey === row.rowKey),
      ),
    );
    suggest.push(ms);
    suggestCpu.push(cpuMs);
    scored.push({ gold, suggested: value });
  }
  return { suggest, suggestCpu, baseline, baselineCpu, score: scoreWordLinks(scored) };
}

const loadBefore = load();
const { value: doc, ms: generateMs } = wallMs(() => syntheticWordBitext(DOCUMENT));
const accepted = acceptedLinks(doc);
// Passages spread over the document, none of them a row with accepted links (those are scored as given, not suggested).
const passages = Array.from({ length: PASSAGES }, (_, k) => Math.floor(((k + 0.5) * doc.length) / PASSAGES)).map((p) =>
  p % 10 === 0 ? p + 1 : p,
);
// Warm up the JIT and the segmenters on a few passages first.
runPassages(doc, passages.slice(0, 5), []);
const fresh = runPassages(doc, passages, []);
const withAccepted = runPassages(doc, passages, accepted);
const whole = wallMs(() => trainSuggester(doc.map((g) => g.row)));
const wholeScore = scoreWordLinks(passages.map((p) => ({ gold: doc[p]!.gold, suggested: whole.value.suggest(doc[p]!.row) })));
const loadAfter = load();

const words = doc.reduce((n, g) => n + g.row.source[0]!.text.split(' ').length + g.row.target[0]!.text.split(' ').length, 0);
const goldPairs = doc.reduce((n, g) => n + g.gold.size, 0);
const f = (x: number) => x.toFixed(3);
const ms = (x: number) => x.toFixed(1);
const window = 2 * TRAINING_ROWS_EACH_SIDE + 1;

console.log('\n## Word-link suggestions\n');
console.log(`- machine: ${machineLine()}`);
console.log(`- load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`);
console.log(
  `- synthetic document: ${doc.length} rows, ${words} words, ${goldPairs} gold word pairs, lexicon of ${DOCUMENT.lexicon} entries, seed ${DOCUMENT.seed} (generated in ${ms(generateMs)} ms)`,
);
console.log(
  `- ${PASSAGES} one-row passages spread over the document; each trains on its window (the passage and ${TRAINING_ROWS_EACH_SIDE} rows either side, up to ${window} rows, as db/edits/word-link-suggest.ts does) and suggests for the passage; wall time, the window's database read not included\n`,
);
console.log(
  `| run | time | suggest: median | p95 | baseline (tokenize the window): median | ratio of medians | p95 < ${TARGET_MS} ms |`,
);
console.log('|---|---|---:|---:|---:|---:|---|');
for (const [name, run] of [
  ['no accepted links', fresh],
  ['one row in ten accepted', withAccepted],
] as const) {
  for (const [kind, xs, base] of [
    ['CPU', run.suggestCpu, run.baselineCpu],
    ['wall', run.suggest, run.baseline],
  ] as const) {
    const median = quantile(xs, 0.5);
    const p95 = quantile(xs, 0.95);
    const baseMedian = quantile(base, 0.5);
    console.log(
      `| ${name} | ${kind} | ${ms(median)} ms | ${ms(p95)} ms | ${ms(baseMedian)} ms | ${(median / baseMedian).toFixed(1)} | ${p95 < TARGET_MS ? 'met' : '**missed**'} |`,
    );
  }
}
console.log(`\nTraining on the whole document (${doc.length} rows) once: ${ms(whole.cpuMs)} ms CPU, ${ms(whole.ms)} ms wall.\n`);
console.log('Quality against the known links (word pairs of the suggested links, scored on the same passages):\n');
console.log('| model | P | R | F1 | pairs suggested | correct | gold |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, s] of [
  [`window (${window} rows), no accepted links`, fresh.score],
  [`window (${window} rows), one row in ten accepted`, withAccepted.score],
  [`whole document (${doc.length} rows), no accepted links`, wholeScore],
] as const) {
  console.log(`| ${name} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.suggested} | ${s.correct} | ${s.gold} |`);
}
