// Milliseconds per named stage, for the report's diagnostics (every modality's analysis uses it);
// and, for stages that have no progress of their own, their start and end on the progress panel,
// so its stages add up to the run (issue 17).
import { now } from './errors.ts';
import type { ProgressCallback } from './progress.ts';

export function stageTimer(report?: { onProgress?: ProgressCallback; stages: readonly string[] }): {
  timings: Record<string, number>;
  timed: <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;
} {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const shown = report?.onProgress && report.stages.includes(stage) ? report.onProgress : null;
    shown?.({ status: 'initiate', stage });
    const t0 = now();
    const out = await fn();
    timings[stage] = now() - t0;
    shown?.({ status: 'done', stage });
    return out;
  };
  return { timings, timed };
}
