// The image run: list every set, embed each file once (the real set once for all experiments),
// then analyse real ∪ synthetic_i per experiment and assemble the Report (pipeline/assemble.ts).
import type { Experiment, Report, SkippedItem } from '../../report/schema.ts';
import type { ListedSet } from '../../ingest/types.ts';
import type { ImageModelChoice } from '../../models/model-choice.ts';
import { throwIfAborted } from '../../core/errors.ts';
import { embedSet, type EmbeddedSet } from './embed-set.ts';
import { halfOfSet } from './real-half.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import type { PipelineEnv } from './environment.ts';
import { analyseExperiment, imagePanelExtras } from './experiment.ts';
import { headlineOf, runPanels } from '../panel.ts';
import { runComparisons, type ExperimentSamples } from '../comparisons.ts';
import { computeReference, referenceWarning } from '../reference.ts';
import { experimentMap } from '../experiment-map.ts';
import { classCounts, embeddingCounts, reportEnvelope, requireRows, requireSynthetic, settingsOf, type ThresholdChoice } from '../assemble.ts';
import { thresholdsInForce } from '../../core/calibrate-signals.ts';
import { IMAGE_COPY_DEFAULT, IMAGE_COPY_MEASURE } from '../../core/image/image-copy-signal.ts';
import { calibrateImages } from './calibrate.ts';
import { keptRealGraphs } from '../real-graphs-memo.ts';
import { imageRecordDim } from './cache-record.ts';
import { damagedCacheWarnings, validatedCache } from '../../storage/vector-cache.ts';

export interface ImageScoreRequest {
  real: string;
  synthetic: { name: string; path: string }[];
  threshold: ThresholdChoice;
  folds?: number;
  k?: number;
  seed?: number;
  bootstrap?: number;
  /** Also compute each experiment's 2-D map (UMAP of at most maxPoints rows; see core/map2d.ts). */
  map?: { maxPoints?: number };
  /** Real images the generator never saw: the panel's DCR share (docs/panel.md). Embedded like the real set. */
  holdout?: string;
  /** The image model (the app's chooser): a built-in by id or a user's by its file's SHA-256. The
   *  platform opens it (pipeline/browser-envs.ts); absent: the default built-in. The CLI picks its
   *  model with --model instead (cli/model-arg.ts). */
  model?: ImageModelChoice;
}

/** The report's record of the model: which one, from where, and how it was fed. */
function reportModel({ manifest, sha256 }: PipelineEnv['embedder']): Report['model'] {
  return {
    id: manifest.id, version: manifest.version, dimension: manifest.output.dimension,
    source: sha256 ? 'user' : 'builtin',
    ...(sha256 ? { sha256 } : {}),
    input: { ...manifest.input },
  };
}

