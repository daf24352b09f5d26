// Text figures in Node: tokenizer throughput, texts/s embedded (onnxruntime-node; short one-liners
// and ~128-token texts), and MinHash near-duplicate search on 50,000 texts.
//   npx tsx scripts/bench-text.ts [--minhash 50000]
import { readFile } from 'node:fs/promises';
import { minhashPairs } from '../src/core/text/minhash.ts';
import { createRng } from '../src/core/random.ts';
import { DEFAULT_TEXT_MODEL_DIR } from '../src/cli/node-text-env.ts';
import { createTextEmbedder } from '../src/models/ort-node-text.ts';

const i = process.argv.indexOf('--minhash');
const MINHASH_N = i >= 0 ? Number(process.argv[i + 1]) : 50_000;
const jokes: string[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8')).map((j: { body: string }) => j.body);
const long = Array.from({ length: 256 }, (_, k) => Array.from({ length: 6 }, (_, j) => jokes[(k * 7 + j * 13) % jokes.length]).join(' '));
const summary: string[] = [];
const rate = (n: number, ms: number) => (n / ms) * 1000;

const embedder = await createTextEmbedder(DEFAULT_TEXT_MODEL_DIR);
// Tokenizer alone, over every joke, a few passes.
let tokens = 0;
const t0 = performance.now();
for (let pass = 0; pass < 5; pass++) for (const s of jokes) tokens += embedder.tokenizer.encode(s).length;
const tokMs = performance.now() - t0;
summary.push(`tokenizer: ${rate(5 * jokes.length, tokMs).toFixed(0)} texts/s, ${rate(tokens, tokMs).toFixed(0)} tokens/s`);

for (const [name, texts] of [['short (one-liners)', jokes.slice(0, 1024)], ['long (~128 tokens)', long]] as const) {
  await embedder.embed(texts.slice(0, 32)); // warm-up
  const t = performance.now();
  await embedder.embed(texts);
  summary.push(`embed ${name}: ${rate(texts.length, performance.now() - t).toFixed(1)} texts/s (onnxruntime-node)`);
}
await embedder.release();

// MinHash: 50,000 texts built from jokes, 1% of them light edits of another.
const rng = createRng(1);
// Three random jokes per text: distinct texts that still share phrases, as a real corpus does.
const corpus = Array.from({ length: MINHASH_N }, () => [0, 1, 2].map(() => jokes[rng.int(jokes.length)]).join(' '));
const planted = Math.round(MINHASH_N / 100);
for (let k = 0; k < planted; k++) corpus[MINHASH_N - 1 - k] = corpus[rng.int(MINHASH_N - planted)].replace(/\s+/g, '  ').toUpperCase();
const t1 = performance.now();
const pairs = minhashPairs(corpus);
summary.push(`minhash on ${MINHASH_N} texts: ${((performance.now() - t1) / 1000).toFixed(1)} s, ${pairs.length} pairs found, ${planted} planted`);

for (const s of summary) console.log(s);
console.log(`SUMMARY ${JSON.stringify(summary)}`);
