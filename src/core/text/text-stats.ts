// Extra findings for text (issue 4): length distribution per set, vocabulary richness
// (distinct-1/2 = unique word uni/bigrams ÷ all uni/bigrams) and the phrases synthetic text
// over-uses relative to real text: word 1–3-grams ranked by the log-odds ratio with an informative
// Dirichlet prior (Monroe, Colaresi & Quinn 2008), z-scored; prior = both sets pooled, strength α0.

// Output types that go into the report as they are: declared once, in the report's schema.
import type { LengthSummary, OverusedPhrase, TextFindings } from '../../report/schema.ts';
export type { LengthSummary, OverusedPhrase, TextFindings };

export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[!?]+|[\p{Extended_Pictographic}]/gu) ?? [];
}

const HIST_UPPER = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, Infinity];

function quant(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function lengthSummary(texts: readonly string[]): LengthSummary {
  const c = texts.map((t) => t.length).sort((a, b) => a - b);
  const w = texts.map((t) => words(t).length).sort((a, b) => a - b);
  const sum = (a: number[]) => ({ mean: a.reduce((x, y) => x + y, 0) / Math.max(1, a.length), p05: quant(a, 0.05), median: quant(a, 0.5), p95: quant(a, 0.95) });
  const counts = HIST_UPPER.map(() => 0);
  for (const x of w) counts[HIST_UPPER.findIndex((u) => x <= u)]++;
  return { n: texts.length, chars: sum(c), words: sum(w), histogram: { upper: HIST_UPPER.slice(0, -1).concat([Number.MAX_SAFE_INTEGER]), counts } };
}

export function distinctN(texts: readonly string[]): { d1: number; d2: number } {
  const u1 = new Set<string>(), u2 = new Set<string>();
  let t1 = 0, t2 = 0;
  for (const t of texts) {
    const w = words(t);
    for (let i = 0; i < w.length; i++) {
      u1.add(w[i]); t1++;
      if (i + 1 < w.length) { u2.add(`${w[i]} ${w[i + 1]}`); t2++; }
    }
  }
  return { d1: t1 ? u1.size / t1 : 0, d2: t2 ? u2.size / t2 : 0 };
}

function ngramCounts(texts: readonly string[], maxN: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) {
    const w = words(t);
    for (let n = 1; n <= maxN; n++)
      for (let i = 0; i + n <= w.length; i++) { const g = w.slice(i, i + n).join(' '); m.set(g, (m.get(g) ?? 0) + 1); }
  }
  return m;
}

export function overusedPhrases(real: readonly string[], synthetic: readonly string[], opts: { top?: number; maxN?: number; minCount?: number; alpha0?: number } = {}): OverusedPhrase[] {
  const top = opts.top ?? 20, maxN = opts.maxN ?? 3, minCount = opts.minCount ?? 3, alpha0 = opts.alpha0 ?? 500;
  const cs = ngramCounts(synthetic, maxN), cr = ngramCounts(real, maxN);
  let ns = 0, nr = 0;
  for (const v of cs.values()) ns += v;
  for (const v of cr.values()) nr += v;
  const total = ns + nr;
  const out: OverusedPhrase[] = [];
  for (const [g, ys] of cs) {
    if (ys < minCount) continue;
    const yr = cr.get(g) ?? 0;
    const a = alpha0 * (ys + yr) / total; // prior from the pooled counts
    const lS = Math.log((ys + a) / (ns + alpha0 - ys - a)), lR = Math.log((yr + a) / (nr + alpha0 - yr - a));
    const delta = lS - lR;
    const z = delta / Math.sqrt(1 / (ys + a) + 1 / (yr + a));
    if (delta > 0) out.push({ phrase: g, synthetic: ys, real: yr, logOdds: delta, z });
  }
  return out.sort((p, q) => q.z - p.z || (p.phrase < q.phrase ? -1 : 1)).slice(0, top);
}

export function textFindings(real: readonly string[], synthetic: readonly string[]): TextFindings {
  return {
    length: { real: lengthSummary(real), synthetic: lengthSummary(synthetic) },
    distinct: { real: distinctN(real), synthetic: distinctN(synthetic) },
    overused: overusedPhrases(real, synthetic),
  };
}
