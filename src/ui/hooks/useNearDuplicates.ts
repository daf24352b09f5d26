// The threshold in force and the near-duplicate sets it gives, recomputed on the main thread from
// the report's cached neighbour graph (O(n·k): milliseconds), so a slider moves the duplicate
// scores and galleries at once. Without a graph (older reports, text, tables) the report's own
// sets stand and the threshold cannot move.
import { useMemo, useState } from 'react';
import { makeNearDuplicateFinder, relativeThreshold } from '../../core/near-duplicates.ts';
import type { Estimate, Experiment, NearDuplicateSet, ThresholdInfo } from '../../report/schema.ts';
import { graphOf } from '../components/evidence/evidence.ts';

export type ThresholdMode = { kind: 'report' } | { kind: 'relative' } | { kind: 'custom'; value: number };

export interface NearDuplicateView {
  tau: number;
  source: ThresholdInfo['source'];
  /** What the threshold in force is and where it comes from. */
  label: string;
  sets: NearDuplicateSet[];
  setIdPerRow: ArrayLike<number>;
  unvaried: Estimate;
  unoriginal: Estimate;
  unvariedRows: number;
  unoriginalRows: number;
  /** Recomputation time (ms); 0 when the report's own sets are shown. */
  ms: number;
}

const SOURCE_LABEL: Record<ThresholdInfo['source'], string> = {
  manifest: "the model's calibrated default",
  user: 'set by the user',
  relative: "Cleanlab's relative rule (0.13 × median nearest-neighbour distance)",
  'table-rule': 'all columns match (1% relative tolerance)',
};

export function useNearDuplicates(ex: Experiment) {
  const prepared = useMemo(() => {
    const graph = graphOf(ex);
    if (!graph) return null;
    const isSynthetic = Uint8Array.from(ex.rows, (r) => (r.side === 'synthetic' ? 1 : 0));
    const hashes = ex.hashes?.length === ex.rows.length ? ex.hashes : ex.rows.map(() => null);
    return { find: makeNearDuplicateFinder(graph, isSynthetic, hashes), relative: relativeThreshold(graph) };
  }, [ex]);
  const [mode, setMode] = useState<ThresholdMode>({ kind: 'report' });

  const view = useMemo((): NearDuplicateView => {
    const reportView: NearDuplicateView = {
      tau: ex.threshold.value,
      source: ex.threshold.source,
      label: `${SOURCE_LABEL[ex.threshold.source]}, as in the report`,
      sets: ex.nearDuplicateSets,
      setIdPerRow: ex.rows.map((r) => r.nearDuplicateSet),
      unvaried: ex.scores.unvaried,
      unoriginal: ex.scores.unoriginal,
      unvariedRows: ex.counts.unvariedRows,
      unoriginalRows: ex.counts.unoriginalRows,
      ms: 0,
    };
    if (!prepared || mode.kind === 'report') return reportView;
    const tau = mode.kind === 'relative' ? prepared.relative : mode.value;
    const t0 = performance.now();
    const r = prepared.find(tau);
    return {
      tau,
      source: mode.kind === 'relative' ? 'relative' : 'user',
      label: mode.kind === 'relative' ? SOURCE_LABEL.relative : 'set here',
      sets: r.sets,
      setIdPerRow: r.setIdPerRow,
      unvaried: r.unvaried,
      unoriginal: r.unoriginal,
      unvariedRows: r.unvariedRows,
      unoriginalRows: r.unoriginalRows,
      ms: performance.now() - t0,
    };
  }, [ex, prepared, mode]);

  return { view, mode, setMode, recomputable: prepared !== null, relativeTau: prepared?.relative ?? null };
}
