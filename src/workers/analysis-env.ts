// The scoring worker's environment with its failure modes named for the user:
// - a model that does not load becomes a ModelLoadError that says so (not a bare fetch message);
// - storage that is full (QuotaExceededError on an IndexedDB write) turns caching off for the
//   rest of the run instead of failing it; the caller is told once, and the report says so.
import { createBrowserEnv, runtimeOptions, type BrowserEnv, type BrowserEnvOptions, type FileSets } from '../pipeline/browser-env.ts';
import { createWebImageEmbedder } from '../models/ort-web.ts';
import { quotaGuard } from './analysis-quota.ts';

export { STORAGE_FULL_WARNING } from './analysis-quota.ts';

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

export async function openAnalysisEnv(
  sets: FileSets, opts: BrowserEnvOptions, onStorageFull: () => void = () => {},
): Promise<BrowserEnv> {
  try {
    // Memoised: createBrowserEnv below reuses the loaded session.
    await createWebImageEmbedder(new URL(`models/${opts.modelId}/`, opts.baseUrl).href, runtimeOptions(opts));
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') throw err;
    throw named('ModelLoadError', `The model "${opts.modelId}" could not be loaded, so nothing can be scored: ${err.message || err.name}. ` +
      'Reload the page; if this persists, the site is missing its model files or this browser cannot run them.');
  }
  const env = await createBrowserEnv(sets, opts);
  return { ...env, cache: quotaGuard(env.cache, onStorageFull) };
}
