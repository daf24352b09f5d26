// The page's one bridge to the scoring worker, closed when the page goes.
import { useEffect, useMemo } from 'react';
import { backendParam, threadsParam } from '../runtime-params.ts';
import { ScoreBridge } from '../worker-bridge.ts';

export const MODEL_ID = 'mobilenet-v2-1.4-nsfwjs';

export function useBridge(): ScoreBridge {
  const bridge = useMemo(() => new ScoreBridge({
    baseUrl: new URL(import.meta.env.BASE_URL, location.origin).href, modelId: MODEL_ID, backend: backendParam(), threads: threadsParam(),
  }), []);
  useEffect(() => () => bridge.dispose(), [bridge]);
  return bridge;
}
