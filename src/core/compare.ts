// Paired comparison of two experiments scored against the SAME real set (docs/uncertainty.md §3):
// for each of the four scores, the difference B − A with a 95% interval and a plain verdict.
// - unrealistic, unrepresentative: a bootstrap in which the real rows are drawn ONCE for both
//   experiments (paired by row identity: both detectors scored the same real rows, so their
//   real-side errors are correlated) and each synthetic set on its own; the percentile interval of
//   B − A is then widened by both experiments' refitting noise (independent fits).
// - unvaried, unoriginal: fractions of two independent synthetic sets; Newcombe's hybrid score
//   interval (method 10, Newcombe 1998) built from the two Wilson intervals.
import { type RepeatScores, repeatScores, quantileSorted, refitHalfWidth, widenInterval, wilson } from './intervals.ts';
import { createRng } from './random.ts';
import type { Comparison, Estimate, ScoreName } from '../report/schema.ts';
export type { Comparison, ScoreName };
export const SCORE_NAMES: readonly ScoreName[] = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'];

/** What the engine keeps per experiment so two experiments' classifier scores can be compared. */
export interface ClassifierSamples {
  /** Per row: the repeat-averaged out-of-fold p. */
  p: Float64Array;
  isSynthetic: Uint8Array;
  /** Per row: its identity (path or content key). Real rows are paired across experiments by it. */
  rowIds: readonly string[];
  /** Each classifier score on each repeat's p alone: the refitting noise. */
  repeats: RepeatScores;
}

export interface ExperimentSamples {
  name: string;
  classifier: ClassifierSamples;
  /** Synthetic rows, and those in unvaried / unoriginal sets (the report's counts). */
  counts: { synthetic: number; unvariedRows: number; unoriginalRows: number };
}

/** The samples of one experiment from crossValidate's result (p and pPerRepeat). */
export function classifierSamples(cv: { p: Float64Array; pPerRepeat?: readonly ArrayLike<number>[] }, isSynthetic: Uint8Array, rowIds: readonly string[]): ClassifierSamples {
  if (rowIds.length !== cv.p.length || isSynthetic.length !== cv.p.length) throw new RangeError('rowIds and isSynthetic need one entry per row');
  const repeats = cv.pPerRepeat && cv.pPerRepeat.length > 0 ? repeatScores(cv.pPerRepeat, isSynthetic) : repeatScores([cv.p], isSynthetic);
  return { p: cv.p, isSynthetic, rowIds, repeats };
}

export interface CompareOptions {
  bootstrap?: number; // default 1000
  seed?: number;
}

/** B − A for each of the four scores, B named second ("b: unrealistic lower than a by …"). */
export function compareExperiments(a: ExperimentSamples, b: ExperimentSamples, opts: CompareOptions = {}): Comparison[] {
  const cls = classifierDifferences(a.classifier, b.classifier, opts);
  return SCORE_NAMES.map((score) => {
    const difference = score === 'unrealistic' || score === 'unrepresentative' ? cls[score] : fractionDifference(a.counts, b.counts, score === 'unvaried' ? 'unvariedRows' : 'unoriginalRows');
    return verdictOf(score, a.name, b.name, difference);
  });
}

/** Every pair (i < j) of experiments, each as "j against i". */
export function compareAll(experiments: readonly ExperimentSamples[], opts: CompareOptions = {}): Comparison[] {
  const out: Comparison[] = [];
  for (let i = 0; i < experiments.length; i++) for (let j = i + 1; j < experiments.length; j++) out.push(...compareExperiments(experiments[i], experiments[j], opts));
  return out;
}

export function verdictOf(score: ScoreName, a: string, b: string, difference: { value: number; lo: number; hi: number }): Comparison {
  const f = (v: number) => v.toFixed(2);
  const verdict = difference.lo > 0 ? 'higher' : difference.hi < 0 ? 'lower' : 'no difference detected';
  const { value, lo, hi } = difference;
  const text = verdict === 'higher' ? `${b}: ${score} higher than ${a} by ${f(value)} [${f(lo)}, ${f(hi)}]`
    : verdict === 'lower' ? `${b}: ${score} lower than ${a} by ${f(-value)} [${f(-hi)}, ${f(-lo)}]`
      : `${b}: no difference detected in ${score} against ${a} (${value >= 0 ? '+' : ''}${f(value)} [${f(lo)}, ${f(hi)}])`;
  return { score, a, b, difference, verdict, text };
}

