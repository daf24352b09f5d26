// Node's environments for the one dispatcher (pipeline/modalities.ts), as the flags set them: each
// is opened for one run and released after it. The app's counterpart: pipeline/browser-envs.ts.
import { nodeTableIo } from '../ingest/table/node-read.ts';
import type { EnvOpeners } from '../pipeline/modalities.ts';
import type { CliOptions } from './args.ts';
import { openCliCache } from './cli-cache.ts';
import { createNodeEnv, defaultCacheDir } from './node-env.ts';
import { createNodeTextEnv } from './node-text-env.ts';

export function nodeEnvOpeners(opts: CliOptions): EnvOpeners {
  return {
    image: () => createNodeEnv(opts),
    text: async () => {
      const env = await createNodeTextEnv({ threads: opts.threads });
      const { manifest } = env.embedder;
      // Never throws: a cache that cannot be opened is a warning (cli-cache.ts).
      const cache = await openCliCache(opts, defaultCacheDir(), `text-${manifest.id}@${manifest.version}`, manifest.output.dimension);
      return {
        ...env, cache, close: async () => {
          await cache?.close();
          await env.release();
        },
      };
    },
    table: async () => ({ ...nodeTableIo, close: async () => {} }),
  };
}
