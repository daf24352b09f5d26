// The text scoring environment with its failure modes named for the user, as analysis-env.ts does
// for images: a text model that does not load is a ModelLoadError; full storage turns caching off.
import { createBrowserTextEnv, textModelUrl, type BrowserTextEnv, type BrowserTextEnvOptions } from '../pipeline/browser-text-env.ts';
import { runtimeOptions, type FileSets } from '../pipeline/browser-env.ts';
import { createWebTextEmbedder } from '../models/ort-web-text.ts';
import { quotaGuard } from './analysis-quota.ts';

export async function openTextAnalysisEnv(sets: FileSets, opts: BrowserTextEnvOptions, onStorageFull: () => void = () => {}): Promise<BrowserTextEnv> {
  try {
    await createWebTextEmbedder(textModelUrl(opts), runtimeOptions(opts)); // memoised
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') throw err;
    const m = new Error(`The text model could not be loaded, so no text can be scored: ${err.message || err.name}. ` +
      'Reload the page; if this persists, the site is missing its model files or this browser cannot run them.');
    m.name = 'ModelLoadError';
    throw m;
  }
  const env = await createBrowserTextEnv(sets, opts);
  return { ...env, cache: quotaGuard(env.cache, onStorageFull) };
}
