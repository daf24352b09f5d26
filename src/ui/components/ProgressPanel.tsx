import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ProgressStore, StageState } from '../hooks/progress-store.ts';

function eta(s: StageState, now: number): string {
  if (s.status === 'done' || !s.total || !s.done) return '';
  const rate = s.done / ((now - s.started) / 1000);
  const left = (s.total - s.done) / rate;
  return Number.isFinite(left) ? `ETA ${left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`}` : '';
}

/** Re-renders twice a second while the run goes on, to move rates and ETAs (only this panel). */
function useTick(running: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setTick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, [running]);
}

/** One row per stage: counts, items/s and ETA, in a box of fixed size (see .progress) that is there
 *  from the moment a run starts and scrolls to each new stage. */
export function ProgressPanel({ progress, running }: { progress: ProgressStore; running: boolean }) {
  const stages = useSyncExternalStore(progress.subscribe, progress.get);
  useTick(running);
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [stages.length]);
  const now = performance.now();
  if (stages.length === 0 && !running) return null;
  return (
    <ul className="progress" data-testid="progress" ref={list}>
      {stages.map((s) => {
        const secs = ((s.status === 'done' ? s.ended ?? now : now) - s.started) / 1000;
        // A handful of steps (files, folds): a count means something, a rate does not.
        const rate = s.done && secs > 0 && (s.total ?? 0) >= 20 ? s.done / secs : 0;
        return (
          <li key={s.stage} data-stage={s.stage} data-status={s.status}>
            <span className="stage">{s.stage}</span>
            {s.total ? <progress max={s.total} value={s.done ?? 0} /> : s.status === 'done' ? <progress max={1} value={1} /> : <progress />}
            <span className="count">{s.total ? `${s.done ?? 0} / ${s.total}` : s.status === 'done' ? 'done' : '…'}</span>
            <span className="rate">{rate > 0 ? `${rate.toFixed(1)} items/s` : ''}</span>
            <span className="eta">{s.status === 'done' ? `${secs.toFixed(1)} s` : eta(s, now)}</span>
          </li>
        );
      })}
    </ul>
  );
}
