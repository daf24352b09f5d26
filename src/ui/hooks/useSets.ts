// The dropped sets: one real, any number of synthetic (each one experiment), each listed in the
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
  const [demoLoading, setDemoLoading] = useState(false);

  const list = (collected: CollectedSet, side: 'real' | 'synthetic'): SetState => {
    const s: SetState = { id: nextId++, name: collected.name, collected, listed: null };
    listCollected(collected, side).then((listed) => {
      const update = (x: SetState) => (x.id === s.id ? { ...x, listed } : x);
      if (side === 'real') setReal((r) => (r ? update(r) : r));
      else setSynthetic((all) => all.map(update));
    });
    return s;
  };

  const ready = !!real?.listed && synthetic.length > 0 && synthetic.every((s) => s.listed);
  return {
    real,
    synthetic,
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
    rename: (id: number, name: string) => setSynthetic((all) => all.map((x) => (x.id === id ? { ...x, name } : x))),
    remove: (id: number) => setSynthetic((all) => all.filter((x) => x.id !== id)),
    /** Replaces the sets by the demo's (served with the app); rejects when they cannot be fetched. */
    loadDemo: async () => {
      setDemoLoading(true);
      try {
        const demo = await loadDemo();
        setReal(list(demo.real, 'real'));
        setSynthetic(demo.synthetic.map((s) => list(s, 'synthetic')));
      } finally {
        setDemoLoading(false);
      }
    },
  };
}

export type Sets = ReturnType<typeof useSets>;
