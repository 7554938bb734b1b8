/**
 * The automatic aligner's numbers (docs/benchmarks.md, "Sentence aligner"):
 *  - quality on the Bleualign German–French dev set (read from
 *    ../shared/bench-data, never copied: it is GPL), strict and lax F1,
 *    beside a length-only Gale–Church baseline;
 *  - speed on a synthetic 23,000 x 25,000-sentence bitext, in CPU seconds
 *    (steadier than wall time on a shared machine), as a ratio to the
 *    length-only baseline run in the same process, and beside a full
 *    (quadratic, unbanded) length-only DP timed on a tenth of it;
 *  - memory: the peak resident size of a fresh process that makes the same
 *    bitext and aligns it (what `npm run align` on two such files needs).
 *
 *   npm run bench:align        (npm run bench runs it after the web benchmarks)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { align } from '@/lib/align/align';
import { bandedDp } from '@/lib/align/dp';
import type { Band } from '@/lib/align/band';
import { BEADS, GALE_CHURCH_VARIANCE, lengthCost, PRIOR_COST } from '@/lib/align/length-model';
import { parseLinks } from '@/lib/align/links-format';
import { scoreAlignment } from '@/lib/align/score';
import type { Link } from '@/lib/align/types';
import { syntheticBitext } from '../tests/support/synthetic-bitext';

// ../shared beside the clone (a git worktree sits one level deeper, so look there too).
const DEV =
  ['../../shared', '../../../shared']
    .map((up) => path.resolve(import.meta.dirname, up, 'bench-data/bleualign-de-fr'))
    .find((dir) => existsSync(path.join(dir, 'dev.de'))) ??
  path.resolve(import.meta.dirname, '../../shared/bench-data/bleualign-de-fr');
const fmt = (x: number) => x.toFixed(3);

function lines(file: string): string[] {
  const all = readFileSync(file, 'utf8').split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** CPU milliseconds (user + system) of `run`, and wall milliseconds. */
function timed<T>(run: () => T): { value: T; ms: number; wallMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: (used.user + used.system) / 1000, wallMs: performance.now() - start };
}

const BIG = { sentences: 23_000, seed: 11, split: 0.09, merge: 0.01, drop: 0.005, add: 0.005 };

if (process.argv.includes('--memory-child')) {
  const bitext = syntheticBitext(BIG);
  const before = process.memoryUsage().rss;
  align(bitext.src, bitext.tgt);
  console.log(JSON.stringify({ beforeMb: before / 1024 / 1024, peakMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/** The quadratic reference: every cell of the n x m matrix, length only. */
function fullMatrixLengthOnly(src: string[], tgt: string[]): Link[] {
  const n = src.length;
  const m = tgt.length;
  const cum = (xs: string[]) => xs.reduce((acc, s) => (acc.push(acc[acc.length - 1]! + s.length), acc), [0]);
  const sc = cum(src);
  const tc = cum(tgt);
  const model = { ratio: tc[m]! / sc[n]!, variance: GALE_CHURCH_VARIANCE };
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1).fill(m);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + m + 1;
  const band: Band = { n, m, lo, hi, offset, cells: offset[n + 1]! };
  const dp = bandedDp(band, (k, i, j) => {
    const [a, b] = BEADS[k]!;
    return PRIOR_COST[k]! + lengthCost(sc[i]! - sc[i - a]!, tc[j]! - tc[j - b]!, model);
  });
  for (;;) {
    const step = dp.next();
    if (step.done) return step.value;
  }
}

console.log('\n## Sentence aligner\n');
if (existsSync(path.join(DEV, 'dev.de'))) {
  const de = lines(path.join(DEV, 'dev.de'));
  const fr = lines(path.join(DEV, 'dev.fr'));
  const gold = parseLinks(readFileSync(path.join(DEV, 'dev.defr'), 'utf8'));
  console.log(`Bleualign de-fr dev (${de.length} x ${fr.length} sentences, ${gold.length} gold links):\n`);
  console.log('| aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 | ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, lengthOnly] of [
    ['Gale–Church, length only (baseline)', true],
    ['Diptych (length + anchors + learned word pairs)', false],
  ] as const) {
    const { value, ms } = timed(() => align(de, fr, { lengthOnly, sourceLang: 'de', targetLang: 'fr' }));
    const s = scoreAlignment(value, gold);
    console.log(
      `| ${name} | ${fmt(s.strict.precision)} | ${fmt(s.strict.recall)} | ${fmt(s.strict.f1)} | ${fmt(s.lax.precision)} | ${fmt(s.lax.recall)} | ${fmt(s.lax.f1)} | ${ms.toFixed(0)} |`,
    );
  }
  console.log('| hunalign, no dictionary (published reference, README of the set) |  |  | 0.659 |  |  | 0.877 |  |');
} else {
  console.log(`(Bleualign dev set not found at ${DEV}: quality numbers skipped; see docs/benchmarks.md.)`);
}

const big = syntheticBitext(BIG);
const slice = syntheticBitext({ sentences: 2_300, seed: 12, split: 0.09, merge: 0.01, drop: 0.005, add: 0.005 });
const baseline = timed(() => align(big.src, big.tgt, { lengthOnly: true }));
const ours = timed(() => align(big.src, big.tgt));
const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--memory-child'], { encoding: 'utf8' });
const memory =
  child.status === 0 ? (JSON.parse(child.stdout.trim().split('\n').pop()!) as { beforeMb: number; peakMb: number }) : null;
const quadratic = timed(() => fullMatrixLengthOnly(slice.src, slice.tgt));
const f1Big = scoreAlignment(ours.value, big.gold).strict.f1;
const f1Base = scoreAlignment(baseline.value, big.gold).strict.f1;
console.log(`\nSynthetic bitext, ${big.src.length} x ${big.tgt.length} sentences (splits, merges, omissions; gold known):\n`);
console.log('| aligner | CPU seconds | ratio to baseline | strict F1 |');
console.log('|---|---:|---:|---:|');
console.log(`| Gale–Church, length only, banded (baseline) | ${(baseline.ms / 1000).toFixed(2)} | 1.00 | ${fmt(f1Base)} |`);
console.log(
  `| Diptych, three banded passes | ${(ours.ms / 1000).toFixed(2)} | ${(ours.ms / baseline.ms).toFixed(2)} | ${fmt(f1Big)} |`,
);
console.log(
  `| full n x m DP, length only, on ${slice.src.length} x ${slice.tgt.length} (a tenth per side) | ${(quadratic.ms / 1000).toFixed(2)} | ${(quadratic.ms / baseline.ms).toFixed(2)} | |`,
);
console.log(
  `\nA quadratic aligner (as hunalign is) would take about 100 x ${(quadratic.ms / 1000).toFixed(2)} s = ${((quadratic.ms * 100) / 1000).toFixed(0)} s at full size; ` +
    `Diptych took ${(ours.ms / 1000).toFixed(2)} s (${((ours.ms / (quadratic.ms * 100)) * 100).toFixed(1)} % of that).`,
);
console.log(
  memory
    ? `Memory: a fresh process making this bitext and aligning it peaks at ${memory.peakMb.toFixed(0)} MB resident (${memory.beforeMb.toFixed(0)} MB before aligning: Node, tsx and the texts).`
    : `Memory: the measuring process failed: ${child.stderr}`,
);
