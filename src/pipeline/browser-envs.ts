// The scoring worker's environments for each modality (the app's side of the dispatcher in
// modalities.ts), with their failure modes named for the user:
// - a model that does not load becomes a ModelLoadError that says so (not a bare fetch message);
// - storage that is full (QuotaExceededError on an IndexedDB write) turns caching off for the
//   rest of the run instead of failing it; the caller is told once, and the report says so.
import { createBrowserEnv, runtimeOptions, type BrowserEnv, type BrowserEnvOptions, type FileSets } from './browser-env.ts';
import { createBrowserTextEnv, textModelUrl } from './browser-text-env.ts';
import type { EnvOpeners } from './modalities.ts';
import { fileSetsTableIo } from './table/browser-table-io.ts';
import { createWebImageEmbedder, createWebTextEmbedder } from '../models/ort-web.ts';
import type { VectorCache } from '../storage/vector-cache.ts';
import { quotaGuard } from '../storage/quota-guard.ts';

export { STORAGE_FULL_WARNING } from '../storage/quota-guard.ts';

/** Loads a model (memoised by its module, so the env below reuses the session) or says what failed. */
async function loadModel(what: string, consequence: string, load: () => Promise<unknown>): Promise<void> {
  try {
    await load();
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') throw err;
    const m = new Error(`${what} could not be loaded, so ${consequence} can be scored: ${err.message || err.name}. ` +
      'Reload the page; if this persists, the site is missing its model files or this browser cannot run them.');
    m.name = 'ModelLoadError';
    throw m;
  }
}

/** The image environment (capabilities() opens it with no sets to load the model). */
export async function openImageEnv(sets: FileSets, opts: BrowserEnvOptions): Promise<BrowserEnv> {
  await loadModel(`The model "${opts.modelId}"`, 'nothing', () => createWebImageEmbedder(new URL(`models/${opts.modelId}/`, opts.baseUrl).href, runtimeOptions(opts)));
  return createBrowserEnv(sets, opts);
}

export function browserEnvOpeners(sets: FileSets, opts: BrowserEnvOptions, onStorageFull: () => void): EnvOpeners {
  const guarded = <E extends { cache: VectorCache }>(env: E): E => ({ ...env, cache: quotaGuard(env.cache, onStorageFull) });
  return {
    image: async () => guarded(await openImageEnv(sets, opts)),
    text: async () => {
      await loadModel('The text model', 'no text', () => createWebTextEmbedder(textModelUrl(opts), runtimeOptions(opts)));
      return guarded(await createBrowserTextEnv(sets, opts));
    },
    table: async () => ({ ...fileSetsTableIo(sets), close: async () => {} }),
  };
}
