// The scoring worker's environments for each modality (the app's side of the dispatcher in
// modalities.ts), with their failure modes named for the user:
// - a model that does not load becomes a ModelLoadError that says so (not a bare fetch message);
//   a user's own model (the run's `model` choice, kept in IndexedDB by storage/user-models.ts) too,
//   naming its file and the problem (docs/models.md, "Errors");
// - storage that is full (QuotaExceededError on an IndexedDB write) turns caching off for the
//   rest of the run instead of failing it; the caller is told once, and the report says so.
import { builtinModelUrl, createBrowserEnv, runtimeOptions, type BrowserEnv, type BrowserEnvOptions, type FileSets } from './browser-env.ts';
import { createBrowserTextEnv, textModelUrl } from './browser-text-env.ts';
import type { EnvOpeners } from './modalities.ts';
import { fileSetsTableIo } from './table/browser-table-io.ts';
import { createWebImageEmbedder, createWebTextEmbedder } from '../models/ort-web.ts';
import type { VectorCache } from '../storage/vector-cache.ts';
import type { ImageModelChoice } from '../models/model-choice.ts';
import { getUserModel } from '../storage/user-models.ts';
import { quotaGuard } from '../storage/quota-guard.ts';

export { STORAGE_FULL_WARNING } from '../storage/quota-guard.ts';

const RELOAD_ADVICE = 'Reload the page; if this persists, the site is missing its model files or this browser cannot run them.';

function modelLoadError(message: string): Error {
  const m = new Error(message);
  m.name = 'ModelLoadError';
  return m;
}

/** Loads a model or says what failed. */
async function loadModel<T>(what: string, consequence: string, load: () => Promise<T>, advice = RELOAD_ADVICE): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') throw err;
    throw modelLoadError(`${what} could not be loaded, so ${consequence} can be scored: ${err.message || err.name}. ${advice}`);
  }
}

/** Built-ins loaded once and kept for the worker's life, so a second run does not load again. */
const pinnedBuiltins = new Set<string>();

/**
 * The image environment for a run's model: `choice` from the request, else the configured
 * built-in (capabilities() opens it with no sets to load the model). A user's model is read from
 * IndexedDB by its hash, opened from its bytes and released when the run's environment closes.
 */
export async function openImageEnv(sets: FileSets, opts: BrowserEnvOptions, choice?: ImageModelChoice): Promise<BrowserEnv> {
  const rt = runtimeOptions(opts);
  if (choice?.kind === 'user') {
    const user = await getUserModel(choice.sha256);
    if (!user) throw modelLoadError(`Your model (file SHA-256 ${choice.sha256.slice(0, 12)}…) is no longer kept in this browser, so nothing can be scored: add it again with "Use my own model…".`);
    const inline = { manifest: user.manifest, bytes: user.bytes, key: user.sha256 };
    const embedder = await loadModel(`Your model "${user.fileName}"`, 'nothing', () => createWebImageEmbedder(inline, rt), 'Check its form (input size, layout, output) or choose another model.');
    return createBrowserEnv(sets, opts, embedder);
  }
  const id = choice?.id ?? opts.modelId;
  const url = builtinModelUrl(opts, id);
  if (!pinnedBuiltins.has(url)) {
    await loadModel(`The model "${id}"`, 'nothing', () => createWebImageEmbedder(url, rt));
    pinnedBuiltins.add(url);
  }
  return createBrowserEnv(sets, opts, await createWebImageEmbedder(url, rt));
}

export function browserEnvOpeners(sets: FileSets, opts: BrowserEnvOptions, onStorageFull: () => void): EnvOpeners {
  const guarded = <E extends { cache: VectorCache }>(env: E): E => ({ ...env, cache: quotaGuard(env.cache, onStorageFull) });
  return {
    image: async (req) => guarded(await openImageEnv(sets, opts, req.model)),
    text: async () => {
      await loadModel('The text model', 'no text', () => createWebTextEmbedder(textModelUrl(opts), runtimeOptions(opts)));
      return guarded(await createBrowserTextEnv(sets, opts));
    },
    table: async () => ({ ...fileSetsTableIo(sets), close: async () => {} }),
  };
}
