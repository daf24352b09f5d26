// The browser runtime adapter: the only web module that imports onnxruntime-web. It implements the
// runtime interface (runtime.ts) over model files fetched from the site; the embedders and the
// GEMM on top are the same as on Node. One runtime per JS realm (a worker): the backend is chosen
// once (WebGPU when the browser gives a hardware adapter, else WASM with SIMD and threads), and the
// first caller's options configure it. A software WebGPU adapter (SwiftShader, a fallback adapter)
// is not used unless asked for: on headless Chromium's SwiftShader the image model ran 7-10 s/image
// against ~30 ms/image on WASM threads (test/e2e/webgpu.test.ts). ?backend=webgpu in the page
// (WorkerConfig.backend) forces it. Only sessions that ask for the GPU (the image model) use it.
import * as wasmOrt from 'onnxruntime-web/wasm';
import gemmModelBytes from 'virtual:gemm-model';
import type { Gemm } from '../core/gemm.ts';
import { memoiseAsync } from '../core/memoise.ts';
import { createGemm } from './gemm-session.ts';
import { openImageEmbedder, trialImageModel, type ImageEmbedder } from './image-embedder.ts';
import type { ModelManifest } from './manifest.ts';
import type { InlineModelRef, Runtime, Session } from './runtime.ts';
import { openTextEmbedder, type TextEmbedder } from './text-embedder.ts';

type Ort = typeof wasmOrt;

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

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${what} from ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function webSessions(ort: Ort, info: RuntimeInfo): Runtime['createSession'] {
  return async (model, what, opts = {}) => {
    const bytes = typeof model === 'string' ? await fetchBytes(model, what) : model;
    const session = await ort.InferenceSession.create(bytes, {
      executionProviders: opts.gpu && info.backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
      graphOptimizationLevel: 'all',
    });
    const s: Session = {
      async run(feeds, output) {
        const tensors = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data, t.dims)]));
        const t = (await session.run(tensors))[output];
        const y = (await t.getData()) as Float32Array; // from the GPU when it lives there
        t.dispose?.();
        return y;
      },
      release: () => session.release(),
      inputNames: session.inputNames,
      outputNames: session.outputNames,
    };
    return s;
  };
}

/** Chooses the backend and configures onnxruntime-web, once: later calls get the first result. */
export const webRuntime = memoiseAsync(async (opts: RuntimeOptions): Promise<Runtime & { info: RuntimeInfo }> => {
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
  const info: RuntimeInfo = { backend: gpu ? 'webgpu' : 'wasm', threads, crossOriginIsolated: isolated, adapter };
  return {
    info,
    key: info.backend,
    locate: (folder, name) => new URL(name, folder).href,
    readJson: async (url, what) => JSON.parse(new TextDecoder().decode(await fetchBytes(url, what))),
    createSession: webSessions(ort, info),
  };
}, () => 'this realm');

/** A model given as its manifest and .onnx bytes (a user's model from the page's store). */
export type InlineModel = Omit<InlineModelRef<ModelManifest>, 'runtime'>;

/** The image model whose manifest.json and .onnx file sit under `model` (a URL ending in '/'), or
 *  one given inline. */
export async function createWebImageEmbedder(model: string | InlineModel, opts: RuntimeOptions & { variant?: string }): Promise<ImageEmbedder & { info: RuntimeInfo }> {
  const runtime = await webRuntime(opts);
  const ref = typeof model === 'string' ? { runtime, folder: model, variant: opts.variant } : { runtime, ...model };
  return { ...(await openImageEmbedder(ref)), info: runtime.info };
}

/** Loads a model from its bytes, runs one blank image through it and closes it: the app's form
 *  checks a user's model this way before keeping it. The measured dimension is returned whatever
 *  the manifest says (the form fills it in from here). */
export async function tryWebImageModel(manifest: ModelManifest, bytes: Uint8Array, opts: RuntimeOptions): Promise<{ dimension: number; ms: number }> {
  const runtime = await webRuntime(opts);
  const session = await runtime.createSession(bytes, `the model ${manifest.id}`, { gpu: true });
  try {
    return await trialImageModel(session, manifest);
  } finally {
    await session.release();
  }
}

export type WebTextEmbedder = TextEmbedder & { info: RuntimeInfo };

/** The text model under `modelBaseUrl` (ends in '/'): manifest.json, vocab.json, model.onnx. */
export async function createWebTextEmbedder(modelBaseUrl: string, opts: RuntimeOptions): Promise<WebTextEmbedder> {
  const runtime = await webRuntime(opts);
  return { ...(await openTextEmbedder({ runtime, folder: modelBaseUrl })), info: runtime.info };
}

/** a·bᵀ by a tiny ONNX Gemm (transB = 1) on the CPU backend: the kNN kernel. */
export function createWebGemm(opts: RuntimeOptions): Gemm {
  return createGemm(() => webRuntime(opts), gemmModelBytes);
}
