// Progress is a status-tagged union (transformers.js style): one 'initiate', any number of
// 'progress', one 'done' per stage.

export type ProgressEvent =
  | { status: 'initiate'; stage: string; done?: number; total?: number }
  | { status: 'progress'; stage: string; done: number; total: number }
  | { status: 'done'; stage: string; done?: number; total?: number };

export type ProgressCallback = (e: ProgressEvent) => void;

/** Bind a callback to one stage, so the heavy code only says how far it got. */
export function stageReporter(stage: string, total: number, cb?: ProgressCallback) {
  return {
    initiate: () => cb?.({ status: 'initiate', stage, done: 0, total }),
    progress: (done: number) => cb?.({ status: 'progress', stage, done, total }),
    done: () => cb?.({ status: 'done', stage, done: total, total }),
  };
}
