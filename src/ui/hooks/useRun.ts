// The run's state: stages with counts and timing, skipped files, the report or the error.
import { useCallback, useRef, useState } from 'react';
import type { Report, SkippedItem } from '../../core/report.ts';
import type { FileSets } from '../../pipeline/browser-env.ts';
import type { ProgressEvent } from '../../core/progress.ts';
import type { ScoreRequest } from '../../pipeline/score.ts';
import type { ScoreTableRequest } from '../../pipeline/table/score-table.ts';
import type { TextScoreRequest } from '../../pipeline/text/score-text.ts';
import type { ScoreBridge } from '../worker-bridge.ts';

export interface StageState {
  stage: string;
  status: ProgressEvent['status'];
  done?: number;
  total?: number;
  started: number;
  ended?: number;
}

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export function useRun(bridge: ScoreBridge) {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [stages, setStages] = useState<StageState[]>([]);
  const [skipped, setSkipped] = useState<SkippedItem[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const runId = useRef(0);

  const onProgress = useCallback((e: ProgressEvent) => {
    const t = performance.now();
    setStages((prev) => {
      const i = prev.findIndex((s) => s.stage === e.stage);
      const old = i >= 0 ? prev[i] : { stage: e.stage, status: e.status, started: t };
      const next: StageState = {
        ...old,
        status: e.status,
        done: e.done ?? old.done,
        total: e.total ?? old.total,
        ended: e.status === 'done' ? t : undefined,
      };
      return i >= 0 ? prev.map((s, j) => (j === i ? next : s)) : [...prev, next];
    });
  }, []);

  const start = useCallback(async (sets: FileSets, request: ScoreRequest | { text: TextScoreRequest } | { table: ScoreTableRequest }): Promise<Report | null> => {
    const id = ++runId.current;
    setPhase('running');
    setStages([]);
    setSkipped([]);
    setError(null);
    try {
      const r = 'table' in request ? await bridge.scoreTable(sets, request.table, (e) => { if (runId.current === id) onProgress(e); }) : 'text' in request ? await bridge.scoreText(sets, request.text, (e) => { if (runId.current === id) onProgress(e); }, (s) => { if (runId.current === id) setSkipped((prev) => [...prev, s]); }) : await bridge.score(sets, request,
        (e) => { if (runId.current === id) onProgress(e); },
        (s) => { if (runId.current === id) setSkipped((prev) => [...prev, s]); });
      if (runId.current !== id) return null;
      setReport(r);
      setPhase('done');
      return r;
    } catch (e) {
      if (runId.current !== id) return null;
      const err = e as Error;
      setError(err);
      setPhase(err.name === 'AbortError' ? 'cancelled' : 'failed');
      return null;
    }
  }, [bridge, onProgress]);

  const cancel = useCallback(() => bridge.cancel(), [bridge]);

  return { phase, stages, skipped, report, error, start, cancel, setReport };
}
