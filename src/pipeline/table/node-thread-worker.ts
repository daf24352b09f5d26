// Inside the worker thread: scoreTable exposed through comlink (node-thread.ts calls it). Progress
// goes back through the caller's proxied callback; an error arrives with its name and message, as
// a worker boundary keeps them (the name says the kind).
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { ProgressCallback } from '../../core/progress.ts';
import { nodeTableIo } from '../../ingest/table/node-read.ts';
import { scoreTable, type ScoreTableRequest } from './score-table.ts';

const api = {
  scoreTable: (request: ScoreTableRequest, onProgress?: ProgressCallback) => scoreTable(request, nodeTableIo, { onProgress }),
};

export type TableThreadApi = typeof api;

expose(api, nodeEndpoint(parentPort!));
