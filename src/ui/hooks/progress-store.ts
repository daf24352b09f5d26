// The run's per-stage progress, outside React state: the worker may send many events a second,
// and only the progress panel needs them. Events are applied at once and subscribers are told
// at most once per animation frame, so a burst of events costs one small render, not one each,
// and the rest of the page (results, galleries, map) never re-renders for progress.
import type { ProgressEvent } from '../../core/progress.ts';
import { createFrameNotifier, nextFrame } from './frame-notifier.ts';

export interface StageState {
  stage: string;
  status: ProgressEvent['status'];
  done?: number;
  total?: number;
  started: number;
  ended?: number;
}

export interface ProgressStore {
  /** The stages as of the last notification (a new array each time it changes). */
  get(): StageState[];
  subscribe(listener: () => void): () => void;
  apply(e: ProgressEvent, now?: number): void;
  reset(): void;
}

/** `schedule` defers a notification (requestAnimationFrame in a page; tests may pass their own). */
export function createProgressStore(schedule: (run: () => void) => void = nextFrame): ProgressStore {
  let stages: StageState[] = [];
  const { subscribe, changed } = createFrameNotifier(schedule);
  return {
    get: () => stages,
    subscribe,
    apply(e, now = performance.now()) {
      const i = stages.findIndex((s) => s.stage === e.stage);
      const old = i >= 0 ? stages[i] : { stage: e.stage, status: e.status, started: now };
      const next: StageState = {
        ...old,
        status: e.status,
        done: e.done ?? old.done,
        total: e.total ?? old.total,
        ended: e.status === 'done' ? now : undefined,
      };
      stages = i >= 0 ? stages.map((s, j) => (j === i ? next : s)) : [...stages, next];
      changed();
    },
    reset() {
      stages = [];
      changed();
    },
  };
}
