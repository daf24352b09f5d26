// Inside the worker thread: the one dispatcher with Node's environments, exposed through comlink
// (run-thread.ts calls it). Progress goes back through the caller's proxied callbacks; an error
// arrives with its name and message, as a worker boundary keeps them (the name says the kind).
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { runRequest, type RunHooks } from '../pipeline/modalities.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import type { CliOptions } from './args.ts';
import { nodeEnvOpeners } from './node-envs.ts';

const api = {
  run: (request: RunRequest, opts: CliOptions, onProgress?: RunHooks['onProgress'], onSkipped?: RunHooks['onSkipped'], onWarning?: RunHooks['onWarning']) =>
    runRequest(request, nodeEnvOpeners(opts), { onProgress, onSkipped, onWarning }),
};

export type RunThreadApi = typeof api;

expose(api, nodeEndpoint(parentPort!));
