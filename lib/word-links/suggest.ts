/**
 * Word-link suggestions learned from the document's own aligned rows: IBM
 * Model 1 with a diagonal prior (the reparameterisation of fast_align: a
 * word is likelier to translate a word at the same relative position),
 * trained by a few EM iterations in both directions, decoded by
 * intersecting the two directions and growing along the diagonal
 * (grow-diag). Numbers and names anchor links outright, with the keys the
 * sentence aligner uses (lib/align/features.ts: digits, transliterated
 * consonant skeletons). Accepted links feed back as extra training pairs,
 * so every link an editor confirms sharpens the next suggestions. Pure.
 */
import { skeleton } from '@/lib/align/features';
import type { AlignmentRow, AlignmentState } from '@/lib/alignment/types';
import { tokenize } from './tokens';
import type { TokenRef, WordLink } from './types';

export interface SideText {
  segmentKey: string;
  text: string;
  lang: string;
}

export interface RowText {
  rowKey: string;
  source: SideText[];
  target: SideText[];
}

interface Word {
  ref: TokenRef;
  norm: string;
  id: number;
}

export interface SuggestOptions {
  /** EM iterations per direction. */
  iterations?: number;
  /** How strongly the prior favours the diagonal (fast_align's λ). */
  tension?: number;
  /** Share of probability kept for "translates nothing". */
  nullShare?: number;
}

/** Times an accepted link counts as a training pair: a confirmed pair outweighs a guess from a whole sentence. */
const ACCEPTED_WEIGHT = 5;
const MIN_ANCHOR_LETTERS = 4;
const CONFIRMED_WIDTH = 1 << 24;

class Vocabulary {
  readonly ids = new Map<string, number>();
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size + 1; // 0 is NULL
      this.ids.set(word, id);
    }
    return id;
  }
}

function words(side: readonly SideText[], vocabulary: Vocabulary): Word[] {
  return side.flatMap((s) =>
    tokenize(s.text, s.lang).map((t) => {
      const norm = t.text.toLocaleLowerCase(s.lang);
      return { ref: { segmentKey: s.segmentKey, start: t.start, end: t.end }, norm, id: vocabulary.id(norm) };
    }),
  );
}

/** t(f | e) for one direction (f words given e words, e = 0 the NULL word), over the pairs seen together. */
interface Table {
  get(e: number, f: number): number;
}

/**
 * EM for IBM Model 1 with the diagonal prior. The (e, f) cells of every
 * training pair are numbered once, so each iteration is plain array
 * arithmetic over typed arrays.
 */
function trainDirection(
  pairs: readonly { e: Int32Array; f: Int32Array; weight: number }[],
  eSize: number,
  fSize: number,
  options: Required<SuggestOptions>,
): Table {
  const width = fSize + 1;
  const cellOf = new Map<number, number>();
  const eOfCell: number[] = [];
  const cell = (e: number, f: number) => {
    const k = e * width + f;
    let c = cellOf.get(k);
    if (c === undefined) {
      c = eOfCell.length;
      cellOf.set(k, c);
      eOfCell.push(e);
    }
    return c;
  };
  // Per pair, for each f position j: the NULL cell, then the cell of each e position.
  const cells = pairs.map(({ e, f }) => {
    const out = new Int32Array(f.length * (e.length + 1));
    for (let j = 0; j < f.length; j++) {
      out[j * (e.length + 1)] = cell(0, f[j]!);
      for (let i = 0; i < e.length; i++) out[j * (e.length + 1) + 1 + i] = cell(e[i]!, f[j]!);
    }
    return out;
  });
  const priors = new Map<number, Float64Array>();
  const priorOf = (m: number, n: number) => {
    const k = m * 100_003 + n;
    let prior = priors.get(k);
    if (!prior) priors.set(k, (prior = diagonalPrior(m, n, options)));
    return prior;
  };
  const uniform = 1 / width;
  const t = new Float64Array(eOfCell.length).fill(uniform);
  const counts = new Float64Array(eOfCell.length);
  const totals = new Float64Array(eSize + 1);
  const posterior = new Float64Array(1 + Math.max(0, ...pairs.map((p) => p.e.length)));
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    pairs.forEach(({ e, f, weight }, p) => {
      const m = e.length;
      const prior = priorOf(m, f.length);
      const own = cells[p]!;
      for (let j = 0; j < f.length; j++) {
        const base = j * (m + 1);
        posterior[0] = t[own[base]!]! * options.nullShare;
        let denom = posterior[0];
        for (let i = 0; i < m; i++) {
          posterior[1 + i] = t[own[base + 1 + i]!]! * prior[j * m + i]!;
          denom += posterior[1 + i]!;
        }
        if (denom <= 0) continue;
        const scale = weight / denom;
        for (let i = 0; i <= m; i++) {
          const c = own[base + i]!;
          const add = posterior[i]! * scale;
          counts[c] = counts[c]! + add;
          const ei = eOfCell[c]!;
          totals[ei] = totals[ei]! + add;
        }
      }
    });
    for (let c = 0; c < t.length; c++) t[c] = counts[c]! / totals[eOfCell[c]!]!;
  }
  return {
    get(e, f) {
      const c = cellOf.get(e * width + f);
      return c === undefined ? uniform * 1e-3 : t[c]!;
    },
  };
}

