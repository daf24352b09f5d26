// The text run: read every set (real once), embed each distinct text once (cache by model id +
// text hash when a cache is given), then analyse real ∪ synthetic_i per experiment with the text
// rules and assemble the Report (modality 'text'; Experiment.text holds the text extras).
import { REPORT_VERSION, type Experiment, type Report, type RowScore, type SkippedItem, type ThresholdInfo } from '../../core/report.ts';
import { throwIfAborted } from '../../core/errors.ts';
import type { Gemm } from '../../core/gemm.ts';
import { nearestDistance } from '../../core/knn.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { MIN_ROWS_PER_SIDE } from '../../core/analyse.ts';
import { analyseText, type TextFeatures } from '../../core/text/analyse-text.ts';
import { MINHASH_DEFAULTS } from '../../core/text/minhash.ts';
import { fnv1a } from '../../core/text/hash.ts';
import type { TextModelManifest } from '../../models/manifest.ts';
import type { VectorCache } from '../../storage/vector-cache.ts';
import { InputError } from '../../ingest/types.ts';
import type { TextSet, TextSetOptions } from '../../ingest/text-set.ts';
import type { ThresholdChoice } from '../experiment.ts';
import { mapOfVectors } from '../experiment-map.ts';

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
}

export interface TextEmbedderLike {
  manifest: TextModelManifest;
  embed(texts: readonly string[]): Promise<Float32Array>;
}

export interface TextPipelineEnv {
  readTextSet(path: string, side: 'real' | 'synthetic', opts: TextSetOptions): Promise<TextSet>;
  embedder: TextEmbedderLike;
  gemm: Gemm;
  /** Optional vector cache (keys are 'text:' + model id + text hash). */
  cache?: VectorCache;
}

export interface TextScoreOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  onSkipped?: (s: SkippedItem) => void;
  onWarning?: (w: string) => void;
}

/** 64-bit hex hash of a text (two FNV-1a passes): cache keys. Exact duplicates compare full texts. */
export function textHash(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0') + fnv1a(`\u0001${s}`).toString(16).padStart(8, '0') + s.length.toString(16);
}

const EMBED_BATCH = 64;

export async function embedTexts(texts: readonly string[], env: TextPipelineEnv, stage: string, opts: TextScoreOptions): Promise<{ vectors: Float32Array; embedded: number; fromCache: number }> {
  const { manifest } = env.embedder;
  const dim = manifest.output.dimension;
  const vectors = new Float32Array(texts.length * dim);
  let embedded = 0, fromCache = 0;
  opts.onProgress?.({ status: 'initiate', stage, total: texts.length });
  for (let s = 0; s < texts.length; s += EMBED_BATCH) {
    throwIfAborted(opts.signal);
    const idx = Array.from({ length: Math.min(EMBED_BATCH, texts.length - s) }, (_, i) => s + i);
    const keys = idx.map((i) => `text:${manifest.id}:${textHash(texts[i])}`);
    const miss: number[] = [];
    for (const [j, i] of idx.entries()) {
      const hit = env.cache ? await env.cache.get(keys[j]) : undefined;
      if (hit && hit.vector.length === dim) { vectors.set(hit.vector, i * dim); fromCache++; } else miss.push(j);
    }
    if (miss.length) {
      const y = await env.embedder.embed(miss.map((j) => texts[idx[j]]));
      miss.forEach((j, r) => vectors.set(y.subarray(r * dim, (r + 1) * dim), idx[j] * dim));
      embedded += miss.length;
      await env.cache?.putMany(miss.map((j, r) => ({ fileHash: keys[j], value: { vector: y.slice(r * dim, (r + 1) * dim), pixelHash: keys[j] } })));
    }
    opts.onProgress?.({ status: 'progress', stage, done: s + idx.length, total: texts.length });
  }
  opts.onProgress?.({ status: 'done', stage, done: texts.length, total: texts.length });
  return { vectors, embedded, fromCache };
}

function requireRows(sides: { n: number; side: string; path: string }[]): void {
  const problems = sides.filter((s) => s.n < MIN_ROWS_PER_SIDE).map(({ n, side, path }) =>
    n === 0 ? `The ${side} set "${path}" has no usable texts.` : `The ${side} set "${path}" has only ${n} usable texts; at least ${MIN_ROWS_PER_SIDE} are needed per side.`);
  if (problems.length) throw new InputError(problems.join('\n'));
}

function thresholdInfo(choice: ThresholdChoice, tau: number, manifestTau: number): ThresholdInfo {
  if (choice.kind === 'user') return { value: tau, source: 'user', note: 'set with --threshold' };
  if (choice.kind === 'relative') return { value: tau, source: 'relative', note: "Cleanlab's relative rule: 0.13 × median nearest-neighbour distance (fails when most rows are copies)" };
  return { value: manifestTau, source: 'manifest', note: "the model's calibrated default (MinHash 5-gram Jaccard ≥ 0.8 also joins)" };
}

