// Hashed character n-gram features: style, punctuation, spacing and formatting, which sentence
// embeddings mostly ignore and which often give generated text away. Case and whitespace are kept
// on purpose. Each text → 2^bits counts of its 1…4-grams (FNV-1a, mod 2^bits), tf-log (1 + ln tf),
// then L2-normalised.
import { fnv1a } from './hash.ts';

export interface NgramOptions {
  minN?: number;
  maxN?: number;
  bits?: number;
  /** Only the first maxChars characters of a text are used (default 5,000). */
  maxChars?: number;
}

export const NGRAM_DEFAULTS = { minN: 1, maxN: 4, bits: 12, maxChars: 5000 } as const;

export function hashedCharNgrams(texts: readonly string[], opts: NgramOptions = {}): { features: Float32Array; dim: number } {
  const { minN, maxN, bits, maxChars } = { ...NGRAM_DEFAULTS, ...opts };
  const dim = 1 << bits, mask = dim - 1;
  const features = new Float32Array(texts.length * dim);
  const counts = new Float64Array(dim);
  texts.forEach((raw, r) => {
    const s = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
    counts.fill(0);
    for (let n = minN; n <= maxN; n++)
      // The n-gram size is mixed into the hash so 'a' and 'aa…' buckets stay apart.
      for (let i = 0; i + n <= s.length; i++) counts[(fnv1a(s, i, i + n) ^ Math.imul(n, 0x9e3779b1)) & mask]++;
    let ss = 0;
    for (let k = 0; k < dim; k++) if (counts[k] > 0) { counts[k] = 1 + Math.log(counts[k]); ss += counts[k] ** 2; }
    const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let k = 0; k < dim; k++) if (counts[k] > 0) features[r * dim + k] = counts[k] * inv;
  });
  return { features, dim };
}

/** Row-wise concatenation of feature blocks, each block's rows L2-normalised and scaled by its weight. */
export function concatBlocks(blocks: { x: Float32Array; dim: number; weight?: number }[], n: number): { features: Float32Array; dim: number } {
  const dim = blocks.reduce((a, b) => a + b.dim, 0);
  const out = new Float32Array(n * dim);
  for (let r = 0; r < n; r++) {
    let off = r * dim;
    for (const b of blocks) {
      let ss = 0;
      for (let k = 0; k < b.dim; k++) ss += b.x[r * b.dim + k] ** 2;
      const s = (b.weight ?? 1) * (ss > 0 ? 1 / Math.sqrt(ss) : 0);
      for (let k = 0; k < b.dim; k++) out[off + k] = b.x[r * b.dim + k] * s;
      off += b.dim;
    }
  }
  return { features: out, dim };
}
