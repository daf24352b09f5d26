// Character shingles for the text copy signal (copy-signal.ts, docs/copy-signal-text.md): texts are
// compared after light normalisation (NFKC, lower case, runs of whitespace → one space, trimmed),
// so case and spacing changes do not hide a copy, and each text becomes a sorted set of hashed
// k-character shingles whose exact Jaccard is the copy distance's basis.
import { fnv1a } from './hash.ts';

export function normaliseForShingles(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Sorted unique 32-bit hashes of the k-character shingles; a text of k characters or fewer is one shingle. */
export function shingleSet(text: string, k: number): Uint32Array {
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

/** Jaccard of two sorted unique sets; two empty sets are identical (1). */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
}
