// The text pipeline end to end on real text nobody here wrote (npm one-liner-joke, 2,633 jokes),
// with constructed synthetic sets whose effect is known: fresh real text ≈ 0.5/0/0, near-copies
// raise unoriginal, repeats raise unvaried, a stylistic tic raises unrealistic; and the detector's
// embedding + character n-gram combination beats either alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/report/schema.ts';
import { analyseText } from '../../src/core/text/analyse-text.ts';
import { scoreText } from '../../src/pipeline/text/score-text.ts';
import { createNodeTextEnv } from '../../src/cli/node-text-env.ts';
import { jokes, quotes } from '../models/text-samples.ts';
import { validateReport } from '../../src/core/report-parse.ts';

const J = jokes(), Q = quotes();
let dir: string;
let env: Awaited<ReturnType<typeof createNodeTextEnv>>;
let report: Report;
const tic = (s: string) => s.replace(/\. /g, '.  ').replace(/[.!?]?$/, ' !!');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthscore-text-scores-'));
  const jsonl = (f: string, xs: string[]) => writeFileSync(join(dir, f), xs.map((t) => JSON.stringify({ text: t })).join('\n'));
  // Rows interleaved across the file so the sets do not differ by position in the corpus.
  const every = (start: number, step: number, n: number) => Array.from({ length: n }, (_, i) => J[start + i * step]);
  jsonl('real.jsonl', every(0, 8, 300));
  jsonl('fresh.jsonl', every(4, 8, 200));
  jsonl('copies.jsonl', every(0, 8, 200).map((s, i) => (i % 2 ? s.toLowerCase() : s.replace(/ /g, '  '))));
  jsonl('repeats.jsonl', Array.from({ length: 200 }, (_, i) => J[2 + (i % 20) * 8] + (i % 3 ? '' : ' ')));
  jsonl('tic.jsonl', every(6, 8, 200).map(tic));
  env = await createNodeTextEnv();
  report = await scoreText({
    real: join(dir, 'real.jsonl'),
    synthetic: ['fresh', 'copies', 'repeats', 'tic'].map((n) => ({ name: n, path: join(dir, `${n}.jsonl`) })),
    threshold: { kind: 'manifest' }, bootstrap: 200,
  }, env);
});
afterAll(async () => { await env?.release(); rmSync(dir, { recursive: true, force: true }); });

const exp = (name: string) => report.experiments.find((e) => e.name === name)!;

describe('scoreText on real jokes with constructed synthetic sets', () => {
  it('is a text report with text extras', () => {
    expect(report.modality).toBe('text');
    expect(report.model.id).toBe('use-lite-512');
    expect(exp('fresh').text!.texts.length).toBe(500);
    expect(exp('fresh').rows[300].path).toBe('fresh.jsonl#L1');
    // Saved and opened again, it passes the shape check every opened report goes through.
    expect(validateReport(JSON.parse(JSON.stringify(report))).experiments).toHaveLength(4);
  });

  it('fresh real text ≈ 0.5 / 0.5 / 0 / 0', () => {
    const s = exp('fresh').scores;
    expect(Math.abs(s.unrealistic.value - 0.5)).toBeLessThan(0.08);
    expect(Math.abs(s.unrepresentative.value - 0.5)).toBeLessThan(0.08);
    expect(s.unvaried.value).toBeLessThan(0.03);
    expect(s.unoriginal.value).toBeLessThan(0.03);
  });

  it('near-copies (case and whitespace changes) raise unoriginal, joined by the copy signal with reasons kept', () => {
    const e = exp('copies');
    expect(e.scores.unoriginal.value).toBeGreaterThan(0.95);
    expect(e.scores.unvaried.value).toBe(0);
    expect(e.reasonCounts!.copy + e.reasonCounts!['embedding+copy']).toBeGreaterThan(150);
  });

  it('repeats raise unvaried (exact and whitespace-only repeats)', () => {
    const e = exp('repeats');
    expect(e.scores.unvaried.value).toBeGreaterThan(0.95);
    expect(e.scores.unoriginal.value).toBeLessThan(0.05);
    expect(e.reasonCounts!.exact).toBeGreaterThan(100);
  });

  it("a stylistic tic raises unrealistic, and '!!' tops the over-used phrases", () => {
    const e = exp('tic');
    expect(e.scores.unrealistic.value).toBeGreaterThan(0.85);
    expect(e.auc.value).toBeGreaterThan(0.95);
    expect(e.scores.unvaried.value + e.scores.unoriginal.value).toBeLessThan(0.05);
    expect(e.text!.findings.overused[0].phrase).toBe('!!');
  });

  it('embedding + character n-grams detect better than either alone (topic shift + stylistic tic)', async () => {
    // Synthetic: half off-topic (quotes, not jokes), half on-topic jokes with a tic.
    const real = Array.from({ length: 300 }, (_, i) => J[1 + i * 8]);
    const synth = [...Array.from({ length: 150 }, (_, i) => tic(J[3 + i * 8])), ...Q.slice(0, 150)];
    const texts = [...real, ...synth];
    const E = await env.embedder.embed(texts);
    const auc: Record<string, number> = {};
    for (const features of ['embedding', 'ngrams', 'both'] as const) {
      const r = await analyseText({
        embeddings: E.slice(), n: texts.length, dim: 512, texts, hashes: texts,
        isSynthetic: Uint8Array.from(texts, (_, i) => (i >= real.length ? 1 : 0)),
        tau: 0.15, features, gemm: env.gemm, bootstrap: 50,
      });
      auc[features] = r.auc.value;
    }
    console.log('detector AUC by features', auc);
    expect(auc.both).toBeGreaterThan(auc.embedding);
    expect(auc.both).toBeGreaterThan(auc.ngrams);
  });
});
