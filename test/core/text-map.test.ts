// The 2-D map of a text run (UMAP of the text embeddings, as for images): on real jokes with a
// synthetic set of fresh jokes and light copies of real ones, the map holds both sides, each copy
// lands beside the joke it copies, and a point budget gives a stratified subsample.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeTextEnv } from '../../src/cli/node-text-env.ts';
import type { Report } from '../../src/report/schema.ts';
import { scoreText } from '../../src/pipeline/text/score-text.ts';
import { jokes } from '../models/text-samples.ts';

const J = jokes();
let dir: string;
let env: Awaited<ReturnType<typeof createNodeTextEnv>>;
const run = (maxPoints: number): Promise<Report> => scoreText({
  real: join(dir, 'real.jsonl'), synthetic: [{ name: 'gen', path: join(dir, 'gen.jsonl') }],
  threshold: { kind: 'manifest' }, bootstrap: 50, map: { maxPoints },
}, env);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthscore-text-map-'));
  const jsonl = (f: string, xs: string[]) => writeFileSync(join(dir, f), xs.map((t) => JSON.stringify({ text: t })).join('\n'));
  const real = J.slice(0, 300);
  // 100 fresh jokes, then 100 lower-cased copies of real jokes 0, 3, 6, …
  jsonl('real.jsonl', real);
  jsonl('gen.jsonl', [...J.slice(1000, 1100), ...Array.from({ length: 100 }, (_, i) => real[3 * i].toLowerCase())]);
  env = await createNodeTextEnv();
});
afterAll(async () => { await env?.release(); rmSync(dir, { recursive: true, force: true }); });

it('maps every text, real and synthetic, and puts each copy beside its source', async () => {
  const ex = (await run(5000)).experiments[0];
  const map = ex.map!;
  expect(map.method).toBe('umap');
  expect(map.rows.length).toBe(500);
  expect(map.total).toBe(500);
  expect(map.xy.every((v) => v >= 0 && v <= 1)).toBe(true);
  const at = new Map(map.rows.map((r, i) => [r, [map.xy[2 * i], map.xy[2 * i + 1]]]));
  const dist = (a: number, b: number) => Math.hypot(at.get(a)![0] - at.get(b)![0], at.get(a)![1] - at.get(b)![1]);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Rows: real 0..299, fresh 300..399, copies 400..499 (copy 400 + i of real 3i).
  const copyToSource = median(Array.from({ length: 100 }, (_, i) => dist(400 + i, 3 * i)));
  const freshToReal = median(Array.from({ length: 100 }, (_, i) => dist(300 + i, 3 * i)));
  expect(copyToSource).toBeLessThan(0.25 * freshToReal);
}, 180_000);

it('keeps to the point budget with both sides in proportion', async () => {
  const map = (await run(100)).experiments[0].map!;
  expect(map.rows.length).toBe(100);
  expect(map.total).toBe(500);
  const synthetic = map.rows.filter((r) => r >= 300).length;
  expect(synthetic).toBeGreaterThanOrEqual(30);
  expect(synthetic).toBeLessThanOrEqual(50);
}, 180_000);
