// The text run: read every set (real once), embed each distinct text once (cache by model id +
// text hash when a cache is given), then analyse real ∪ synthetic_i per experiment with the text
// rules and assemble the Report (modality 'text'; Experiment.text holds the text extras).
import type { Experiment, Report } from '../../report/schema.ts';
import { throwIfAborted } from '../../core/errors.ts';
import type { TextFeatures } from '../../core/text/analyse-text.ts';
import { thresholdsInForce } from '../../core/calibrate-signals.ts';
import { TEXT_COPY_DEFAULT, TEXT_COPY_MEASURE } from '../../core/text/copy-signal.ts';
import { damagedCacheWarnings, validatedCache } from '../../storage/vector-cache.ts';
import type { TextSet, TextSetOptions } from '../../ingest/text-set.ts';
import { embedTexts, type TextPipelineEnv, type TextScoreOptions } from './embed-texts.ts';
import { embeddingCounts, reportEnvelope, requireRows, requireSynthetic, settingsOf, type ThresholdChoice } from '../assemble.ts';
import { calibrateTexts } from './calibrate.ts';
import { runComparisons, type ExperimentSamples } from '../comparisons.ts';
import { computeReference, pickRows, referenceWarning } from '../reference.ts';
import { keptRealGraphs } from '../real-graphs-memo.ts';
import { analyseTextExperiment, textExperimentMap, type TextSide } from './experiment-text.ts';
import { headlineOf, runPanels } from '../panel.ts';

export interface TextScoreRequest {
  /** A folder of .txt/.md files, or a .jsonl/.json/.csv/.tsv file. */
  real: string;
  synthetic: { name: string; path: string }[];
  /** JSON/JSONL field with the text (default 'text'). */
  textField?: string;
  /** CSV/TSV column with the text (default 'text', or the only column). */
  textColumn?: string;
  /** CSV/TSV column (or JSON field) with a class label. */
  labelColumn?: string;
  threshold: ThresholdChoice;
  /** Also compute each experiment's 2-D map of the text embeddings (UMAP of at most maxPoints rows). */
  map?: { maxPoints?: number };
  /** Detector input (default 'both' = embedding + character n-grams). */
  features?: TextFeatures;
  folds?: number;
  k?: number;
  seed?: number;
  bootstrap?: number;
  /** Real texts the generator never saw (read like the real set): the panel's DCR share (docs/panel.md). */
  holdout?: string;
}

/** Characters of a text its statistics, copy signal and the report's copy use: about twice the
 *  embedded head (8,192 tokens ≈ 30 KB of English), so a text's length cannot grow them. */
export const ANALYSED_CHARS = 65_536;

const headOfText = (t: string) => (t.length > ANALYSED_CHARS ? t.slice(0, ANALYSED_CHARS) : t);

function truncationWarnings(n: number, maxTokens: number): string[] {
  if (n === 0) return [];
  const tokens = maxTokens.toLocaleString('en-US');
  return [
    `${n} text${n === 1 ? ' was' : 's were'} longer than ${tokens} tokens: only ${n === 1 ? 'its' : 'their'} first ${tokens} tokens were embedded, ` +
      `and only the first ${ANALYSED_CHARS.toLocaleString('en-US')} characters go into the text statistics, the copy signal and the report.`,
  ];
}

