// Embedding throughput in the browser (used by the scoring worker's benchEmbed and `npm run bench`).
import { createWebImageEmbedder, type RuntimeInfo, type RuntimeOptions } from './ort-web.ts';

export interface BenchResult {
  info: RuntimeInfo;
  /** Session creation (fetch + compile), ms. */
  loadMs: number;
  /** Per round: ms per image. */
  msPerImage: number[];
  imagesPerSecond: number;
  vectors: Float32Array;
}

export async function benchEmbed(
  c: { baseUrl: string; modelId: string; threads?: number; backend?: RuntimeOptions['backend'] }, n: number, rounds: number,
): Promise<BenchResult> {
  const t0 = performance.now();
  const e = await createWebImageEmbedder(new URL(`models/${c.modelId}/`, c.baseUrl).href, {
    wasmPaths: new URL('ort/', c.baseUrl).href, threads: c.threads, backend: c.backend,
  });
  const loadMs = performance.now() - t0;
  const { width, height } = e.manifest.input;
  const x = new Float32Array(n * width * height * 3);
  for (let i = 0; i < x.length; i++) x[i] = (Math.sin(i * 0.37) + 1) / 2;
  let vectors = await e.embed(x, n); // warm-up
  const msPerImage: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const s = performance.now();
    vectors = await e.embed(x, n);
    msPerImage.push((performance.now() - s) / n);
  }
  const best = Math.min(...msPerImage);
  return { info: e.info, loadMs, msPerImage, imagesPerSecond: 1000 / best, vectors };
}
