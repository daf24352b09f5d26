// Text figures in headless Debian Chromium (onnxruntime-web, WASM), next to the same figures in
// Node measured in this process: tokenizer throughput, texts/s embedded (short one-liners and
// ~128-token texts) with WASM threads and with one thread, and the text copy signal (shingle
// vectors, cosine kNN with k = 10 by the onnxruntime GEMM, exact Jaccard; pairs below the
// uncalibrated 0.2) on 10,000 texts: the kNN is quadratic in the number of texts, so 10,000 keeps
// the run short (--copy-signal changes it). The same measuring code (bench-text-measure.ts) runs on
// both sides, on the one-liner-joke corpus. The page is a small Vite build of that code, served
// with the app's COOP/COEP/CSP headers.
//   npx tsx scripts/bench-browser-text.ts [--copy-signal 10000]
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type Plugin } from 'vite';
import { DEFAULT_TEXT_MODEL_DIR } from '../src/cli/node-text-env.ts';
import { createOrtGemm, createTextEmbedder } from '../src/models/ort-node.ts';
import { launchChromium } from './browser/chromium.ts';
import { freePort } from './browser/server.ts';
import { JOKES_FILE } from './bench-text-corpus.ts';
import { formatCopySignal, measureText, type TextFigures } from './bench-text-measure.ts';
import { gemmModel, ortWasmAssets, securityHeaders } from './vite/plugins.ts';

const i = process.argv.indexOf('--copy-signal');
const COPY_SIGNAL_N = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
const jokes: string[] = JSON.parse(await readFile(JOKES_FILE, 'utf8')).map((j: { body: string }) => j.body);

type PageResult = TextFigures & { info: { backend: string; threads: number; crossOriginIsolated: boolean }; loadMs: number };

// The page: the web text embedder, the app's web GEMM (the kNN kernel) and the shared
// measurements, exposed as globalThis.textBench.
const PAGE_ID = 'virtual:bench-text-page';
const src = (p: string) => JSON.stringify(resolve(p));
const PAGE_CODE = `import { createWebGemm, createWebTextEmbedder } from ${src('src/models/ort-web.ts')};
import { measureText } from ${src('scripts/bench-text-measure.ts')};
globalThis.textBench = async (jokes, opts) => {
  const base = new URL('./', location.href).href;
  const t0 = performance.now();
  const rt = { wasmPaths: new URL('ort/', base).href, threads: opts.threads, backend: 'wasm' };
  const e = await createWebTextEmbedder(new URL('models/use-lite-512/', base).href, rt);
  const loadMs = performance.now() - t0;
  return { info: e.info, loadMs, ...(await measureText(e, jokes, { copySignal: { n: opts.copySignal, gemm: createWebGemm(rt) } })) };
};
`;
const pagePlugin: Plugin = {
  name: 'bench-text-page',
  resolveId: (id) => (id === PAGE_ID ? `\0${PAGE_ID}` : null),
  load: (id) => (id === `\0${PAGE_ID}` ? PAGE_CODE : null),
};

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false, logLevel: 'warn', publicDir: false,
    resolve: { conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'development|production'] },
    plugins: [pagePlugin, ortWasmAssets(), gemmModel()],
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: PAGE_ID, output: { entryFileNames: 'bench-text.js' } } },
  });
  await writeFile(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>text bench</title><script type="module" src="./bench-text.js"></script>\n');
  await cp(DEFAULT_TEXT_MODEL_DIR, join(outDir, 'models/use-lite-512'), { recursive: true });
}

const fmtFigures = (f: TextFigures, where: string) => [
  `${where} tokenizer: ${f.tokenizer.textsPerSec.toFixed(0)} texts/s, ${f.tokenizer.tokensPerSec.toFixed(0)} tokens/s`,
  `${where} embed short (one-liners): ${f.embed.short.toFixed(1)} texts/s; long (~128 tokens): ${f.embed.long.toFixed(1)} texts/s`,
  ...(f.copySignal ? [`${where} ${formatCopySignal(f.copySignal)}`] : []),
];

const summary: string[] = [];
console.log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} on ${cpus().length} CPUs (figures are best of 2–3 rounds; ratios need a quiet machine)`);
// Node first, in this process (default threads), so each ratio is measured within one run.
const nodeEmbedder = await createTextEmbedder(DEFAULT_TEXT_MODEL_DIR);
const node = await measureText(nodeEmbedder, jokes, { copySignal: { n: COPY_SIGNAL_N, gemm: createOrtGemm() } });
await nodeEmbedder.release();
for (const l of fmtFigures(node, 'Node')) console.log(l);

const dir = await mkdtemp(join(tmpdir(), 'bench-browser-text-'));
const outDir = join(dir, 'site');
await buildPage(outDir);
const port = await freePort();
const server = await preview({ configFile: false, logLevel: 'warn', root: dir, build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1', headers: securityHeaders(false) } });
const browser = await launchChromium();
try {
  const cores = cpus().length;
  // The copy signal is measured once, in the first page (the most WASM threads).
  for (const [k, threads] of [...new Set([Math.min(cores, 4), 1])].entries()) {
    const page = await browser.newPage(); // a fresh page: onnxruntime-web fixes its threads once per realm
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('typeof globalThis.textBench === "function"');
    const r = await page.evaluate(([j, t, m]) =>
      (globalThis as unknown as { textBench(j: string[], o: { threads: number; copySignal: number }): Promise<PageResult> }).textBench(j, { threads: t, copySignal: m }),
    [jokes, threads, k === 0 ? COPY_SIGNAL_N : 0] as const);
    const where = `Chromium WASM ${r.info.threads} thread(s)`;
    for (const l of fmtFigures(r, where)) console.log(l);
    console.log(`  (session ${r.loadMs.toFixed(0)} ms; cross-origin isolated ${r.info.crossOriginIsolated})`);
    summary.push(`${where}: embed short ${r.embed.short.toFixed(1)} texts/s (${(r.embed.short / node.embed.short).toFixed(2)}× Node's ${node.embed.short.toFixed(1)}), long ${r.embed.long.toFixed(1)} texts/s (${(r.embed.long / node.embed.long).toFixed(2)}× Node's ${node.embed.long.toFixed(1)})`);
    if (k === 0) {
      summary.push(`Chromium tokenizer: ${r.tokenizer.textsPerSec.toFixed(0)} texts/s (${(r.tokenizer.textsPerSec / node.tokenizer.textsPerSec).toFixed(2)}× Node's ${node.tokenizer.textsPerSec.toFixed(0)}), ${r.tokenizer.tokensPerSec.toFixed(0)} tokens/s`);
      if (r.copySignal && node.copySignal) summary.push(`Chromium copy signal on ${r.copySignal.n} texts: ${r.copySignal.seconds.toFixed(1)} s (Node ${node.copySignal.seconds.toFixed(1)} s), ${r.copySignal.pairs} pairs found (Node ${node.copySignal.pairs}), ${r.copySignal.plantedFound} of ${r.copySignal.planted} planted (Node ${node.copySignal.plantedFound})`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(`SUMMARY ${JSON.stringify(summary)}`);