export async function scoreImages(
  req: ImageScoreRequest,
  platformEnv: PipelineEnv,
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback; onSkipped?: (s: SkippedItem) => void; onWarning?: (w: string) => void; onHeadline?: (r: Report) => void } = {},
): Promise<Report> {
  // Damaged cached vectors are misses: embedded again and overwritten, and counted for the report.
  const cache = validatedCache(platformEnv.cache, imageRecordDim(platformEnv.embedder.manifest));
  const env: PipelineEnv = { ...platformEnv, cache };
  const settings = settingsOf(req);
  const { signal, onProgress } = opts;
  requireSynthetic(req);

  opts.onProgress?.({ status: 'initiate', stage: 'read' });
  const realListed = await env.listSet(req.real, 'real', signal);
  const synthListed: ListedSet[] = [];
  for (const s of req.synthetic) synthListed.push(await env.listSet(s.path, 'synthetic', signal));
  const holdoutListed = req.holdout ? await env.listSet(req.holdout, 'real', signal) : null;
  opts.onProgress?.({ status: 'done', stage: 'read' });
  for (const s of [...realListed.skipped, ...synthListed.flatMap((l) => l.skipped), ...(holdoutListed?.skipped ?? [])]) opts.onSkipped?.(s);
  requireRows(
    [{ n: realListed.items.length, side: 'real', path: req.real }, ...synthListed.map((l, i) => ({ n: l.items.length, side: 'synthetic', path: req.synthetic[i].path }))],
    'usable files',
  );

  // Listing-time skips were reported above; after embedding only the decode-time ones are new.
  const report = (e: EmbeddedSet, l: ListedSet) => e.skipped.slice(l.skipped.length).forEach((s) => opts.onSkipped?.(s));
  const real = await embedSet(realListed, 'real', env, { signal, onProgress, stage: 'embed real' });
  report(real, realListed);
  requireRows([{ n: real.items.length, side: 'real', path: req.real }], 'images that decoded');
  const synths: EmbeddedSet[] = [];
  for (const [i, l] of synthListed.entries()) {
    const e = await embedSet(l, 'synthetic', env, { signal, onProgress, stage: `embed ${req.synthetic[i].name}` });
    report(e, l);
    requireRows([{ n: e.items.length, side: 'synthetic', path: req.synthetic[i].path }], 'images that decoded');
    synths.push(e);
  }
  // The holdout goes through the same cache as the real set; it only feeds the panel's DCR share.
  const holdout = holdoutListed ? await embedSet(holdoutListed, 'real', env, { signal, onProgress, stage: 'embed holdout' }) : null;
  if (holdout && holdoutListed) report(holdout, holdoutListed);
  const warnings = damagedCacheWarnings(cache.damaged);
  if (holdout && !holdout.items.length) warnings.push(`The holdout "${req.holdout}" has no usable images: the DCR share was not computed.`);
  warnings.forEach((w) => opts.onWarning?.(w));

  const { manifest } = env.embedder;
  const dim = manifest.output.dimension;
  // Once per run, on the real set: every experiment is judged by the same thresholds.
  const calibration = await calibrateImages(real, env, { seed: settings.seed, signal, onProgress });
  const thresholds = thresholdsInForce(req.threshold, calibration, {
    manifestTau: env.embedder.manifest.nearDuplicateThreshold.value,
    copy: { value: IMAGE_COPY_DEFAULT, measure: IMAGE_COPY_MEASURE },
    realRows: real.items.length,
  });
  const experiments: Experiment[] = [];
  const samples: ExperimentSamples[] = [];
  // The real rows' graphs among themselves: computed by the first experiment, reused by the rest.
  const sharedRows = await keptRealGraphs(real.items.length, real.vectors, real.descriptors);
  for (const [i, s] of synths.entries()) {
    throwIfAborted(signal);
    const { experiment: ex, samples: kept } = await analyseExperiment(real, s, req.synthetic[i], thresholds, settings, env, { signal, onProgress, sharedRows });
    experiments.push(ex);
    samples.push(kept);
  }
  const comparisons = await runComparisons(samples, settings, { signal, onProgress });
  // The real-vs-real reference is not one of the user's scores: it is computed after the headline
  // (issue 17), which says already when none will come (the real set too small to halve).
  const classes = real.items.map((it) => it.className);
  const referenceSkipped = referenceWarning(real.items.length, classes, settings);
  if (referenceSkipped) { warnings.push(referenceSkipped); opts.onWarning?.(referenceSkipped); }
  let reference: Experiment | null = null;
  const envelope = () => reportEnvelope('image', {
    model: reportModel(env.embedder),
    settings,
    real: { path: req.real, count: real.items.length, classes: classCounts(real.items) },
    experiments,
    skipped: [...real.skipped, ...(holdout?.skipped ?? [])],
    embedding: embeddingCounts([real, ...synths, ...(holdout ? [holdout] : [])]),
    comparisons,
    ...(reference ? { reference } : {}),
  }, warnings);
  // The headline (scores and comparisons) goes out first; the reference, the map and the panel after.
  opts.onHeadline?.(headlineOf(envelope()));
  if (!referenceSkipped) {
    // Same vectors, same thresholds; the headline goes out again with its row.
    ({ reference } = await computeReference(real.items.length, classes, settings, { signal, onProgress }, async (h, named, progress) =>
      (await analyseExperiment(halfOfSet(real, h.a, dim, 'real'), halfOfSet(real, h.b, dim, 'synthetic'), { name: named.name, path: req.real }, thresholds, settings, env, { signal, onProgress: progress })).experiment));
    if (reference) opts.onHeadline?.(headlineOf(envelope()));
  }
  // The maps are drawn after the scores are shown (issue 17): they never hold the scores up.
  if (req.map) for (const [i, s] of synths.entries()) await experimentMap(experiments[i], real, s, env, { ...req.map, seed: settings.seed, signal, onProgress });
  const panelWarnings = await runPanels({
    real: real.vectors, classes: real.items.map((it) => it.className), dim, gemm: env.gemm, seed: settings.seed, signal, onProgress,
    holdout: holdout?.vectors,
    experiments: experiments.map((experiment, i) => ({ experiment, synthetic: synths[i].vectors, extras: () => imagePanelExtras(real, synths[i]) })),
    reference,
    referenceExtras: (h) => () => imagePanelExtras(halfOfSet(real, h.a, dim, 'real'), halfOfSet(real, h.b, dim, 'synthetic')),
  });
  panelWarnings.forEach((w) => { warnings.push(w); opts.onWarning?.(w); });

  return envelope();
}
