// The engine for vectors (images): the shared order of engine.ts, with the vectors themselves as
// the detector's input, and the copy signal the pipeline built over the same rows (pixel
// thumbnails for images) beside the embedding's kNN edges.
import type { CopySignal } from './copy-signal.ts';
import { runEngine, type EngineInput, type EngineResult } from './engine.ts';
import type { NearDuplicateSet } from '../report/schema.ts';

export { MIN_ROWS_PER_SIDE, checkRowsPerSide } from './engine.ts';

export interface AnalyseInput extends EngineInput {
  /** PCA components for the detector (default 64). */
  components?: number;
  /** The copy signal over the same n rows (its threshold is `copyThreshold`). */
  copySignal?: CopySignal;
}

export interface AnalyseResult extends Omit<EngineResult, 'classifier'> {
  sets: NearDuplicateSet[];
  setIdPerRow: Int32Array;
  classifier: { lambdas: number[]; components: number };
}

export async function analyse(input: AnalyseInput): Promise<AnalyseResult> {
  const { copySignal } = input;
  const r = await runEngine(input, {
    detector: (vectors) => ({ x: vectors, dim: input.dim, components: input.components }),
    ...(copySignal ? { copySignal: () => copySignal } : {}),
  });
  return { ...r, sets: r.nearDuplicates.sets, setIdPerRow: r.nearDuplicates.setIdPerRow, classifier: { lambdas: r.classifier.lambdas, components: r.classifier.components } };
}