export async function scoreText(req: TextScoreRequest, env: TextPipelineEnv, opts: TextScoreOptions = {}): Promise<Report> {
  const settings = { folds: req.folds ?? 5, k: req.k ?? 10, seed: req.seed ?? 0, bootstrap: req.bootstrap ?? 1000 };
  if (req.synthetic.length === 0) throw new InputError('No synthetic set given.');
  const readOpts: TextSetOptions = { textField: req.textField, textColumn: req.textColumn, labelColumn: req.labelColumn, signal: opts.signal };
  opts.onProgress?.({ status: 'initiate', stage: 'read' });
  const real = await env.readTextSet(req.real, 'real', readOpts);
  const synths: TextSet[] = [];
  for (const s of req.synthetic) synths.push(await env.readTextSet(s.path, 'synthetic', readOpts));
  opts.onProgress?.({ status: 'done', stage: 'read' });
  const warnings = [real, ...synths].flatMap((s) => s.warnings);
  warnings.forEach((w) => opts.onWarning?.(w));
  [real, ...synths].flatMap((s) => s.skipped).forEach((s) => opts.onSkipped?.(s));
  requireRows([{ n: real.samples.length, side: 'real', path: req.real }, ...synths.map((s, i) => ({ n: s.samples.length, side: 'synthetic', path: req.synthetic[i].path }))]);

  const dim = env.embedder.manifest.output.dimension;
  const realEmb = await embedTexts(real.samples.map((s) => s.text), env, 'embed real', opts);
  const synthEmb = [];
  for (const [i, s] of synths.entries()) synthEmb.push(await embedTexts(s.samples.map((x) => x.text), env, `embed ${req.synthetic[i].name}`, opts));

  const manifestTau = env.embedder.manifest.nearDuplicateThreshold.value;
  const experiments: Experiment[] = [];
  for (const [e, synth] of synths.entries()) {
    throwIfAborted(opts.signal);
    const named = req.synthetic[e];
    const samples = [...real.samples, ...synth.samples];
    const n = samples.length, nr = real.samples.length;
    const embeddings = new Float32Array(n * dim);
    embeddings.set(realEmb.vectors, 0);
    embeddings.set(synthEmb[e].vectors, nr * dim);
    const isSynthetic = new Uint8Array(n).fill(1, nr);
    const texts = samples.map((s) => s.text);
    const withClasses = samples.every((s) => s.className !== null);
    const tau = req.threshold.kind === 'user' ? req.threshold.value : req.threshold.kind === 'relative' ? 'relative' : manifestTau;
    const r = await analyseText({
      embeddings, n, dim, texts, isSynthetic,
      hashes: texts.map((t) => t.trim()), // exact duplicates: identical text after trimming
      classes: withClasses ? samples.map((s) => s.className) : null,
      tau, features: req.features, ...settings, gemm: env.gemm, signal: opts.signal,
      onProgress: (ev) => opts.onProgress?.({ ...ev, stage: `${named.name}: ${ev.stage}` }),
    });
    const rows: RowScore[] = samples.map((s, i) => ({
      path: s.path,
      side: isSynthetic[i] ? 'synthetic' : 'real',
      ...(s.className !== null ? { className: s.className } : {}),
      p: r.p[i],
      labelIssue: r.labelIssue[i],
      nearDuplicateSet: r.nearDuplicates.setIdPerRow[i],
      nearestDistance: nearestDistance(r.graph, i),
    }));
    const ex: Experiment = {
      name: named.name,
      syntheticPath: named.path,
      scores: r.scores,
      auc: r.auc,
      detectability: r.detectability,
      threshold: thresholdInfo(req.threshold, r.tau, manifestTau),
      counts: r.counts,
      classes: r.classes,
      rows,
      nearDuplicateSets: r.nearDuplicates.sets,
      skipped: synth.skipped,
      timings: r.timings,
      text: {
        features: r.classifier.features,
        featureDim: r.classifier.dim,
        pairs: r.nearDuplicates.pairs,
        reasonCounts: r.nearDuplicates.reasonCounts,
        minhash: { shingle: MINHASH_DEFAULTS.shingle, threshold: MINHASH_DEFAULTS.threshold, bands: MINHASH_DEFAULTS.bands, rows: MINHASH_DEFAULTS.rows, normalisation: 'NFKC, lower case, whitespace runs → one space' },
        findings: r.findings,
        texts,
      },
    };
    if (req.map) await mapOfVectors(ex, embeddings, dim, isSynthetic, env.gemm, { ...req.map, seed: settings.seed, signal: opts.signal, onProgress: opts.onProgress });
    experiments.push(ex);
  }
  const { manifest } = env.embedder;
  return {
    version: REPORT_VERSION,
    tool: 'synthscore',
    createdAt: new Date().toISOString(),
    modality: 'text',
    model: { id: manifest.id, version: manifest.version, dimension: manifest.output.dimension },
    settings,
    real: { path: req.real, count: real.samples.length, classes: real.classes },
    experiments,
    skipped: real.skipped,
    embedding: { embedded: realEmb.embedded + synthEmb.reduce((a, s) => a + s.embedded, 0), fromCache: realEmb.fromCache + synthEmb.reduce((a, s) => a + s.fromCache, 0) },
    ...(warnings.length ? { warnings } : {}),
  };
}
