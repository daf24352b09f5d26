// Inside the worker thread: score the tables and post progress, then the report or the error
// (name and message only, as a worker boundary keeps them; the name says the kind).
import { parentPort, workerData } from 'node:worker_threads';
import { nodeTableIo } from '../../ingest/table/node-read.ts';
import type { TableThreadMessage } from './node-thread.ts';
import { scoreTable, type ScoreTableRequest } from './score-table.ts';

const port = parentPort!;
const post = (m: TableThreadMessage) => port.postMessage(m);

scoreTable(workerData.request as ScoreTableRequest, nodeTableIo, { onProgress: (event) => post({ kind: 'progress', event }) }).then(
  (report) => post({ kind: 'report', report }),
  (e: Error) => post({ kind: 'error', name: e.name, message: e.message, stack: e.stack }),
);
