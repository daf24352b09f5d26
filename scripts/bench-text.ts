// Text figures in Node: tokenizer throughput, texts/s embedded (onnxruntime-node; short one-liners
// and ~128-token texts), and the text copy signal (shingle vectors, cosine kNN with k = 10 by the
// onnxruntime-node GEMM, exact Jaccard; pairs below the uncalibrated 0.2) on 10,000 texts: the kNN
// is quadratic in the number of texts, so 10,000 keeps the run short (--copy-signal changes it).
//   npx tsx scripts/bench-text.ts [--copy-signal 10000]
import { readFile } from 'node:fs/promises';
import { DEFAULT_TEXT_MODEL_DIR } from '../src/cli/node-text-env.ts';
import { createOrtGemm, createTextEmbedder } from '../src/models/ort-node.ts';
import { JOKES_FILE } from './bench-text-corpus.ts';
import { formatCopySignal, measureText } from './bench-text-measure.ts';

const i = process.argv.indexOf('--copy-signal');
const COPY_SIGNAL_N = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
const jokes: string[] = JSON.parse(await readFile(JOKES_FILE, 'utf8')).map((j: { body: string }) => j.body);

const embedder = await createTextEmbedder(DEFAULT_TEXT_MODEL_DIR);
const f = await measureText(embedder, jokes, { copySignal: { n: COPY_SIGNAL_N, gemm: createOrtGemm() } });
await embedder.release();

const summary = [
  `tokenizer: ${f.tokenizer.textsPerSec.toFixed(0)} texts/s, ${f.tokenizer.tokensPerSec.toFixed(0)} tokens/s`,
  `embed short (one-liners): ${f.embed.short.toFixed(1)} texts/s (onnxruntime-node)`,
  `embed long (~128 tokens): ${f.embed.long.toFixed(1)} texts/s (onnxruntime-node)`,
  ...(f.copySignal ? [`${formatCopySignal(f.copySignal)} (onnxruntime-node GEMM)`] : []),
];
for (const s of summary) console.log(s);
console.log(`SUMMARY ${JSON.stringify(summary)}`);
