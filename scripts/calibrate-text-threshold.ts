// Calibrates the text model's near-duplicate threshold (cosine distance) on real text nobody here
// wrote (npm one-liner-joke): known near-copies (small edits, whitespace and case changes,
// punctuation changes, sentence reorder) against each text's nearest distinct neighbour, with the
// same rule a run uses on its own real set (src/core/calibrate.ts: at most 1% of real texts within
// it of a distinct one). The result is the default for real sets too small to calibrate.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { calibrateSignal } from '../src/core/calibrate.ts';
import { knnCosine } from '../src/core/knn.ts';
import { createRng, type Rng } from '../src/core/random.ts';
import { createOrtGemm, createTextEmbedder } from '../src/models/ort-node.ts';
import { TEXT_OUT_DIR } from './build-text-model.ts';

const require = createRequire(import.meta.url);
const corpus = [...new Set((require('one-liner-joke/jokes.json') as { body: string }[]).map((j) => j.body.trim()))];

const pick = (rng: Rng, n: number) => Math.floor(rng.next() * n);
export const NEAR_COPIES: Record<string, (s: string, rng: Rng) => string | null> = {
  typo: (s, rng) => {
    let t = s;
    for (let e = 0; e < 2; e++) {
      const i = pick(rng, t.length);
      const op = pick(rng, 3);
      t = op === 0 ? t.slice(0, i) + t.slice(i + 1) : op === 1 ? t.slice(0, i) + t[i] + t.slice(i) : t.slice(0, i) + 'e' + t.slice(i + 1);
    }
    return t;
  },
  whitespace: (s) => `  ${s.replace(/ /g, (m, i: number) => (i % 3 === 0 ? '  ' : m))}\n`,
  case: (s, rng) => (rng.next() < 0.5 ? s.toLowerCase() : s.toUpperCase()),
  punctuation: (s) => s.replace(/[,;:]/g, '').replace(/[.!?]$/, '') + '!',
  reorder: (s) => {
    const parts = s.match(/[^.!?]+[.!?]+(\s+|$)/g);
    if (!parts || parts.length < 2) return null;
    return [...parts.slice(1), parts[0]].map((p) => p.trim()).join(' ');
  },
};

async function main(): Promise<void> {
  const rng = createRng(7);
  const emb = await createTextEmbedder(TEXT_OUT_DIR);
  const gemm = createOrtGemm();
  const X = await emb.embed(corpus);
  const graph = await knnCosine(X.slice(), corpus.length, 512, 1, { gemm });
  const distinct = Array.from({ length: corpus.length }, (_, i) => graph.distances[i]);
  const sample = Array.from({ length: 400 }, () => pick(rng, corpus.length));
  const copies: { kind: string; distance: number }[] = [];
  for (const [kind, make] of Object.entries(NEAR_COPIES)) {
    const pairs = sample.map((i) => [i, make(corpus[i], rng)] as const).filter((p): p is readonly [number, string] => p[1] !== null && p[1] !== corpus[p[0]]);
    const Y = await emb.embed(pairs.map((p) => p[1]));
    pairs.forEach(([i], r) => {
      let d = 0;
      for (let k = 0; k < 512; k++) d += X[i * 512 + k] * Y[r * 512 + k];
      copies.push({ kind, distance: Math.max(0, 1 - d) });
    });
  }
  const s = calibrateSignal(distinct, copies, { sampled: sample.length });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const path = join(TEXT_OUT_DIR, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  m.nearDuplicateThreshold = {
    value: round(s.threshold),
    calibration: {
      script: 'scripts/calibrate-text-threshold.ts',
      data: `one-liner-joke npm package: ${corpus.length} distinct jokes; 400 sampled for near-copies`,
      nearCopies: Object.keys(NEAR_COPIES),
      rule: 'the largest threshold at which at most 1% of texts are within it of a distinct text',
      copiesCaught: round(s.catchRate),
      distinctFlagged: round(s.falsePairRate),
      caughtByKind: Object.fromEntries(Object.entries(s.caughtByKind).map(([k, v]) => [k, round(v)])),
      copyDistance: Object.fromEntries(Object.entries(s.copies).map(([k, v]) => [k, k === 'n' ? v : round(v)])),
      nearestDistinctDistance: Object.fromEntries(Object.entries(s.null).map(([k, v]) => [k, k === 'n' ? v : round(v)])),
    },
  };
  writeFileSync(path, `${JSON.stringify(m, null, 2)}\n`);
  console.log(JSON.stringify(m.nearDuplicateThreshold, null, 2));
  await emb.release();
}

main();
