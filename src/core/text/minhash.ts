// MinHash over character 5-gram shingles with LSH banding (docs/metrics.md §2, text): candidate pairs come
// from identical bands, and each candidate is confirmed by the exact Jaccard of the two shingle
// sets; Jaccard ≥ 0.8 makes a near-duplicate edge. Texts are compared after light normalisation
// (NFKC, lower case, runs of whitespace → one space, trimmed), so case and spacing changes do not
// hide a copy. With 20 bands × 5 rows a pair at Jaccard 0.8 becomes a candidate with p ≈ 0.9996.
import { fnv1a, mix32 } from './hash.ts';

export interface MinHashOptions {
  shingle?: number;
  bands?: number;
  rows?: number;
  threshold?: number;
  /** Largest LSH bucket compared in full; bigger buckets compare each member with the next 64. */
  maxBucketPairs?: number;
  seed?: number;
}
export const MINHASH_DEFAULTS = { shingle: 5, bands: 20, rows: 5, threshold: 0.8, seed: 0x5eed } as const;

export interface MinHashPair { a: number; b: number; jaccard: number }

export function normaliseForShingles(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Sorted unique 32-bit shingle hashes; a text shorter than the shingle size is one shingle. */
export function shingleSet(text: string, k: number = MINHASH_DEFAULTS.shingle): Uint32Array {
  const s = normaliseForShingles(text);
  if (s.length === 0) return new Uint32Array(0);
  if (s.length <= k) return Uint32Array.of(fnv1a(s));
  const h = new Uint32Array(s.length - k + 1);
  for (let i = 0; i + k <= s.length; i++) h[i] = fnv1a(s, i, i + k);
  h.sort();
  let u = 0;
  for (let i = 0; i < h.length; i++) if (i === 0 || h[i] !== h[i - 1]) h[u++] = h[i];
  return h.slice(0, u);
}

export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
}

export function minhashSignatures(sets: readonly Uint32Array[], count: number, seed: number): Uint32Array {
  const sig = new Uint32Array(sets.length * count).fill(0xffffffff);
  const seeds = Uint32Array.from({ length: count }, (_, i) => mix32(i + 1, seed));
  sets.forEach((s, r) => {
    const base = r * count;
    for (let t = 0; t < s.length; t++)
      for (let p = 0; p < count; p++) {
        const v = mix32(s[t], seeds[p]);
        if (v < sig[base + p]) sig[base + p] = v;
      }
  });
  return sig;
}

/** Near-duplicate pairs (a < b) with Jaccard ≥ threshold, deterministic order. */
export function minhashPairs(texts: readonly string[], opts: MinHashOptions = {}): MinHashPair[] {
  const o: Required<MinHashOptions> = { ...MINHASH_DEFAULTS, maxBucketPairs: 64, ...opts };
  const sets = texts.map((t) => shingleSet(t, o.shingle));
  const count = o.bands * o.rows;
  const sig = minhashSignatures(sets, count, o.seed);
  const seen = new Set<number>();
  const pairs: MinHashPair[] = [];
  const n = texts.length;
  const check = (a: number, b: number) => {
    const key = a * n + b;
    if (seen.has(key)) return;
    seen.add(key);
    if (sets[a].length === 0 || sets[b].length === 0) return;
    const j = jaccardSorted(sets[a], sets[b]);
    if (j >= o.threshold) pairs.push({ a, b, jaccard: j });
  };
  for (let band = 0; band < o.bands; band++) {
    const buckets = new Map<string, number[]>();
    for (let r = 0; r < n; r++) {
      if (sets[r].length === 0) continue;
      const off = r * count + band * o.rows;
      let key = '';
      for (let k = 0; k < o.rows; k++) key += `${sig[off + k].toString(36)},`;
      const b = buckets.get(key);
      if (b) b.push(r); else buckets.set(key, [r]);
    }
    for (const members of buckets.values()) {
      if (members.length < 2) continue;
      const full = members.length * (members.length - 1) / 2 <= o.maxBucketPairs * members.length;
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length && (full || y <= x + o.maxBucketPairs); y++) check(members[x], members[y]);
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
