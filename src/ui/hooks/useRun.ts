// The run's state: stages with counts and timing and the skipped files (stores that only the
// progress panel and the skipped list read), the report or the error.
import { startTransition, useCallback, useMemo, useRef, useState } from 'react';
import type { Report, SkippedItem } from '../../report/schema.ts';
import type { FileSets } from '../../pipeline/browser-env.ts';
import type { ProgressEvent } from '../../core/progress.ts';
import type { RunRequest } from '../../pipeline/run-request.ts';
import type { ScoreBridge } from '../worker-bridge.ts';
import { createProgressStore } from './progress-store.ts';
import { createSkippedStore } from './skipped-store.ts';

export type { StageState } from './progress-store.ts';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export function useRun(bridge: ScoreBridge) {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const progress = useMemo(() => createProgressStore(), []);
  const skipped = useMemo(() => createSkippedStore(), []);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const runId = useRef(0);

  const start = useCallback(async (sets: FileSets, request: RunRequest): Promise<Report | null> => {
    const id = ++runId.current;
    setPhase('running');
    progress.reset();
    skipped.reset();
    setError(null);
    // Events of a run that a newer run replaced are dropped.
    const onStage = (e: ProgressEvent) => { if (runId.current === id) progress.apply(e); };
    const onSkipped = (s: SkippedItem) => { if (runId.current === id) skipped.add(s); };
    try {
      const r = await bridge.run(sets, request, onStage, onSkipped);
      if (runId.current !== id) return null;
      // A transition: React renders the results in slices that yield to input, not as one long task.
      startTransition(() => {
        setReport(r);
        setPhase('done');
      });
      return r;
    } catch (e) {
      if (runId.current !== id) return null;
      const err = e as Error;
      setError(err);
      setPhase(err.name === 'AbortError' ? 'cancelled' : 'failed');
      return null;
    }
  }, [bridge, progress, skipped]);

  const cancel = useCallback(() => bridge.cancel(), [bridge]);

  return { phase, progress, skipped, report, error, start, cancel, setReport };
}
