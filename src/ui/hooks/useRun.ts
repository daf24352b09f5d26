// The run's state: stages with counts and timing and the skipped files (stores that only the
// progress panel and the skipped list read), the report or the error.
import { createContext, startTransition, useCallback, useMemo, useRef, useState } from 'react';
import type { Report, SkippedItem } from '../../report/schema.ts';
import type { FileSets } from '../../pipeline/browser-env.ts';
import type { ProgressEvent } from '../../core/progress.ts';
import type { RunRequest } from '../../pipeline/run-request.ts';
import type { ScoreBridge } from '../worker-bridge.ts';
import { createProgressStore } from './progress-store.ts';
import { createSkippedStore } from './skipped-store.ts';

export type { StageState } from './progress-store.ts';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The shown headline whose panel the run in progress still computes (issue 14); null otherwise.
 *  The page provides it, the panel view reads it to say the panel is on its way. */
export const PanelPendingContext = createContext<Report | null>(null);

export function useRun(bridge: ScoreBridge) {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const progress = useMemo(() => createProgressStore(), []);
  const skipped = useMemo(() => createSkippedStore(), []);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<Error | null>(null);
  /** The run in progress's headline, once it came: its panel is still being computed. */
  const [headline, setHeadline] = useState<Report | null>(null);
  const runId = useRef(0);

  /** `onHeadline`: the run's scores are in and shown, its panel still to come (issue 14). */
  const start = useCallback(async (sets: FileSets, request: RunRequest, onHeadline?: (r: Report) => void): Promise<Report | null> => {
    const id = ++runId.current;
    setPhase('running');
    progress.reset();
    skipped.reset();
    setError(null);
    setHeadline(null);
    // Events of a run that a newer run replaced are dropped.
    const onStage = (e: ProgressEvent) => { if (runId.current === id) progress.apply(e); };
    const onSkipped = (s: SkippedItem) => { if (runId.current === id) skipped.add(s); };
    // The headline shows at once while the panel is computed; the final report replaces it. One
    // that comes after the run ended (each callback has its own channel) would hide the final report.
    let ended = false;
    const onHead = (r: Report) => {
      if (runId.current !== id || ended) return;
      startTransition(() => {
        setReport(r);
        setHeadline(r);
      });
      onHeadline?.(r);
    };
    try {
      const r = await bridge.run(sets, request, onStage, onSkipped, onHead);
      ended = true;
      if (runId.current !== id) return null;
      // A transition: React renders the results in slices that yield to input, not as one long task.
      startTransition(() => {
        setReport(r);
        setHeadline(null);
        setPhase('done');
      });
      return r;
    } catch (e) {
      ended = true;
      if (runId.current !== id) return null;
      // A headline already shown stays: its scores are done, only the panel is missing.
      const err = e as Error;
      setHeadline(null);
      setError(err);
      setPhase(err.name === 'AbortError' ? 'cancelled' : 'failed');
      return null;
    }
  }, [bridge, progress, skipped]);

  const cancel = useCallback(() => bridge.cancel(), [bridge]);

  /** Run was clicked: the page says so at once, while the run's inputs are still being checked. */
  const begin = useCallback(() => setPhase('running'), []);
  /** A stored report stands in for the run (nothing changed since it was made). */
  const showStored = useCallback((r: Report) => {
    setReport(r);
    setPhase('done');
  }, []);

  /** The run could not start (its inputs could not be read). */
  const fail = useCallback((e: Error) => {
    setError(e);
    setPhase('failed');
  }, []);

  return { phase, progress, skipped, report, error, start, cancel, setReport, begin, showStored, fail, panelPending: phase === 'running' ? headline : null };
}
