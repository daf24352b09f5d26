// `?backend=webgpu` (or `wasm`, `auto`) in the page's URL forces the embedding backend, e.g. WebGPU on
// a software adapter that 'auto' passes over (tests, benchmarks). Absent or unknown: 'auto'.
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

export function backendParam(search = globalThis.location?.search ?? ''): BackendChoice | undefined {
  const b = new URLSearchParams(search).get('backend');
  return b === 'auto' || b === 'webgpu' || b === 'wasm' ? b : undefined;
}
