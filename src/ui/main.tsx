import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { backendParam } from './runtime-params.ts';
import { ScoreBridge } from './worker-bridge.ts';
import './styles.css';

// Benchmark hook for `npm run bench` and the e2e tests: embedding images/s in a fresh worker, with
// the default image model or the built-in `modelId` (scripts/bench-models.ts).
(window as unknown as { synthscoreBench: unknown }).synthscoreBench = async (threads: number, n = 16, rounds = 3, backend = backendParam(), modelId = 'mobilenet-v2-1.4-nsfwjs') => {
  const bridge = new ScoreBridge({ baseUrl: new URL(import.meta.env.BASE_URL, location.origin).href, modelId, threads, backend });
  try {
    const r = await bridge.benchEmbed(n, rounds);
    return { info: r.info, loadMs: r.loadMs, msPerImage: r.msPerImage, imagesPerSecond: r.imagesPerSecond };
  } finally {
    bridge.dispose();
  }
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
