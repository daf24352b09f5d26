// The text measurements, the same code in Node (bench-text.ts) and in Chromium (bench-text-page.ts):
// tokenizer throughput, texts/s embedded (short one-liners and ~128-token texts, after a warm-up),
// and MinHash near-duplicate search on a corpus built from the jokes. The machine may be shared:
// tokenizer and embedding figures are the best of a few rounds after a warm-up.
import { minhashPairs } from '../src/core/text/minhash.ts';
import { longTexts, minhashCorpus, shortTexts } from './bench-text-corpus.ts';

export interface TextEmbedderUnderTest {
  tokenizer: { encode(s: string): ArrayLike<number> };
  embed(texts: readonly string[]): Promise<Float32Array>;
}

export interface TextFigures {
  tokenizer: { textsPerSec: number; tokensPerSec: number };
  embed: { short: number; long: number };
  minhash: { n: number; seconds: number; pairs: number; planted: number } | null;
}

const rate = (n: number, ms: number) => (n / ms) * 1000;

export async function measureText(e: TextEmbedderUnderTest, jokes: readonly string[], opts: { minhash: number }): Promise<TextFigures> {
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
  let minhash: TextFigures['minhash'] = null;
  if (opts.minhash > 0) {
    const { texts, planted } = minhashCorpus(jokes, opts.minhash);
    const t = performance.now();
    const pairs = minhashPairs(texts);
    minhash = { n: opts.minhash, seconds: (performance.now() - t) / 1000, pairs: pairs.length, planted };
  }
  return { tokenizer: { textsPerSec: rate(jokes.length, tokMs), tokensPerSec: rate(tokens, tokMs) }, embed, minhash };
}
