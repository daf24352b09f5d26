// What this browser gives the engine (backend, threads, model), as the worker reports it once the
// model has loaded, or why it could not load.
import { useEffect, useState } from 'react';
import type { Capabilities, ScoreBridge } from '../worker-bridge.ts';

export function useCapabilities(bridge: ScoreBridge): { caps: Capabilities | null; error: string | null } {
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // AbortError: the bridge was closed (the page, or StrictMode's rehearsal, unmounted it).
    bridge.capabilities().then(setCaps, (e: Error) => { if (e.name !== 'AbortError') setError(e.message); });
  }, [bridge]);
  return { caps, error };
}
