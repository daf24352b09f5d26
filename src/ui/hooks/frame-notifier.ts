// Tells subscribers of a store that changed at most once per animation frame: the worker may send
// many events a second (progress, skipped files), and a burst of them should cost one small render.

export interface FrameNotifier {
  subscribe(listener: () => void): () => void;
  /** Something changed: subscribers hear of it on the next frame (once, however many changes). */
  changed(): void;
}

/** `schedule` defers a notification (the next animation frame in a page; tests may pass their own). */
export function createFrameNotifier(schedule: (run: () => void) => void = nextFrame): FrameNotifier {
  let pending = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    pending = false;
    for (const l of listeners) l();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed() {
      if (pending) return;
      pending = true;
      schedule(notify);
    },
  };
}

/** The next animation frame; a timeout where frames do not run (a hidden tab, a worker, tests). */
export function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    requestAnimationFrame(run);
  } else {
    setTimeout(run, 100);
  }
}
