// The threshold in force and the near-duplicate sets it gives, recomputed on the main thread from
// the report's cached neighbour graph (O(n·k): milliseconds), so a slider moves the duplicate
// scores and galleries at once. The slider moves the embedding's tau only: the copy signal's pairs
// (docs/metrics.md §2) are fixed by its own calibrated threshold and are kept as the report has
// them. Without a graph (older reports, text, tables) the report's own sets stand and the
// threshold cannot move.
import { useMemo, useState } from 'react';
import { makeNearDuplicateFinder, relativeThreshold, type CopyEdge } from '../../core/near-duplicates.ts';
import type { Estimate, Experiment, NearDuplicatePair, NearDuplicateSet, ThresholdInfo } from '../../report/schema.ts';
import { signalsOf } from '../../report/threshold-text.ts';
import { graphOf } from '../components/evidence/evidence.ts';

export type ThresholdMode = { kind: 'report' } | { kind: 'relative' } | { kind: 'custom'; value: number };

export interface NearDuplicateView {
  tau: number;
  source: ThresholdInfo['source'];
  /** What the threshold in force is and where it comes from. */
  label: string;
  sets: NearDuplicateSet[];
  setIdPerRow: ArrayLike<number>;
  /** Every pair that joined a set at this threshold, with its reason and both signals' values where known. */
  pairs: readonly NearDuplicatePair[];
  unvaried: Estimate;
  unoriginal: Estimate;
  unvariedRows: number;
  unoriginalRows: number;
  /** Recomputation time (ms); 0 when the report's own sets are shown. */
  ms: number;
}

export const SOURCE_LABEL: Record<ThresholdInfo['source'], string> = {
  calibrated: "calibrated on this run's real set",
  manifest: "the model's calibrated default",
  user: 'set by the user',
  relative: "Cleanlab's relative rule (0.13 × median nearest-neighbour distance)",
  'table-rule': 'all columns match (1% relative tolerance)',
};

/** The report's copy-signal pairs: edges that hold whatever the embedding's tau. */
export function copyEdgesOf(pairs: readonly NearDuplicatePair[]): CopyEdge[] {
  return pairs
    .filter((p) => (p.reason === 'copy' || p.reason === 'embedding+copy') && p.copyDistance !== null)
    .map((p) => ({ a: p.a, b: p.b, copyDistance: p.copyDistance! }));
}

/**
 * The report's threshold with the embedding's tau of the view in force: a moved tau keeps the copy
 * signal as calibrated, and drops the embedding's calibration (its rates held at the report's tau only).
 */
export function thresholdAt(reported: ThresholdInfo, view: Pick<NearDuplicateView, 'tau' | 'source' | 'label'>): ThresholdInfo {
  const signals = signalsOf(reported).map((s) => s.signal !== 'embedding' ? s : {
    signal: s.signal, measure: s.measure, value: view.tau, source: view.source, used: view.tau > 0, note: view.label,
  });
  return { value: view.tau, source: view.source, note: view.label, signals };
}

export function useNearDuplicates(ex: Experiment) {
  const prepared = useMemo(() => {
    const graph = graphOf(ex);
    if (!graph) return null;
    const isSynthetic = Uint8Array.from(ex.rows, (r) => (r.side === 'synthetic' ? 1 : 0));
    const hashes = ex.hashes?.length === ex.rows.length ? ex.hashes : ex.rows.map(() => null);
    // Values the report knows for a pair fill in what a recomputation cannot (the embedding
    // distance of a pair only the copy signal joined, the copy distance of an embedding pair).
    const known = new Map<string, NearDuplicatePair>();
    for (const p of ex.pairs ?? []) known.set(`${Math.min(p.a, p.b)}:${Math.max(p.a, p.b)}`, p);
    const find = makeNearDuplicateFinder(graph, isSynthetic, hashes, { copyEdges: copyEdgesOf(ex.pairs ?? []) });
    const withKnown = (p: NearDuplicatePair): NearDuplicatePair => {
      const k = known.get(`${p.a}:${p.b}`);
      return k ? { ...p, distance: p.distance ?? k.distance, copyDistance: p.copyDistance ?? k.copyDistance } : p;
    };
    return { find: (tau: number) => { const r = find(tau); return { ...r, pairs: r.pairs.map(withKnown) }; }, relative: relativeThreshold(graph) };
  }, [ex]);
  const [mode, setMode] = useState<ThresholdMode>({ kind: 'report' });

  const view = useMemo((): NearDuplicateView => {
    const reportView: NearDuplicateView = {
      tau: ex.threshold.value,
      source: ex.threshold.source,
      label: `${SOURCE_LABEL[ex.threshold.source]}, as in the report`,
      sets: ex.nearDuplicateSets,
      setIdPerRow: ex.rows.map((r) => r.nearDuplicateSet),
      pairs: ex.pairs ?? [],
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
      pairs: r.pairs,
      unvaried: r.unvaried,
      unoriginal: r.unoriginal,
      unvariedRows: r.unvariedRows,
      unoriginalRows: r.unoriginalRows,
      ms: performance.now() - t0,
    };
  }, [ex, prepared, mode]);

  return { view, mode, setMode, recomputable: prepared !== null, relativeTau: prepared?.relative ?? null };
}
