// Text figures in Node: tokenizer throughput, texts/s embedded (onnxruntime-node; short one-liners
// and ~128-token texts), and MinHash near-duplicate search on 50,000 texts.
//   npx tsx scripts/bench-text.ts [--minhash 50000]
import { readFile } from 'node:fs/promises';
import { DEFAULT_TEXT_MODEL_DIR } from '../src/cli/node-text-env.ts';
import { createTextEmbedder } from '../src/models/ort-node.ts';
import { JOKES_FILE } from './bench-text-corpus.ts';
import { measureText } from './bench-text-measure.ts';

const i = process.argv.indexOf('--minhash');
const MINHASH_N = i >= 0 ? Number(process.argv[i + 1]) : 50_000;
const jokes: string[] = JSON.parse(await readFile(JOKES_FILE, 'utf8')).map((j: { body: string }) => j.body);

const embedder = await createTextEmbedder(DEFAULT_TEXT_MODEL_DIR);
const f = await measureText(embedder, jokes, { minhash: MINHASH_N });
await embedder.release();

const summary = [
  `tokenizer: ${f.tokenizer.textsPerSec.toFixed(0)} texts/s, ${f.tokenizer.tokensPerSec.toFixed(0)} tokens/s`,
  `embed short (one-liners): ${f.embed.short.toFixed(1)} texts/s (onnxruntime-node)`,
  `embed long (~128 tokens): ${f.embed.long.toFixed(1)} texts/s (onnxruntime-node)`,
  `minhash on ${f.minhash!.n} texts: ${f.minhash!.seconds.toFixed(1)} s, ${f.minhash!.pairs} pairs found, ${f.minhash!.planted} planted`,
];
for (const s of summary) console.log(s);
console.log(`SUMMARY ${JSON.stringify(summary)}`);
