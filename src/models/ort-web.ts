// The browser runtime adapter: the only web module that imports onnxruntime-web.
// One runtime per JS realm (a worker): the backend is chosen once (WebGPU when the browser gives
// a hardware adapter, else WASM with SIMD and threads), sessions are created once and their loading
// promise memoised (dropped on failure so a retry works), and runs on a session go one at a time.
// A software WebGPU adapter (SwiftShader, a fallback adapter) is not used unless asked for: on
// headless Chromium's SwiftShader the image model ran 7-10 s/image against ~30 ms/image on WASM
// threads (test/e2e/webgpu.test.ts). ?backend=webgpu in the page (WorkerConfig.backend) forces it.
import * as wasmOrt from 'onnxruntime-web/wasm';
import gemmModelBytes from 'virtual:gemm-model';
import type { Gemm } from '../core/gemm.ts';
import { normaliseRows } from '../core/normalise.ts';
import type { ImageEmbedder } from '../pipeline/environment.ts';
import { MANIFEST_FILE, parseManifest, variantFile, type ModelManifest } from './manifest.ts';

type Ort = typeof wasmOrt;
type Session = wasmOrt.InferenceSession;

export type Backend = 'webgpu' | 'wasm';

export interface RuntimeOptions {
  /** Absolute URL prefix the ort-wasm-simd-threaded.* files are served from (same origin). */
  wasmPaths: string;
  /** Force a thread count (benchmarks, ?threads=); default: see defaultThreads. */
  threads?: number;
  /** 'auto' (default) tries WebGPU first, on a hardware adapter only; 'webgpu' uses any adapter. */
  backend?: 'auto' | Backend;
}

/** The WebGPU adapter the browser offered, whether or not it is used. */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  /** A CPU emulation (SwiftShader) or the browser's fallback adapter: slower than WASM. */
  software: boolean;
}

export interface RuntimeInfo {
  backend: Backend;
  threads: number;
  crossOriginIsolated: boolean;
  /** null: no WebGPU adapter (or WASM was asked for, so none was requested). */
  adapter: AdapterInfo | null;
}

interface Runtime { ort: Ort; info: RuntimeInfo }

let runtime: Promise<Runtime> | null = null;

interface AdapterInfoLike { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean }
interface AdapterLike { info?: AdapterInfoLike; isFallbackAdapter?: boolean }
interface GpuLike { requestAdapter(): Promise<AdapterLike | null> }

/** Whether an adapter is a software one: the fallback flag (on the adapter in older Chromium,
 * on its info since Chromium 136) or SwiftShader by name. */
export function isSoftwareAdapter(a: AdapterLike): boolean {
  const info = a.info ?? {};
  return a.isFallbackAdapter === true || info.isFallbackAdapter === true ||
    /swiftshader/i.test(`${info.architecture ?? ''} ${info.description ?? ''}`);
}

async function webGpuAdapter(): Promise<AdapterInfo | null> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const a = await gpu.requestAdapter();
    if (!a) return null;
    return { vendor: a.info?.vendor ?? '', architecture: a.info?.architecture ?? '', software: isSoftwareAdapter(a) };
  } catch {
    return null;
  }
}

/** WASM threads: one core is left to the page, at most 4. Inference threads on every core starve
 *  the page. On 2 cores, the app embedding 150 + 150 digits: 2 threads took 12.7-14.3 s, 1 thread
 *  20.3-20.6 s, but the longest main-thread task meanwhile was 145 ms against 37 ms on a quiet
 *  machine, and under other load a 2 ms task waited p95 169 / max 691 ms against 7 / 19 ms
 *  (bench-browser's probe). The bar is no task over 100 ms while embedding. */
export function defaultThreads(): number {
  const isolated = globalThis.crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency || 1;
  return isolated ? Math.max(1, Math.min(cores - 1, 4)) : 1;
}

