// Runtime overrides in the page's URL (tests, benchmarks, and users who choose speed over a
// responsive page): `?backend=webgpu|wasm|auto` forces the embedding backend, e.g. WebGPU on a
// software adapter that 'auto' passes over; `?threads=N` sets the WASM thread count (by default one
// core is left to the page, see defaultThreads in src/models/ort-web.ts). Absent or invalid: default.
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

const params = (search: string) => new URLSearchParams(search);

export function backendParam(search = globalThis.location?.search ?? ''): BackendChoice | undefined {
  const b = params(search).get('backend');
  return b === 'auto' || b === 'webgpu' || b === 'wasm' ? b : undefined;
}

export function threadsParam(search = globalThis.location?.search ?? ''): number | undefined {
  const t = Number(params(search).get('threads') ?? NaN);
  return Number.isInteger(t) && t >= 1 && t <= 64 ? t : undefined;
}
