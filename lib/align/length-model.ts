/**
 * Gale & Church (1993): the length of a translation in characters is
 * roughly proportional to the source's, with a variance that grows with the
 * length. A bead of source length l1 and target length l2 costs
 * -log P(type) - log P(|delta|), delta = (l2 - c l1) / sqrt(l s2).
 */

/** Bead types the dynamic programme knows: [source sentences, target sentences]. */
export const BEADS = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [1, 3],
  [3, 1],
] as const;

/**
 * Gale & Church's priors (from their hand-aligned corpus); 1:3 and 3:1,
 * which they did not model, as rare as 2:2.
 */
const PRIORS = [0.89, 0.0099 / 2, 0.0099 / 2, 0.089 / 2, 0.089 / 2, 0.011, 0.011 / 2, 0.011 / 2];
export const PRIOR_COST = PRIORS.map((p) => -Math.log(p));

export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of the target length per source character (Gale & Church: 6.8). */
  variance: number;
}

export const GALE_CHURCH_VARIANCE = 6.8;

/** -log of the two-sided normal tail 2(1 - Phi(|z|)), accurate far into the tail (Numerical Recipes' erfc). */
export function tailCost(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const logErfc =
    Math.log(t) -
    x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -Math.min(0, logErfc);
}

/** Cost of lengths l1 → l2 under the model (the prior is added by the caller). */
export function lengthCost(l1: number, l2: number, model: LengthModel): number {
  // The mean of both lengths in source units, so that 0:1 beads are defined too.
  const l = Math.max(1, (l1 + l2 / model.ratio) / 2);
  return tailCost((l2 - l1 * model.ratio) / Math.sqrt(l * model.variance));
}
