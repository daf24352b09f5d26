// The files a run skipped, outside React state like its progress: a folder with hundreds of bad
// files sends one event each, and only the skipped list needs them (at most one render a frame,
// never a render of the whole page).
import type { SkippedItem } from '../../report/schema.ts';
import { createFrameNotifier, nextFrame } from './frame-notifier.ts';

export interface SkippedStore {
  /** The items as of the last change (a new array each time). */
  get(): readonly SkippedItem[];
  subscribe(listener: () => void): () => void;
  add(item: SkippedItem): void;
  reset(): void;
}

export function createSkippedStore(schedule: (run: () => void) => void = nextFrame): SkippedStore {
  let items: SkippedItem[] = [];
  const { subscribe, changed } = createFrameNotifier(schedule);
  return {
    get: () => items,
    subscribe,
    add(item) {
      items = [...items, item];
      changed();
    },
    reset() {
      items = [];
      changed();
    },
  };
}
