// Milliseconds per named stage, for the report's diagnostics (every modality's analysis uses it).
import { now } from './errors.ts';

export function stageTimer(): {
  timings: Record<string, number>;
  timed: <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;
} {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = now();
    const out = await fn();
    timings[stage] = now() - t0;
    return out;
  };
  return { timings, timed };
}