/** p(i | j) for i in e (length m), j in f (length n), without the NULL share; row j at j*m. */
function diagonalPrior(m: number, n: number, options: Required<SuggestOptions>): Float64Array {
  const prior = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    let z = 0;
    for (let i = 0; i < m; i++) {
      const w = Math.exp(-options.tension * Math.abs((i + 0.5) / m - (j + 0.5) / n));
      prior[j * m + i] = w;
      z += w;
    }
    for (let i = 0; i < m; i++) prior[j * m + i] = ((1 - options.nullShare) * prior[j * m + i]!) / z;
  }
  return prior;
}

/** Best e position for each f position (-1: NULL wins). */
function viterbi(table: Table, e: Int32Array, f: Int32Array, options: Required<SuggestOptions>): Int32Array {
  const m = e.length;
  const prior = diagonalPrior(m, f.length, options);
  const best = new Int32Array(f.length).fill(-1);
  for (let j = 0; j < f.length; j++) {
    let top = table.get(0, f[j]!) * options.nullShare;
    for (let i = 0; i < m; i++) {
      const p = table.get(e[i]!, f[j]!) * prior[j * m + i]!;
      if (p > top) {
        top = p;
        best[j] = i;
      }
    }
  }
  return best;
}

function anchorKey(norm: string): string | null {
  if (/^\p{Nd}+$/u.test(norm)) return `#${norm}`;
  if (norm.length < MIN_ANCHOR_LETTERS) return null;
  const key = skeleton(norm);
  return key ? `~${key}` : null;
}

export interface Suggester {
  /** Suggested links for one row (status 'suggested', createdBy 0: the caller fills in who asked). */
  suggest(row: RowText, accepted?: readonly WordLink[]): Omit<WordLink, 'key'>[];
}

/**
 * Trains on `rows` (the document's aligned rows, or those around the
 * passage) and `accepted` links, and returns a suggester for any row.
 */
