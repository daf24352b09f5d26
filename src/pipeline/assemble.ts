// What every modality's run repeats, written once: the settings' defaults, the checks on what was
// given, the threshold's description, the rows of scores and the report's envelope. A modality's
// pipeline supplies only what is its own (how rows are read and turned into vectors or features).
import { MIN_ROWS_PER_SIDE } from '../core/analyse.ts';
import { nearestDistance, type KnnGraph } from '../core/knn.ts';
import { REPORT_VERSION, type Modality, type Report, type RowScore } from '../report/schema.ts';
import { InputError } from '../ingest/types.ts';

export type { ThresholdChoice } from '../core/calibrate-signals.ts';

export interface Settings {
  folds: number;
  k: number;
  seed: number;
  bootstrap: number;
}

/** The engine's settings with their defaults (docs/metrics.md). */
export function settingsOf(req: Partial<Settings>): Settings {
  return { folds: req.folds ?? 5, k: req.k ?? 10, seed: req.seed ?? 0, bootstrap: req.bootstrap ?? 1000 };
}

export function requireSynthetic(req: { synthetic: unknown[] }): void {
  if (req.synthetic.length === 0) throw new InputError('No synthetic set given.');
}

/** Every side that is too small, in one message, so the user fixes them all at once. */
export function requireRows(sides: { n: number; side: string; path: string }[], what: string, min = MIN_ROWS_PER_SIDE): void {
  const problems = sides
    .filter((s) => s.n < min)
    .map(({ n, side, path }) =>
      n === 0 ? `The ${side} set "${path}" has no ${what}.` : `The ${side} set "${path}" has only ${n} ${what}; at least ${min} are needed per side.`,
    );
  if (problems.length) throw new InputError(problems.join('\n'));
}

/** A row as the engine saw it: where it came from and its class, if both sides have classes. */
export interface RowSource {
  path: string;
  className: string | null;
}

/** The engine's per-row outputs; `nearest(i)` is the row's distance to its nearest neighbour, or null. */
export interface RowOutputs {
  p: ArrayLike<number>;
  labelIssue: ArrayLike<number>;
  setIdPerRow: ArrayLike<number>;
  nearest(i: number): number | null;
}

/** Nearest distances from the kNN graph (images, text). */
export const nearestInGraph = (graph: KnnGraph) => (i: number) => nearestDistance(graph, i);

/** One RowScore per row of real ∪ synthetic, from the engine's per-row outputs. */
export function rowScores(sources: readonly RowSource[], isSynthetic: ArrayLike<number>, r: RowOutputs): RowScore[] {
  return sources.map((s, i) => ({
    path: s.path,
    side: isSynthetic[i] ? 'synthetic' : 'real',
    ...(s.className !== null ? { className: s.className } : {}),
    p: r.p[i],
    labelIssue: r.labelIssue[i],
    nearDuplicateSet: r.setIdPerRow[i],
    nearestDistance: r.nearest(i),
  }));
}

/** Class counts of a side, or null unless every row has a class. */
export function classCounts(rows: readonly { className: string | null }[]): Record<string, number> | null {
  if (rows.some((r) => r.className === null)) return null;
  const out: Record<string, number> = {};
  for (const r of rows) out[r.className!] = (out[r.className!] ?? 0) + 1;
  return out;
}

/** The report around a modality's experiments: version, tool, time, and the optional warnings. */
export function reportEnvelope(modality: Modality, body: Omit<Report, 'version' | 'tool' | 'createdAt' | 'modality' | 'warnings'>, warnings: string[] = []): Report {
  return {
    version: REPORT_VERSION,
    tool: 'synthscore',
    createdAt: new Date().toISOString(),
    modality,
    ...body,
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Embedded and cached counts summed over the sets of a run. */
export function embeddingCounts(sets: readonly { embedded: number; fromCache: number }[]): { embedded: number; fromCache: number } {
  return { embedded: sets.reduce((a, s) => a + s.embedded, 0), fromCache: sets.reduce((a, s) => a + s.fromCache, 0) };
}
