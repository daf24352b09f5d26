import { createImageEmbedder, createOrtGemm } from '../src/models/ort-node.ts';
const dir = 'public/models/mobilenet-v2-1.4-nsfwjs';
const n = 16, x = new Float32Array(n * 224 * 224 * 3);
for (let i = 0; i < x.length; i++) x[i] = (Math.sin(i * 0.37) + 1) / 2;
const res: Record<string, Float32Array> = {};
for (const variant of [undefined, 'fp32']) {
  const t0 = performance.now();
  const e = await createImageEmbedder(dir, { variant });
  const t1 = performance.now();
  await e.embed(x, n);
  const times: number[] = [];
  for (let r = 0; r < 4; r++) { const s = performance.now(); res[variant ?? 'u8'] = await e.embed(x, n); times.push((performance.now() - s) / n); }
  console.log(variant ?? 'uint8', 'load ms', (t1 - t0).toFixed(0), 'ms/image', times.map((t) => t.toFixed(2)).join(' '));
  await e.release();
}
let md = 0; for (let i = 0; i < res.u8.length; i++) md = Math.max(md, Math.abs(res.u8[i] - res.fp32[i]));
console.log('u8 vs fp32 max diff', md);
const gemm = createOrtGemm();
const M = 2048, D = 1792, a = new Float32Array(M * D).map((_, i) => Math.sin(i)), b = new Float32Array(M * D).map((_, i) => Math.cos(i));
await gemm(a, M, b, M, D);
const ts: number[] = [];
for (let r = 0; r < 5; r++) { const s = performance.now(); await gemm(a, M, b, M, D); ts.push(performance.now() - s); }
const best = Math.min(...ts);
console.log('gemm ms', ts.map((t) => t.toFixed(0)).join(' '), 'GFLOP/s best', (2 * M * M * D / best / 1e6).toFixed(1));
