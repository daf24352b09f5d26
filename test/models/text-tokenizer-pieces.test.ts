// The tokenizer reads a text in pieces cut before spaces: a long text gets the same ids as in one
// pass (the TF.js loader's Tokenizer is the reference), and a caller that wants only the head of a
// huge text gets it without the tokenizer walking (and allocating for) the whole text.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createTextTokenizer, MAX_PIECE_UNITS, PIECE_UNITS, pieceEnd } from '../../src/models/text-tokenizer.ts';
import { chunkTokens, MAX_CHUNKS_PER_TEXT } from '../../src/models/text-chunks.ts';
import { jokes, useVocab, variedTexts } from './text-samples.ts';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('@tensorflow-models/universal-sentence-encoder') as {
  Tokenizer: new (v: unknown) => { encode(s: string): number[] };
};

/** About `units` UTF-16 units of jokes, edge cases and odd spacing, so piece cuts land next to all of them. */
function longMixed(units: number, seed = 0): string {
  const parts = [...variedTexts(), ...jokes()];
  const out: string[] = [];
  let n = 0;
  for (let i = seed; n < units; i += 7) {
    const s = parts[i % parts.length] + ['  ', ' ', '\n', ' \u00a0 ', '   '][i % 5];
    out.push(s);
    n += s.length;
  }
  return out.join('');
}

describe('text tokenizer in pieces', () => {
  const vocab = useVocab();
  const tok = createTextTokenizer(vocab);
  const ref = new Tokenizer(vocab);

  it('gives a long text the same ids as one pass over it, unknown runs and NFKC included', () => {
    const texts = [
      longMixed(3 * PIECE_UNITS),
      longMixed(5 * PIECE_UNITS, 3),
      // A run of unknown units that reaches across a cut still collapses into one id.
      `${'x '.repeat(PIECE_UNITS / 2 - 3)}東京は日本の首都です 東京は日本の首都です ${'y '.repeat(PIECE_UNITS)}`,
      `${'ﬁ '.repeat(PIECE_UNITS)}½ ½`,
    ];
    for (const t of texts) {
      expect(t.length).toBeGreaterThan(PIECE_UNITS);
      expect(tok.encode(t)).toEqual(ref.encode(t));
    }
  });

  it('cuts a run with no space at most MAX_PIECE_UNITS long, never inside a surrogate pair', () => {
    // Unit MAX_PIECE_UNITS is the low half of an emoji.
    const t = `xx${'a😀'.repeat(MAX_PIECE_UNITS)}`;
    expect(t.charCodeAt(MAX_PIECE_UNITS)).toBe(0xde00);
    const end = pieceEnd(t, 0);
    expect(end).toBeGreaterThan(MAX_PIECE_UNITS - 64);
    expect(end).toBeLessThan(MAX_PIECE_UNITS);
    expect(t.charCodeAt(end)).not.toBe(0xde00);
    const head = tok.encodeHead(t, 1000);
    expect(head.truncated).toBe(true);
    expect(head.ids).toEqual(ref.encode(t.slice(0, 4000)).slice(0, 1000));
  });

  it('reads the head of a 2 MB text: its first ids are those of the text, and the chunk cap holds', () => {
    const big = longMixed(2_000_000);
    const cap = 128 * MAX_CHUNKS_PER_TEXT;
    const t0 = performance.now();
    const head = tok.encodeHead(big, cap);
    const ms = performance.now() - t0;
    expect(head.truncated).toBe(true);
    expect(head.ids).toHaveLength(cap);
    // A prefix surely longer than the head (cut at a space) starts with the same ids; the TF.js
    // reference is quadratic in length, so it checks the first thousand.
    const prefix = big.slice(0, big.indexOf(' ', 8 * cap));
    expect(head.ids).toEqual(tok.encode(prefix).slice(0, cap));
    expect(head.ids.slice(0, 1000)).toEqual(ref.encode(big.slice(0, big.indexOf(' ', 8000))).slice(0, 1000));
    const chunks = chunkTokens([head.ids], 128);
    expect(chunks).toHaveLength(MAX_CHUNKS_PER_TEXT);
    // Reading the whole 2 MB (what the one-pass tokenizer did) takes seconds and about 1 GB.
    expect(ms).toBeLessThan(1500);
    const short = tok.encodeHead('Hello world', cap);
    expect(short).toEqual({ ids: [341, 4125, 311], truncated: false });
  });
});