export async function scoreText(
  req: TextScoreRequest,
  platformEnv: TextPipelineEnv,
  opts: TextScoreOptions & { onHeadline?: (r: Report) => void } = {},
): Promise<Report> {
  const dim = platformEnv.embedder.manifest.output.dimension;
  const cache = platformEnv.cache && validatedCache(platformEnv.cache, dim);
  const env: TextPipelineEnv = { ...platformEnv, cache };
  const settings = settingsOf(req);
  requireSynthetic(req);
  const readOpts: TextSetOptions = { textField: req.textField, textColumn: req.textColumn, labelColumn: req.labelColumn, signal: opts.signal };
  opts.onProgress?.({ status: 'initiate', stage: 'read' });
  const real = await env.readTextSet(req.real, 'real', readOpts);
  const synths: TextSet[] = [];
  for (const s of req.synthetic) synths.push(await env.readTextSet(s.path, 'synthetic', readOpts));
  const holdout = req.holdout ? await env.readTextSet(req.holdout, 'real', readOpts) : null;
  opts.onProgress?.({ status: 'done', stage: 'read' });
  const read = holdout ? [real, ...synths, holdout] : [real, ...synths];
  const warnings = read.flatMap((s) => s.warnings);
  if (holdout && !holdout.samples.length) warnings.push(`The holdout "${req.holdout}" has no usable texts: the DCR share was not computed.`);
  warnings.forEach((w) => opts.onWarning?.(w));
  read.flatMap((s) => s.skipped).forEach((s) => opts.onSkipped?.(s));
  requireRows([{ n: real.samples.length, side: 'real', path: req.real }, ...synths.map((s, i) => ({ n: s.samples.length, side: 'synthetic', path: req.synthetic[i].path }))], 'usable texts');

  const realEmb = await embedTexts(real.samples.map((s) => s.text), env, 'embed real', opts);
  const synthEmb: Awaited<ReturnType<typeof embedTexts>>[] = [];
  for (const [i, s] of synths.entries()) synthEmb.push(await embedTexts(s.samples.map((x) => x.text), env, `embed ${req.synthetic[i].name}`, opts));
  // Through the same cache as the real set; it only feeds the panel's DCR share.
  const holdoutEmb = holdout ? await embedTexts(holdout.samples.map((s) => s.text), env, 'embed holdout', opts) : null;
  const embedded = holdoutEmb ? [realEmb, ...synthEmb, holdoutEmb] : [realEmb, ...synthEmb];
  const embedWarnings = [
    ...truncationWarnings(embedded.reduce((n, e) => n + e.truncated, 0), env.embedder.truncation?.maxTokens ?? 0),
    ...damagedCacheWarnings(cache?.damaged ?? 0),
  ];
  embedWarnings.forEach((w) => opts.onWarning?.(w));
  warnings.push(...embedWarnings);

  // Once per run, on the real set: every experiment is judged by the same thresholds.
  const realTexts = real.samples.map((s) => headOfText(s.text));
  const calibration = await calibrateTexts(realTexts, realEmb.vectors, env, { ...opts, seed: settings.seed });
  const thresholds = thresholdsInForce(req.threshold, calibration, {
    manifestTau: env.embedder.manifest.nearDuplicateThreshold.value,
    copy: { value: TEXT_COPY_DEFAULT, measure: TEXT_COPY_MEASURE },
    realRows: real.samples.length,
  });
  const experiments: Experiment[] = [];
  const kept: ExperimentSamples[] = [];
  const run = { settings, features: req.features, dim, gemm: env.gemm, headOfText };
  // The real rows' graphs among themselves: computed by the first experiment, reused by the rest.
  const sharedRows = await keptRealGraphs(real.samples.length, realEmb.vectors, new TextEncoder().encode(realTexts.join('\u0000')));
  for (const [e, synth] of synths.entries()) {
    throwIfAborted(opts.signal);
    const scored = await analyseTextExperiment({ ...real, vectors: realEmb.vectors }, { ...synth, vectors: synthEmb[e].vectors }, req.synthetic[e], thresholds, run, { ...opts, sharedRows });
    experiments.push(scored.experiment);
    kept.push(scored.samples);
  }
  const comparisons = await runComparisons(kept, settings, opts);
  // The real-vs-real reference is not one of the user's scores: it is computed after the headline
  // (issue 17), which says already when none will come (the real set too small to halve).
  const classes = real.samples.map((s) => s.className);
  const referenceSkipped = referenceWarning(real.samples.length, classes, settings);
  if (referenceSkipped) { warnings.push(referenceSkipped); opts.onWarning?.(referenceSkipped); }
  let reference: Experiment | null = null;
  const { manifest } = env.embedder;
  const envelope = () => reportEnvelope('text', {
    model: { id: manifest.id, version: manifest.version, dimension: manifest.output.dimension },
    settings,
    real: { path: req.real, count: real.samples.length, classes: real.classes },
    experiments,
    skipped: [...real.skipped, ...(holdout?.skipped ?? [])],
    embedding: embeddingCounts(embedded),
    comparisons,
    ...(reference ? { reference } : {}),
  }, warnings);
  // The headline (scores and comparisons) goes out first; the reference, the map and the panel after.
  opts.onHeadline?.(headlineOf(envelope()));
  if (!referenceSkipped) {
    // Same embeddings, same thresholds; the headline goes out again with its row.
    ({ reference } = await computeReference(real.samples.length, classes, settings, opts, async (h, named, onProgress) => {
      const half = (rows: number[]): TextSide => ({ samples: rows.map((i) => real.samples[i]), vectors: pickRows(realEmb.vectors, dim, rows), skipped: [] });
      return (await analyseTextExperiment(half(h.a), half(h.b), { name: named.name, path: req.real }, thresholds, run, { ...opts, onProgress })).experiment;
    }));
    if (reference) opts.onHeadline?.(headlineOf(envelope()));
  }
  // The maps are drawn after the scores are shown (issue 17): they never hold the scores up.
  if (req.map) {
    for (const [e, synth] of synths.entries()) {
      await textExperimentMap(experiments[e], { ...real, vectors: realEmb.vectors }, { ...synth, vectors: synthEmb[e].vectors }, { map: req.map, seed: settings.seed, dim, gemm: env.gemm }, opts);
    }
  }
  const panelWarnings = await runPanels({
    real: realEmb.vectors, classes: real.samples.map((s) => s.className), dim, gemm: env.gemm, seed: settings.seed,
    signal: opts.signal, onProgress: opts.onProgress, holdout: holdoutEmb?.vectors,
    experiments: experiments.map((experiment, e) => ({ experiment, synthetic: synthEmb[e].vectors })),
    reference,
  });
  panelWarnings.forEach((w) => { warnings.push(w); opts.onWarning?.(w); });
  return envelope();
}