/** Newcombe's hybrid score interval for p_B − p_A from the two Wilson intervals. */
export function newcombeDifference(kA: number, nA: number, kB: number, nB: number): { value: number; lo: number; hi: number } {
  const ea = wilson(kA, nA), eb = wilson(kB, nB);
  const value = eb.value - ea.value;
  const lo = value - Math.sqrt((eb.value - eb.lo) ** 2 + (ea.hi - ea.value) ** 2);
  const hi = value + Math.sqrt((eb.hi - eb.value) ** 2 + (ea.value - ea.lo) ** 2);
  return { value, lo: Math.min(value, lo), hi: Math.max(value, hi) };
}

function fractionDifference(a: ExperimentSamples['counts'], b: ExperimentSamples['counts'], key: 'unvariedRows' | 'unoriginalRows') {
  return newcombeDifference(a[key], a.synthetic, b[key], b.synthetic);
}

type Diff = { value: number; lo: number; hi: number };

function classifierDifferences(a: ClassifierSamples, b: ClassifierSamples, opts: CompareOptions): Record<'unrealistic' | 'unrepresentative', Diff> {
  const B = opts.bootstrap ?? 1000, rng = createRng(opts.seed ?? 0);
  const side = (s: ClassifierSamples, want: number) => { const out: number[] = []; s.isSynthetic.forEach((v, i) => { if (v === want) out.push(i); }); return out; };
  const synthA = side(a, 1), synthB = side(b, 1), realA = side(a, 0), realB = side(b, 0);
  // Real rows present in both experiments are drawn together; any others on their own.
  const indexB = new Map(realB.map((i) => [b.rowIds[i], i]));
  const paired: [number, number][] = [], onlyA: number[] = [], seenB = new Set<number>();
  for (const i of realA) {
    const j = indexB.get(a.rowIds[i]);
    if (j === undefined) onlyA.push(i);
    else { paired.push([i, j]); seenB.add(j); }
  }
  const onlyB = realB.filter((j) => !seenB.has(j));
  const cA = new Uint32Array(a.p.length), cB = new Uint32Array(b.p.length);
  const scores = (s: ClassifierSamples, synth: number[], real: number[], c?: Uint32Array) => {
    let s1 = 0, w1 = 0, s0 = 0, w0 = 0;
    for (const i of synth) { const w = c ? c[i] : 1; s1 += w * s.p[i]; w1 += w; }
    for (const i of real) { const w = c ? c[i] : 1; s0 += w * (1 - s.p[i]); w0 += w; }
    return { unrealistic: s1 / w1, unrepresentative: s0 / w0 };
  };
  const pointA = scores(a, synthA, realA), pointB = scores(b, synthB, realB);
  const draws = { unrealistic: new Float64Array(B), unrepresentative: new Float64Array(B) };
  const drawInto = (c: Uint32Array, rows: number[]) => { for (let t = 0; t < rows.length; t++) c[rows[rng.int(rows.length)]]++; };
  for (let r = 0; r < B; r++) {
    cA.fill(0);
    cB.fill(0);
    for (let t = 0; t < paired.length; t++) { const [i, j] = paired[rng.int(paired.length)]; cA[i]++; cB[j]++; }
    drawInto(cA, onlyA);
    drawInto(cB, onlyB);
    drawInto(cA, synthA);
    drawInto(cB, synthB);
    const sa = scores(a, synthA, realA, cA), sb = scores(b, synthB, realB, cB);
    draws.unrealistic[r] = sb.unrealistic - sa.unrealistic;
    draws.unrepresentative[r] = sb.unrepresentative - sa.unrepresentative;
  }
  const interval = (k: 'unrealistic' | 'unrepresentative'): Diff => {
    const value = pointB[k] - pointA[k];
    const sorted = draws[k].sort();
    const e: Estimate = { value, lo: B > 0 ? Math.min(value, quantileSorted(sorted, 0.025)) : value, hi: B > 0 ? Math.max(value, quantileSorted(sorted, 0.975)) : value, n: 0, method: 'bootstrap' };
    const refit = Math.hypot(refitHalfWidth(a.repeats[k]), refitHalfWidth(b.repeats[k]));
    const w = widenInterval(e, refit, [-1, 1]);
    return { value, lo: w.lo, hi: w.hi };
  };
  return { unrealistic: interval('unrealistic'), unrepresentative: interval('unrepresentative') };
}
