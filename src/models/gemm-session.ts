// a·bᵀ by a tiny in-memory ONNX Gemm graph (transB = 1): the kNN kernel that the environments
// inject, written once over the runtime interface. One session per runtime, shared by every GEMM
// made on it, runs one at a time; on the CPU and on the caller's thread (the caller waits for it).
import type { Gemm } from '../core/gemm.ts';
import { memoiseAsync } from '../core/memoise.ts';
import type { Runtime } from './runtime.ts';
import { sharedModels } from './shared-models.ts';

const gemmSessions = sharedModels(
  ({ runtime, model }: { runtime: Runtime; model: Uint8Array }) => runtime.createSession(model, 'the GEMM graph'),
  ({ runtime }) => runtime.key,
  (session) => session.release(),
);

/** `model`: the bytes of gemmTransBModel() (onnx-build.ts); `runtime` is asked for at the first product. */
export function createGemm(runtime: () => Runtime | Promise<Runtime>, model: Uint8Array): Gemm {
  const acquire = memoiseAsync(async () => gemmSessions({ runtime: await runtime(), model }));
  return async (a, aRows, b, bRows, dim) => {
    if (a.length !== aRows * dim || b.length !== bRows * dim) {
      throw new RangeError(`gemm: a ${a.length} ≠ ${aRows}×${dim} or b ${b.length} ≠ ${bRows}×${dim}`);
    }
    const shared = await acquire();
    return shared.run(() => shared.value.run({
      a: { type: 'float32', data: a, dims: [aRows, dim] },
      b: { type: 'float32', data: b, dims: [bRows, dim] },
    }, 'y'));
  };
}
