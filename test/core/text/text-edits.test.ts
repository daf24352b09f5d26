import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.ts';
import { normaliseForShingles } from '../../../src/core/text/shingles.ts';
import { CHAR_EDIT_RATE, editText, splitSentences, TEXT_EDIT_KINDS } from '../../../src/core/text/text-edits.ts';

const require = createRequire(import.meta.url);
const jokes = (require('one-liner-joke/jokes.json') as { body: string }[]).map((j) => j.body.trim());
const quotes = (require('inspirational-quotes/data/data.json') as { text: string }[]).map((q) => q.text.trim());

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

const threeSentences = 'The cat sat down. Then it slept! Nobody knew why?';

describe('editText', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    for (const kind of TEXT_EDIT_KINDS) {
      const a = jokes.slice(0, 50).map((t) => editText(t, kind, createRng(5)));
      const b = jokes.slice(0, 50).map((t) => editText(t, kind, createRng(5)));
      const c = jokes.slice(0, 50).map((t) => editText(t, kind, createRng(6)));
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
    }
  });

  it('chars: about 2% of the characters change, at least one, on jokes and quotes', () => {
    const rng = createRng(1);
    for (const text of [...jokes.slice(0, 100), ...quotes.slice(0, 100), 'a', '']) {
      const edited = editText(text, 'chars', rng);
      const d = levenshtein(text, edited);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(Math.max(1, Math.round(CHAR_EDIT_RATE * text.length)));
    }
  });

  it('chars never splits an emoji into a lone surrogate', () => {
    const rng = createRng(2);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (let r = 0; r < 200; r++) expect(editText('😀😀😀 ok 🎉🎉', 'chars', rng)).not.toMatch(lone);
  });

  it('spacing-case changes the raw text but not the text once case and spacing are normalised', () => {
    const rng = createRng(3);
    for (const text of [...jokes.slice(0, 100), ...quotes.slice(0, 100)]) {
      const edited = editText(text, 'spacing-case', rng);
      expect(edited).not.toBe(text);
      expect(normaliseForShingles(edited)).toBe(normaliseForShingles(text));
    }
  });

  it('sentence-drop removes exactly one sentence and keeps the others in order', () => {
    const rng = createRng(4);
    for (let r = 0; r < 20; r++) {
      const kept = splitSentences(editText(threeSentences, 'sentence-drop', rng));
      const all = splitSentences(threeSentences);
      expect(kept).toHaveLength(2);
      expect(all.filter((s) => kept.includes(s))).toEqual(kept);
    }
  });

  it('sentence-swap keeps every sentence but changes their order', () => {
    const rng = createRng(5);
    for (let r = 0; r < 20; r++) {
      const swapped = splitSentences(editText(threeSentences, 'sentence-swap', rng));
      expect(swapped).not.toEqual(splitSentences(threeSentences));
      expect([...swapped].sort()).toEqual([...splitSentences(threeSentences)].sort());
    }
  });

  it('too few sentences to drop or swap: falls back to a few character edits', () => {
    const rng = createRng(6);
    const one = 'A single sentence without any end';
    for (const kind of ['sentence-drop', 'sentence-swap'] as const) {
      const edited = editText(one, kind, rng);
      expect(levenshtein(one, edited)).toBeGreaterThanOrEqual(1);
      expect(levenshtein(one, edited)).toBeLessThanOrEqual(1);
    }
    expect(levenshtein('One. Two.', editText('One. Two.', 'sentence-drop', rng))).toBe(1);
  });
});
