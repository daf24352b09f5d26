// The text run: read every set (real once), embed each distinct text once (cache by model id +
// text hash when a cache is given), then analyse real ∪ synthetic_i per experiment with the text
// rules and assemble the Report (modality 'text'; Experiment.text holds the text extras).
import type { Experiment, Report, SkippedItem } from '../../report/schema.ts';
import { throwIfAborted } from '../../core/errors.ts';
import type { Gemm } from '../../core/gemm.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { analyseText, type TextFeatures } from '../../core/text/analyse-text.ts';
import { thresholdsInForce } from '../../core/calibrate-signals.ts';
import { TEXT_COPY_SIGNAL } from '../../core/text/copy-signal.ts';
import { TEXT_COPY_DEFAULT, TEXT_COPY_MEASURE } from '../../core/text/text-copy-signal.ts';
import type { TextEmbedder } from '../../contracts/embedders.ts';
import { damagedCacheWarnings, validatedCache, type VectorCache } from '../../storage/vector-cache.ts';
import type { TextSet, TextSetOptions } from '../../ingest/text-set.ts';
import { textHash } from '../content-hash.ts';
import { embeddingCounts, nearestInGraph, reportEnvelope, requireRows, requireSynthetic, rowScores, settingsOf, type ThresholdChoice } from '../assemble.ts';
import { calibrateTexts } from './calibrate.ts';
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

export interface TextPipelineEnv {
  readTextSet(path: string, side: 'real' | 'synthetic', opts: TextSetOptions): Promise<TextSet>;
  embedder: TextEmbedder;
  gemm: Gemm;
  /** Optional vector cache, opened for this model (keys: textHash). */
  cache?: VectorCache;
}

export interface TextScoreOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  onSkipped?: (s: SkippedItem) => void;
  onWarning?: (w: string) => void;
}

const EMBED_BATCH = 64;

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

/** Embeds a set's texts (cache hits first); `truncated`: how many were longer than the embedder
 *  reads of a text (their head was embedded). Cached vectors are taken as they are: scoreText
 *  hands in a validated cache. */
export async function embedTexts(texts: readonly string[], env: TextPipelineEnv, stage: string, opts: TextScoreOptions): Promise<{ vectors: Float32Array; embedded: number; fromCache: number; truncated: number }> {
  const { manifest } = env.embedder;
  const dim = manifest.output.dimension;
  const vectors = new Float32Array(texts.length * dim);
  let embedded = 0, fromCache = 0;
  opts.onProgress?.({ status: 'initiate', stage, total: texts.length });
  for (let s = 0; s < texts.length; s += EMBED_BATCH) {
    throwIfAborted(opts.signal);
    const idx = Array.from({ length: Math.min(EMBED_BATCH, texts.length - s) }, (_, i) => s + i);
    const keys = await Promise.all(idx.map((i) => textHash(texts[i])));
    const miss: number[] = [];
    for (const [j, i] of idx.entries()) {
      const hit = env.cache ? await env.cache.get(keys[j]) : undefined;
      if (hit) { vectors.set(hit.vector, i * dim); fromCache++; } else miss.push(j);
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
  return { vectors, embedded, fromCache, truncated: env.embedder.truncation?.count(texts) ?? 0 };
}

export async function scoreText(req: TextScoreRequest, platformEnv: TextPipelineEnv, opts: TextScoreOptions = {}): Promise<Report> {
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
  opts.onProgress?.({ status: 'done', stage: 'read' });
  const warnings = [real, ...synths].flatMap((s) => s.warnings);
  warnings.forEach((w) => opts.onWarning?.(w));
  [real, ...synths].flatMap((s) => s.skipped).forEach((s) => opts.onSkipped?.(s));
  requireRows([{ n: real.samples.length, side: 'real', path: req.real }, ...synths.map((s, i) => ({ n: s.samples.length, side: 'synthetic', path: req.synthetic[i].path }))], 'usable texts');

  const realEmb = await embedTexts(real.samples.map((s) => s.text), env, 'embed real', opts);
  const synthEmb = [];
  for (const [i, s] of synths.entries()) synthEmb.push(await embedTexts(s.samples.map((x) => x.text), env, `embed ${req.synthetic[i].name}`, opts));
  const embedWarnings = [
    ...truncationWarnings([realEmb, ...synthEmb].reduce((n, e) => n + e.truncated, 0), env.embedder.truncation?.maxTokens ?? 0),
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
  for (const [e, synth] of synths.entries()) {
    throwIfAborted(opts.signal);
    const named = req.synthetic[e];
    const samples = [...real.samples, ...synth.samples];
    const n = samples.length, nr = real.samples.length;
    const embeddings = new Float32Array(n * dim);
    embeddings.set(realEmb.vectors, 0);
    embeddings.set(synthEmb[e].vectors, nr * dim);
    const isSynthetic = new Uint8Array(n).fill(1, nr);
    // The statistics, the copy signal and the report's copy see a text's head (memory flat in its length);
    // exact duplicates compare the whole text.
    const texts = samples.map((s) => headOfText(s.text));
    const withClasses = samples.every((s) => s.className !== null);
    const r = await analyseText({
      embeddings, n, dim, texts, isSynthetic,
      hashes: samples.map((s) => s.text.trim()), // exact duplicates: identical text after trimming
      classes: withClasses ? samples.map((s) => s.className) : null,
      tau: thresholds.tau, copyThreshold: thresholds.copyThreshold, features: req.features, ...settings, gemm: env.gemm, signal: opts.signal,
      onProgress: (ev) => opts.onProgress?.({ ...ev, stage: `${named.name}: ${ev.stage}` }),
    });
    const ex: Experiment = {
      name: named.name,
      syntheticPath: named.path,
      scores: r.scores,
      auc: r.auc,
      detectability: r.detectability,
      threshold: thresholds.describe(r.tau),
      counts: r.counts,
      classes: r.classes,
      rows: rowScores(samples, isSynthetic, { ...r, setIdPerRow: r.nearDuplicates.setIdPerRow, nearest: nearestInGraph(r.graph) }),
      nearDuplicateSets: r.nearDuplicates.sets,
      pairs: r.nearDuplicates.pairs,
      reasonCounts: r.nearDuplicates.reasonCounts,
      skipped: synth.skipped,
      timings: r.timings,
      text: {
        features: r.classifier.features,
        featureDim: r.classifier.dim,
        shingles: { size: TEXT_COPY_SIGNAL.shingle, normalisation: 'NFKC, lower case, punctuation removed, whitespace runs → one space' },
        findings: r.findings,
        texts,
      },
    };
    if (req.map) await mapOfVectors(ex, embeddings, dim, isSynthetic, env.gemm, { ...req.map, seed: settings.seed, signal: opts.signal, onProgress: opts.onProgress });
    experiments.push(ex);
  }
  const { manifest } = env.embedder;
  return reportEnvelope('text', {
    model: { id: manifest.id, version: manifest.version, dimension: manifest.output.dimension },
    settings,
    real: { path: req.real, count: real.samples.length, classes: real.classes },
    experiments,
    skipped: real.skipped,
    embedding: embeddingCounts([realEmb, ...synthEmb]),
  }, warnings);
}
