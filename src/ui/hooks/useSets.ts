// The dropped sets: one real, any number of synthetic (each one experiment), an optional real
// holdout (files the generator never saw: the panel's DCR share, images and text), each listed in the
// background (modality, counts, skipped files) as soon as it is dropped, and the demo's sets.
import { useState } from 'react';
import { listCollected, type CollectedSet } from '../../ingest/browser-walk.ts';
import type { ListedSet } from '../../ingest/types.ts';
import { loadDemo } from '../demo.ts';

export interface SetState {
  id: number;
  name: string;
  collected: CollectedSet;
  /** Null while the set is being listed. */
  listed: ListedSet | null;
}

let nextId = 1;

export function useSets() {
  const [real, setReal] = useState<SetState | null>(null);
  const [synthetic, setSynthetic] = useState<SetState[]>([]);
  const [holdout, setHoldout] = useState<SetState | null>(null);
  const [demoLoading, setDemoLoading] = useState(false);

  const list = (collected: CollectedSet, side: 'real' | 'synthetic' | 'holdout'): SetState => {
    const s: SetState = { id: nextId++, name: collected.name, collected, listed: null };
    // The holdout is real data: listed as the real set is.
    listCollected(collected, side === 'holdout' ? 'real' : side, { role: side }).then((listed) => {
      const update = (x: SetState) => (x.id === s.id ? { ...x, listed } : x);
      if (side === 'real') setReal((r) => (r ? update(r) : r));
      else if (side === 'holdout') setHoldout((h) => (h ? update(h) : h));
      else setSynthetic((all) => all.map(update));
    });
    return s;
  };

  // A holdout still being listed holds the run back: its listing goes with the run (FileSet.listed).
  const ready = !!real?.listed && synthetic.length > 0 && synthetic.every((s) => s.listed) && (!holdout || !!holdout.listed);
  return {
    real,
    synthetic,
    /** Real files the generator never saw (optional). */
    holdout,
    /** Every set is listed: a run can start. */
    ready,
    /** Every set is a table. */
    allTables: ready && [real, ...synthetic].every((s) => s?.listed?.modality === 'table'),
    demoLoading,
    setReal: (c: CollectedSet) => setReal(list(c, 'real')),
    addSynthetic: (c: CollectedSet) => {
      const s = list(c, 'synthetic');
      setSynthetic((all) => [...all, s]);
    },
    setHoldout: (c: CollectedSet) => setHoldout(list(c, 'holdout')),
    removeHoldout: () => setHoldout(null),
    rename: (id: number, name: string) => setSynthetic((all) => all.map((x) => (x.id === id ? { ...x, name } : x))),
    remove: (id: number) => setSynthetic((all) => all.filter((x) => x.id !== id)),
    /** Replaces the sets by the demo's (served with the app); rejects when they cannot be fetched. */
    loadDemo: async () => {
      setDemoLoading(true);
      try {
        const demo = await loadDemo();
        setReal(list(demo.real, 'real'));
        setSynthetic(demo.synthetic.map((s) => list(s, 'synthetic')));
        setHoldout(null);
      } finally {
        setDemoLoading(false);
      }
    },
  };
}

export type Sets = ReturnType<typeof useSets>;
