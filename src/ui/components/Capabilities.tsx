import type { Capabilities as Caps } from '../worker-bridge.ts';

/** Backend, threads, isolation and model id: what this browser gives the engine. */
export function Capabilities({ caps, error }: { caps: Caps | null; error: string | null }) {
  const isolated = globalThis.crossOriginIsolated === true;
  if (error) return <p className="caps error" data-testid="capabilities">Model could not load: {error}</p>;
  if (!caps) return <p className="caps" data-testid="capabilities">Loading the model… · cross-origin isolated: {isolated ? 'yes' : 'no'}</p>;
  return (
    <p className="caps" data-testid="capabilities" data-backend={caps.backend} data-threads={caps.threads}
      data-adapter={caps.adapter ? `${caps.adapter.architecture || caps.adapter.vendor}${caps.adapter.software ? ' (software)' : ''}` : undefined}>
      backend {caps.backend === 'webgpu' ? 'WebGPU' : 'WASM'}{adapterNote(caps)} · {caps.threads} thread{caps.threads === 1 ? '' : 's'}{coresNote(caps)} ·
      cross-origin isolated: {caps.crossOriginIsolated ? 'yes' : 'no'} · model {caps.modelId}
    </p>
  );
}

/** A software WebGPU adapter (SwiftShader) is far slower than WASM: say when it is used, or passed over. */
function adapterNote({ backend, adapter }: Caps): string {
  if (!adapter?.software) return '';
  const name = adapter.architecture || adapter.vendor || 'unknown';
  return backend === 'webgpu' ? ` (software adapter: ${name})` : ` (WebGPU adapter ${name} is software: not used)`;
}

/** The default leaves a core to the page (src/models/ort-web.ts defaultThreads); ?threads= overrides. */
function coresNote({ backend, threads, crossOriginIsolated }: Caps): string {
  const cores = globalThis.navigator?.hardwareConcurrency || 1;
  const most = Math.min(cores, 4);
  return backend === 'wasm' && crossOriginIsolated && threads < most
    ? ` of ${cores} cores (one is left to keep this page responsive; ?threads=${most} uses more)` : '';
}
