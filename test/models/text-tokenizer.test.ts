// The TypeScript SentencePiece tokenizer against the examples in docs/models.md and against the TF.js
// loader's own Tokenizer (@tensorflow-models/universal-sentence-encoder) on varied strings.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createTextTokenizer, normaliseForPieces } from '../../src/models/text-tokenizer.ts';
import { jokes, useVocab, variedTexts } from './text-samples.ts';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('@tensorflow-models/universal-sentence-encoder') as {
  Tokenizer: new (v: unknown) => { encode(s: string): number[] };
};

describe('text tokenizer (USE lite SentencePiece)', () => {
  const vocab = useVocab();
  const tok = createTextTokenizer(vocab);

  it('matches the examples in docs/models.md', () => {
    expect(tok.encode('Hello world')).toEqual([341, 4125, 311]);
    expect(tok.encode('  x')).toEqual([30, 30, 649]);
    expect(tok.encode('')).toEqual([]);
  });

  it('normalises with NFKC and marks words with ▁', () => {
    expect(normaliseForPieces('ﬁne  day')).toBe('▁fine▁▁day');
    expect(normaliseForPieces('')).toBe('');
  });

  it('collapses runs of unknown units into one unk and counts null scores as 0', () => {
    const ids = tok.encode('東京は日本の首都です');
    expect(ids).toEqual([30, 0]);
    // ':' has a null score; ':30' a positive one: both must not throw or produce NaN paths.
    expect(tok.encode(':30').every((t) => Number.isInteger(t))).toBe(true);
  });

  it('agrees with the TF.js Tokenizer on ≥ 200 varied strings and on every corpus joke', () => {
    const ref = new Tokenizer(vocab);
    const texts = [...variedTexts(), ...jokes()];
    expect(texts.length).toBeGreaterThan(2000);
    const diffs = texts.filter((s) => JSON.stringify(tok.encode(s)) !== JSON.stringify(ref.encode(s)));
    expect(diffs).toEqual([]);
  });
});