/** Chooses the backend and configures onnxruntime-web. Call once; later calls get the first result. */
export function initRuntime(opts: RuntimeOptions): Promise<Runtime> {
  if (!runtime) {
    const p = (async (): Promise<Runtime> => {
      const want = opts.backend ?? 'auto';
      const adapter = want === 'wasm' ? null : await webGpuAdapter();
      const gpu = want === 'webgpu' || (want === 'auto' && adapter != null && !adapter.software);
      // The WebGPU build (asyncify wasm) also carries the WASM backend; load only the one in use.
      const ort: Ort = gpu ? ((await import('onnxruntime-web/webgpu')) as unknown as Ort) : wasmOrt;
      const isolated = globalThis.crossOriginIsolated === true;
      const threads = isolated ? Math.max(1, opts.threads ?? defaultThreads()) : 1;
      ort.env.wasm.wasmPaths = opts.wasmPaths;
      ort.env.wasm.numThreads = threads;
      ort.env.wasm.proxy = false;
      ort.env.logLevel = 'error';
      return { ort, info: { backend: gpu ? 'webgpu' : 'wasm', threads, crossOriginIsolated: isolated, adapter } };
    })();
    p.catch(() => { if (runtime === p) runtime = null; });
    runtime = p;
  }
  return runtime;
}

/** Serialises runs on one session. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const sessions = new Map<string, Promise<{ session: Session; queue: Queue }>>();

export function loadSession(key: string, make: () => Promise<Session>): Promise<{ session: Session; queue: Queue }> {
  let p = sessions.get(key);
  if (!p) {
    const q = make().then((session) => ({ session, queue: new Queue() }));
    q.catch(() => { if (sessions.get(key) === q) sessions.delete(key); });
    sessions.set(key, q);
    p = q;
  }
  return p;
}

export async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${what} from ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function loadManifest(modelBaseUrl: string): Promise<ModelManifest> {
  const res = await fetch(new URL(MANIFEST_FILE, modelBaseUrl));
  if (!res.ok) throw new Error(`Could not load the model manifest from ${modelBaseUrl}: HTTP ${res.status}`);
  return parseManifest(await res.json());
}

/** An embedder for the model whose manifest.json and .onnx file sit under `modelBaseUrl` (ends in '/'). */
export async function createWebImageEmbedder(
  modelBaseUrl: string, opts: RuntimeOptions & { variant?: string },
): Promise<ImageEmbedder & { info: RuntimeInfo }> {
  const { ort, info } = await initRuntime(opts);
  const manifest = await loadManifest(modelBaseUrl);
  if (manifest.modality !== 'image') throw new Error(`model ${manifest.id} is not an image model`);
  const url = new URL(variantFile(manifest, opts.variant), modelBaseUrl).href;
  const loaded = loadSession(`${info.backend}:${url}`, async () => {
    const bytes = await fetchBytes(url, `the model ${manifest.id}`);
    return ort.InferenceSession.create(bytes, {
      executionProviders: info.backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
      graphOptimizationLevel: 'all',
    });
  });
  await loaded;
  const { width, height, channels } = manifest.input;
  const dim = manifest.output.dimension;
  return {
    manifest,
    info,
    async embed(batch, n) {
      if (!Number.isInteger(n) || n < 1 || batch.length !== n * width * height * channels) {
        throw new RangeError(`embed: expected ${n}×${height}×${width}×${channels} floats, got ${batch.length}`);
      }
      const { session, queue } = await loaded;
      return queue.run(async () => {
        const input = new ort.Tensor('float32', batch, [n, height, width, channels]);
        const out = await session.run({ [manifest.input.name]: input });
        const t = out[manifest.output.name];
        const y = (await t.getData()) as Float32Array;
        t.dispose?.();
        if (y.length !== n * dim) throw new Error(`model ${manifest.id}: output has ${y.length} values, expected ${n * dim}`);
        return normaliseRows(y, n, dim);
      });
    },
  };
}

/** a·bᵀ by a tiny ONNX Gemm (transB = 1) on the CPU backend: the kNN kernel. */
export function createWebGemm(opts: RuntimeOptions): Gemm {
  return async (a, aRows, b, bRows, dim) => {
    if (a.length !== aRows * dim || b.length !== bRows * dim) {
      throw new RangeError(`gemm: a ${a.length} ≠ ${aRows}×${dim} or b ${b.length} ≠ ${bRows}×${dim}`);
    }
    const { ort } = await initRuntime(opts);
    const { session, queue } = await loadSession('gemm', () =>
      ort.InferenceSession.create(gemmModelBytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
    return queue.run(async () => {
      const out = await session.run({
        a: new ort.Tensor('float32', a, [aRows, dim]),
        b: new ort.Tensor('float32', b, [bRows, dim]),
      });
      return out.y.data as Float32Array;
    });
  };
}
