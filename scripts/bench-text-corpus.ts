// The texts the text benchmarks (Node and Chromium) measure on, built from the one-liner-joke
// corpus: short texts (single jokes), long texts (~128 tokens: six jokes run together) and the
// copy-signal corpus (three random jokes per text, 1% light edits of another text).
import { createRng } from '../src/core/random.ts';

export const JOKES_FILE = 'node_modules/one-liner-joke/jokes.json';

export function shortTexts(jokes: readonly string[], n = 1024): string[] {
  return jokes.slice(0, n);
}

export function longTexts(jokes: readonly string[], n = 256): string[] {
  return Array.from({ length: n }, (_, k) => Array.from({ length: 6 }, (_, j) => jokes[(k * 7 + j * 13) % jokes.length]).join(' '));
}

/** `n` texts, the last 1% case/whitespace copies of earlier ones (the planted near-duplicates, copy → source). */
export function copySignalCorpus(jokes: readonly string[], n: number): { texts: string[]; planted: { copy: number; source: number }[] } {
  const rng = createRng(1);
  // Three random jokes per text: distinct texts that still share phrases, as a real corpus does.
  const texts = Array.from({ length: n }, () => [0, 1, 2].map(() => jokes[rng.int(jokes.length)]).join(' '));
  const planted = Array.from({ length: Math.round(n / 100) }, (_, k) => ({ copy: n - 1 - k, source: 0 }));
  for (const p of planted) {
    p.source = rng.int(n - planted.length);
    texts[p.copy] = texts[p.source].replace(/\s+/g, '  ').toUpperCase();
  }
  return { texts, planted };
}
