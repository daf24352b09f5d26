// The engine for vectors (images): the shared order of engine.ts, with the vectors themselves as
// the detector's input and kNN edges below tau plus exact duplicates as the near-duplicate rule.
import { runEngine, type EngineInput, type EngineResult } from './engine.ts';
import { makeNearDuplicateFinder, type NearDuplicateResult } from './near-duplicates.ts';
import type { NearDuplicateSet } from '../report/schema.ts';

export { MIN_ROWS_PER_SIDE, checkRowsPerSide } from './engine.ts';

export interface AnalyseInput extends EngineInput {
  /** PCA components for the detector (default 64). */
  components?: number;
}

export interface AnalyseResult extends Omit<EngineResult<NearDuplicateResult>, 'classifier'> {
  sets: NearDuplicateSet[];
  setIdPerRow: Int32Array;
  classifier: { lambdas: number[]; components: number };
}

export async function analyse(input: AnalyseInput): Promise<AnalyseResult> {
  const r = await runEngine(input, {
    detector: (vectors) => ({ x: vectors, dim: input.dim, components: input.components }),
    nearDuplicates: async (graph) => makeNearDuplicateFinder(graph, input.isSynthetic, input.hashes),
  });
  return { ...r, sets: r.nearDuplicates.sets, setIdPerRow: r.nearDuplicates.setIdPerRow, classifier: { lambdas: r.classifier.lambdas, components: r.classifier.components } };
}
