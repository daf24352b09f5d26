// The text measurements, the same code in Node (bench-text.ts) and in Chromium (bench-text-page in
// bench-browser-text.ts): tokenizer throughput, texts/s embedded (short one-liners and ~128-token
// texts, after a warm-up), and the text copy signal (docs/copy-signal-text.md) on a corpus built
// from the jokes. The machine may be shared: tokenizer and embedding figures are the best of a few
// rounds after a warm-up.
import { copyGraph } from '../src/core/copy-signal.ts';
import type { Gemm } from '../src/core/gemm.ts';
import { edgesBelow } from '../src/core/refine-graph.ts';
import { TEXT_COPY_DEFAULT, textCopySignal } from '../src/core/text/copy-signal.ts';
import { copySignalCorpus, longTexts, shortTexts } from './bench-text-corpus.ts';

export interface TextEmbedderUnderTest {
  tokenizer: { encode(s: string): ArrayLike<number> };
  embed(texts: readonly string[]): Promise<Float32Array>;
}

export interface CopySignalFigures {
  n: number;
  seconds: number;
  /** Pairs below TEXT_COPY_DEFAULT, planted or not. */
  pairs: number;
  /** Planted copies whose (copy, source) pair is among them. */
  plantedFound: number;
  planted: number;
}

export interface TextFigures {
  tokenizer: { textsPerSec: number; tokensPerSec: number };
  embed: { short: number; long: number };
  copySignal: CopySignalFigures | null;
}

/** Neighbours per text, as the pipeline's copy graph uses. */
const COPY_K = 10;

const rate = (n: number, ms: number) => (n / ms) * 1000;

/**
 * The copy signal as the pipeline runs it, without calibration: shingle vectors, cosine kNN
 * (quadratic in n, by the given gemm), exact Jaccard re-ranking, then the pairs below the
 * uncalibrated default threshold (TEXT_COPY_DEFAULT, Jaccard ≥ 0.8).
 */
export async function measureCopySignal(jokes: readonly string[], n: number, gemm: Gemm): Promise<CopySignalFigures> {
  const { texts, planted } = copySignalCorpus(jokes, n);
  const t = performance.now();
  const graph = await copyGraph(textCopySignal(texts), n, COPY_K, { gemm });
  const edges = edgesBelow(graph, TEXT_COPY_DEFAULT);
  const seconds = (performance.now() - t) / 1000;
  const found = new Set(edges.map((e) => e.a * n + e.b));
  const plantedFound = planted.filter((p) => found.has(Math.min(p.copy, p.source) * n + Math.max(p.copy, p.source))).length;
  return { n, seconds, pairs: edges.length, plantedFound, planted: planted.length };
}

export function formatCopySignal(c: CopySignalFigures): string {
  return `copy signal on ${c.n} texts: ${c.seconds.toFixed(1)} s, ${c.pairs} pairs found below Jaccard distance ${TEXT_COPY_DEFAULT}, ${c.plantedFound} of ${c.planted} planted`;
}

export async function measureText(e: TextEmbedderUnderTest, jokes: readonly string[], opts: { copySignal?: { n: number; gemm: Gemm } }): Promise<TextFigures> {
  let tokens = 0;
  for (const s of jokes) tokens += e.tokenizer.encode(s).length; // warm-up, and the token count
  let tokMs = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (const s of jokes) e.tokenizer.encode(s);
    tokMs = Math.min(tokMs, performance.now() - t0);
  }
  const embed = { short: 0, long: 0 };
  for (const [key, texts] of [['short', shortTexts(jokes)], ['long', longTexts(jokes)]] as const) {
    await e.embed(texts.slice(0, 32)); // warm-up
    for (let round = 0; round < 2; round++) {
      const t = performance.now();
      await e.embed(texts);
      embed[key] = Math.max(embed[key], rate(texts.length, performance.now() - t));
    }
  }
  const copySignal = opts.copySignal && opts.copySignal.n > 0 ? await measureCopySignal(jokes, opts.copySignal.n, opts.copySignal.gemm) : null;
  return { tokenizer: { textsPerSec: rate(jokes.length, tokMs), tokensPerSec: rate(tokens, tokMs) }, embed, copySignal };
}