export function trainSuggester(rows: readonly RowText[], accepted: readonly WordLink[] = [], options: SuggestOptions = {}): Suggester {
  const opts: Required<SuggestOptions> = { iterations: 5, tension: 4, nullShare: 0.08, ...options };
  const sv = new Vocabulary();
  const tv = new Vocabulary();
  const training: { s: Int32Array; t: Int32Array; weight: number }[] = [];
  // Each row's words, tokenized once: accepted links pick theirs from here.
  const wordsOf = new Map<string, { s: Word[]; t: Word[] }>();
  for (const row of rows) {
    const s = words(row.source, sv);
    const t = words(row.target, tv);
    wordsOf.set(row.rowKey, { s, t });
    if (s.length && t.length) training.push({ s: Int32Array.from(s, (w) => w.id), t: Int32Array.from(t, (w) => w.id), weight: 1 });
  }
  // Accepted links as training pairs of their own words, and their word pairs as anchors.
  const confirmed = new Set<number>();
  for (const link of accepted) {
    const row = wordsOf.get(link.rowKey);
    if (!row) continue;
    const pick = (all: readonly Word[], refs: readonly TokenRef[]) =>
      Int32Array.from(
        refs.flatMap((r) => all.filter((w) => w.ref.segmentKey === r.segmentKey && w.ref.start === r.start).map((w) => w.id)),
      );
    const s = pick(row.s, link.sourceTokens);
    const t = pick(row.t, link.targetTokens);
    if (s.length && t.length) training.push({ s, t, weight: ACCEPTED_WEIGHT });
    for (const a of s) for (const b of t) confirmed.add(a * CONFIRMED_WIDTH + b);
  }
  const tSize = tv.ids.size;
  const sSize = sv.ids.size;
  const targetGivenSource = trainDirection(
    training.map((p) => ({ e: p.s, f: p.t, weight: p.weight })),
    sSize,
    tSize,
    opts,
  );
  const sourceGivenTarget = trainDirection(
    training.map((p) => ({ e: p.t, f: p.s, weight: p.weight })),
    tSize,
    sSize,
    opts,
  );

  return {
    suggest(row, acceptedInRow = []) {
      const s = words(row.source, sv);
      const t = words(row.target, tv);
      if (!s.length || !t.length) return [];
      const taken = new Set(
        acceptedInRow.flatMap((l) => [...l.sourceTokens, ...l.targetTokens]).map((r) => `${r.segmentKey}:${r.start}`),
      );
      const free = (w: Word) => !taken.has(`${w.ref.segmentKey}:${w.ref.start}`);
      const sIds = Int32Array.from(s, (w) => w.id);
      const tIds = Int32Array.from(t, (w) => w.id);
      const forward = viterbi(targetGivenSource, sIds, tIds, opts); // per target j: source i
      const backward = viterbi(sourceGivenTarget, tIds, sIds, opts); // per source i: target j
      const aligned = new Set<string>();
      const sUsed = new Set<number>();
      const tUsed = new Set<number>();
      const add = (i: number, j: number) => {
        aligned.add(`${i},${j}`);
        sUsed.add(i);
        tUsed.add(j);
      };
      // Anchors first: the same number, or a name with the same skeleton, once on each side.
      const anchors = new Map<string, { s: number[]; t: number[] }>();
      s.forEach((w, i) => {
        const k = anchorKey(w.norm);
        if (k) (anchors.get(k) ?? anchors.set(k, { s: [], t: [] }).get(k)!).s.push(i);
      });
      t.forEach((w, j) => {
        const k = anchorKey(w.norm);
        if (k && anchors.has(k)) anchors.get(k)!.t.push(j);
      });
      for (const { s: si, t: tj } of anchors.values()) if (si.length === 1 && tj.length === 1) add(si[0]!, tj[0]!);
      // Word pairs an editor accepted elsewhere in the document, where the row has one candidate on each side.
      s.forEach((w, i) => {
        if (sUsed.has(i)) return;
        const js = t.flatMap((v, j) => (!tUsed.has(j) && confirmed.has(w.id * CONFIRMED_WIDTH + v.id) ? [j] : []));
        if (js.length === 1) add(i, js[0]!);
      });
      // Anchored words are settled: growing does not attach more words to them.
      const locked = { s: new Set(sUsed), t: new Set(tUsed) };
      // The intersection of both directions, then grow along the diagonal from the union.
      forward.forEach((i, j) => {
        if (i >= 0 && backward[i] === j && !sUsed.has(i) && !tUsed.has(j)) add(i, j);
      });
      const union: [number, number][] = [];
      forward.forEach((i, j) => i >= 0 && union.push([i, j]));
      backward.forEach((j, i) => j >= 0 && union.push([i, j]));
      let grew = true;
      while (grew) {
        grew = false;
        for (const [i, j] of union) {
          if (aligned.has(`${i},${j}`) || (sUsed.has(i) && tUsed.has(j)) || locked.s.has(i) || locked.t.has(j)) continue;
          const neighbour = [
            [-1, 0],
            [1, 0],
            [0, -1],
            [0, 1],
            [-1, -1],
            [1, 1],
            [-1, 1],
            [1, -1],
          ].some(([di, dj]) => aligned.has(`${i + di!},${j + dj!}`));
          if (neighbour) {
            add(i, j);
            grew = true;
          }
        }
      }
      // Connected pairs become one link (M:N); a link touching an accepted word is not suggested.
      const parent = new Map<string, string>();
      const find = (x: string): string => {
        const p = parent.get(x) ?? x;
        if (p === x) return x;
        const root = find(p);
        parent.set(x, root);
        return root;
      };
      for (const pair of aligned) {
        const [i, j] = pair.split(',').map(Number) as [number, number];
        parent.set(find(`s${i}`), find(`t${j}`));
      }
      const groups = new Map<string, { s: Set<number>; t: Set<number> }>();
      for (const pair of aligned) {
        const [i, j] = pair.split(',').map(Number) as [number, number];
        const root = find(`s${i}`);
        const g = groups.get(root) ?? groups.set(root, { s: new Set(), t: new Set() }).get(root)!;
        g.s.add(i);
        g.t.add(j);
      }
      const out: Omit<WordLink, 'key'>[] = [];
      for (const g of groups.values()) {
        const sw = [...g.s].sort((a, b) => a - b).map((i) => s[i]!);
        const tw = [...g.t].sort((a, b) => a - b).map((j) => t[j]!);
        if (!sw.every(free) || !tw.every(free)) continue;
        out.push({
          rowKey: row.rowKey,
          sourceTokens: sw.map((w) => w.ref),
          targetTokens: tw.map((w) => w.ref),
          status: 'suggested',
          createdBy: 0,
        });
      }
      return out.sort((a, b) => a.sourceTokens[0]!.start - b.sourceTokens[0]!.start);
    },
  };
}

/** A row's text for the model: source columns against translation columns, placeholders left out. */
export function rowTextOf(row: AlignmentRow, state: AlignmentState): RowText {
  const side = (role: 'source' | 'translation') =>
    state.witnesses
      .filter((w) => w.role === role)
      .flatMap((w) =>
        (row.members[w.id] ?? []).flatMap((key) => {
          const seg = state.segments[key];
          return seg && !seg.isPlaceholder ? [{ segmentKey: key, text: seg.text, lang: w.lang }] : [];
        }),
      );
  return { rowKey: row.key, source: side('source'), target: side('translation') };
}
