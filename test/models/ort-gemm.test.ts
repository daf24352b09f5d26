// The in-memory ONNX Gemm that the kNN stage injects: a·bᵀ, row-major, any sizes.
import { describe, expect, it } from 'vitest';
import { createOrtGemm } from '../../src/models/ort-node.ts';

function naive(a: Float32Array, m: number, b: Float32Array, n: number, k: number): Float64Array {
  const y = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += a[i * k + t] * b[j * k + t];
    y[i * n + j] = s;
  }
  return y;
}

describe('createOrtGemm', () => {
  const gemm = createOrtGemm({ threads: 1 });

  it.each([[1, 1, 1], [3, 5, 7], [17, 2, 64], [33, 40, 1792]])('computes a·bᵀ for %i×%i (dim %i)', async (m, n, k) => {
    const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i * 1.3));
    const b = Float32Array.from({ length: n * k }, (_, i) => Math.cos(i * 0.7));
    const y = await gemm(a, m, b, n, k);
    const want = naive(a, m, b, n, k);
    expect(y.length).toBe(m * n);
    for (let i = 0; i < y.length; i++) expect(y[i]).toBeCloseTo(want[i], 3);
  });

  it('rejects sizes that do not match the arrays', async () => {
    await expect(gemm(new Float32Array(6), 2, new Float32Array(6), 3, 3)).rejects.toThrow(RangeError);
  });
});
