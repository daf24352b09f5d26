// A damaged vector cache (NaN or all-zero vectors on disk) used to be trusted: NaN failed every
// later run with "non-finite value at row 0", zeros scored silently wrong. Now a damaged vector is
// a miss: the run embeds exactly those texts again, scores as a clean run does, and says so.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { readTextSet } from '../../src/ingest/node-text.ts';
import type { TextModelManifest } from '../../src/models/manifest.ts';
import { scoreText } from '../../src/pipeline/text/score-text.ts';
import type { TextPipelineEnv } from '../../src/pipeline/text/embed-texts.ts';
import { textHash } from '../../src/pipeline/content-hash.ts';
import { openDiskCache } from '../../src/storage/disk-cache.ts';
import { jokes } from '../models/text-samples.ts';

const DIM = 16;
const manifest = {
  id: 'fake-text', version: '1', output: { name: 'y', dimension: DIM }, nearDuplicateThreshold: { value: 0.05, calibration: null },
} as unknown as TextModelManifest;

/** A stand-in model: a unit vector drawn from the text's characters; it records what it embeds. */
function fakeEmbedder(seen: string[]): TextPipelineEnv['embedder'] {
  return {
    manifest,
    embed: async (texts) => {
      seen.push(...texts);
      const out = new Float32Array(texts.length * DIM);
      texts.forEach((t, r) => {
        for (let c = 0; c < t.length; c++) out[r * DIM + ((c * 7 + t.charCodeAt(c)) % DIM)] += 1;
        let n = 0;
        for (let k = 0; k < DIM; k++) n += out[r * DIM + k] ** 2;
        for (let k = 0; k < DIM; k++) out[r * DIM + k] /= Math.sqrt(n);
      });
      return out;
    },
  };
}

/** Overwrites the stored vector of `key` in the cache file (record: key 32 B | pixel hash 32 B | floats). */
function damage(dir: string, key: string, value: number): void {
  const file = join(dir, readdirSync(dir)[0]);
  const buf = readFileSync(file);
  const record = 64 + DIM * 4;
  for (let off = 0; off < buf.length; off += record) {
    if (buf.toString('hex', off, off + 32) !== key) continue;
    for (let k = 0; k < DIM; k++) buf.writeFloatLE(value, off + 64 + k * 4);
    writeFileSync(file, buf);
    return;
  }
  throw new Error(`no record for ${key}`);
}

describe('a damaged vector cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'synthscore-damaged-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const J = jokes();
  for (const [side, from] of [['real', 0], ['synth', 500]] as const) {
    mkdirSync(join(root, side));
    for (let i = 0; i < 30; i++) writeFileSync(join(root, side, `t${String(i).padStart(2, '0')}.txt`), J[from + i * 3]);
  }
  const cacheDir = join(root, 'cache');
  const req = { real: join(root, 'real'), synthetic: [{ name: 'synth', path: join(root, 'synth') }], threshold: { kind: 'manifest' as const }, bootstrap: 50 };

  async function run() {
    const seen: string[] = [];
    const cache = await openDiskCache(cacheDir, manifest.id, DIM);
    const warnings: string[] = [];
    try {
      const report = await scoreText(req, { readTextSet, embedder: fakeEmbedder(seen), gemm: jsGemm, cache }, { onWarning: (w) => warnings.push(w) });
      return { report, seen, warnings };
    } finally {
      await cache.close();
    }
  }

  it('re-embeds exactly the NaN and the all-zero vector, scores as a clean run, and says how many', async () => {
    const clean = await run();
    expect(clean.seen).toHaveLength(60);
    // 30 real texts: too few for the real-vs-real reference, which says so; nothing else.
    const cacheWarnings = (ws: readonly string[] | undefined) => (ws ?? []).filter((w) => !w.startsWith('The real-vs-real reference'));
    expect(cacheWarnings(clean.report.warnings)).toEqual([]);

    const nanText = J[3 * 4], zeroText = J[500 + 3 * 7];
    damage(cacheDir, await textHash(nanText), NaN);
    damage(cacheDir, await textHash(zeroText), 0);

    const again = await run();
    expect(again.seen.sort()).toEqual([nanText, zeroText].sort());
    const message = '2 cached vectors were damaged and were embedded again.';
    expect(cacheWarnings(again.report.warnings)).toEqual([message]);
    expect(cacheWarnings(again.warnings)).toEqual([message]);
    const scores = (r: typeof clean.report) => r.experiments.map((e) => ({ scores: e.scores, auc: e.auc, counts: e.counts }));
    expect(scores(again.report)).toEqual(scores(clean.report));
  });
});
