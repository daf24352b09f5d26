// One experiment's rows, ready for the engine: typed columns of both sides (artefacts found and
// corrected), the encoder fitted on the real rows, and the n×d feature matrix (real rows first).
import { type ColumnPlan, convertColumns, type ConvertOptions } from './columns.ts';
import { encodeRows, fitEncoder, type TableEncoder } from './encode.ts';
import type { Cell, TableFinding, TypedColumn } from './types.ts';

export interface PreparedTable {
  real: TypedColumn[];
  synth: TypedColumn[];
  findings: TableFinding[];
  encoder: TableEncoder;
  /** (nReal + nSynth) × encoder.dim, real rows first. */
  x: Float32Array;
  nReal: number;
  nSynth: number;
  /** 1 = synthetic. */
  y: Uint8Array;
}

/** real and synth: column-major cells aligned with plan order. */
export function prepareTable(plan: readonly ColumnPlan[], real: readonly (readonly Cell[])[], synth: readonly (readonly Cell[])[], opts: ConvertOptions = {}): PreparedTable {
  const conv = convertColumns(plan, real, synth, opts);
  const used = plan.filter((p) => p.type !== null && p.type !== 'ignore');
  const inDet = used.map((p) => p.inDetector);
  const detReal = conv.real.filter((_, k) => inDet[k]), detSynth = conv.synth.filter((_, k) => inDet[k]);
  const nReal = real[0]?.length ?? 0, nSynth = synth[0]?.length ?? 0;
  const encoder = fitEncoder(detReal, detSynth);
  const x = new Float32Array((nReal + nSynth) * encoder.dim);
  if (detReal.length) {
    encodeRows(encoder, detReal, x, 0);
    encodeRows(encoder, detSynth, x, nReal);
  }
  const y = new Uint8Array(nReal + nSynth).fill(1, nReal);
  return { real: conv.real, synth: conv.synth, findings: conv.findings, encoder, x, nReal, nSynth, y };
}
