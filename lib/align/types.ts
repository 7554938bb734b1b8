/**
 * The automatic aligner's data: sentences in, links out. A link groups
 * consecutive sentences of both sides (0-based indexes, increasing); an
 * empty side is an omission (1:0 or 0:1). Links cover every sentence of
 * both sides exactly once, in order.
 */

export interface Link {
  src: number[];
  tgt: number[];
}

/** One sentence to align; `turn` (when both sides give one) is a hard anchor: links never cross turns. */
export interface AlignSentence {
  text: string;
  turn?: number;
}

export interface AlignOptions {
  /** BCP 47 tags, for sentence splitting and case rules; optional. */
  sourceLang?: string;
  targetLang?: string;
  /** Called with a fraction in [0, 1] as the work advances. */
  onProgress?: (fraction: number) => void;
  /** Length only (the Gale–Church baseline): no anchors, no learned word pairs. */
  lengthOnly?: boolean;
}

/** A link with the aligner's own confidence: its cost minus what length alone predicts (lower is surer). */
export interface ScoredLink extends Link {
  cost: number;
}
