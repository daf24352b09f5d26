// Embedding throughput: the full pipeline (embedSet: read, hash, decode, preprocess, embed) against
// a bare onnxruntime-node session on the same model file, the same images and the same threads.
//   npx tsx scripts/bench-embed.ts [--images N] [--threads T] [--reps R] [--no-fp32] [--baseline REV[,REV…]]
// Runs are interleaved (A A' B A A' B …) so drift in the shared box's load hits every side alike.
// (A) embedSet with noCache on a folder of photo-sized JPEGs, exact decode (the app's numbers);
// (A') the same with the CLI's opt-in `--decode fast` (reduced-scale JPEG decode + sharp resize);
// (A0@REV, with --baseline) the exact pipeline as committed at each REV (git archive of src/), to
// show before/after in one run; (B) session.run on the same images preprocessed beforehand into batches
// of BATCH (preprocessing outside the timing), with the pipeline's own session options.
// A profile then splits one image's cost into its parts and checks whether work overlaps ORT.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { createNodeEnv, DEFAULT_IMAGE_MODEL } from '../src/cli/node-env.ts';
import { decodeImageBytes, decodeImageBytesFast, hashBytes, hashPixels } from '../src/ingest/node-decode.ts';
import { listSet } from '../src/ingest/node-walk.ts';
import { createImageEmbedder, sessionOptions as pipelineSessionOptions } from '../src/models/ort-node.ts';
import { parseManifest } from '../src/models/manifest.ts';
import { preprocessImage } from '../src/models/preprocess.ts';
import { BATCH, embedSet } from '../src/pipeline/image/embed-set.ts';
import type { PipelineEnv } from '../src/pipeline/image/environment.ts';
import { digitPixels } from './demo-data/mnist-images.ts';

const SIDE = 512;

export interface EmbedBenchOptions {
  /** Photo-sized JPEGs to embed (default 256). */
  images?: number;
  /** Interleaved rounds (default 3). */
  reps?: number;
  /** Intra-op threads (default: every core). */
  threads?: number;
  /** Also the fp32 model variant (default true). */
  fp32?: boolean;
  /** Commits whose pipeline runs beside today's. */
  baselines?: string[];
}

/** embedSet and createNodeEnv as committed at rev (src/ exported under node_modules/.cache). */
async function baselineModules(rev: string) {
  const dir = resolve(`node_modules/.cache/bench-embed-baseline/${rev.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('sh', ['-c', `git archive ${JSON.stringify(rev)} src | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench-embed: cannot export src/ at ${rev}`);
  if (!existsSync(join(dir, 'public'))) symlinkSync(resolve('public'), join(dir, 'public')); // the model files
  // The image pipeline moved into src/pipeline/image/: a baseline from before has it one level up.
  const embedSetPath = ['src/pipeline/image/embed-set.ts', 'src/pipeline/embed-set.ts'].find((p) => existsSync(join(dir, p)))!;
  const pipeline = await import(join(dir, embedSetPath)) as typeof import('../src/pipeline/image/embed-set.ts');
  const nodeEnv = await import(join(dir, 'src/cli/node-env.ts')) as typeof import('../src/cli/node-env.ts');
  return { embedSet: pipeline.embedSet, createNodeEnv: nodeEnv.createNodeEnv };
}

// ---- test images: MNIST digits, upscaled, coloured, noisy, JPEG q90 --------------------------
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function makeImages(dir: string, n: number): Promise<void> {
  const r = rng(7);
  for (let i = 0; i < n; i++) {
    const grey = await sharp(Buffer.from(digitPixels(i % 10, Math.floor(i / 10))), { raw: { width: 28, height: 28, channels: 1 } })
      .resize(SIDE, SIDE, { kernel: 'cubic' }).raw().toBuffer();
    const fg = [r() * 255, r() * 255, r() * 255], bg = [r() * 255, r() * 255, r() * 255];
    const gx = r() * 80 - 40, gy = r() * 80 - 40; // background gradient
    const rgb = Buffer.alloc(SIDE * SIDE * 3);
    for (let y = 0, p = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++, p++) {
        const a = grey[p] / 255;
        for (let c = 0; c < 3; c++) {
          const base = bg[c] + (gx * x + gy * y) / SIDE;
          rgb[p * 3 + c] = Math.max(0, Math.min(255, a * fg[c] + (1 - a) * base + (r() - 0.5) * 24));
        }
      }
    }
    const jpg = await sharp(rgb, { raw: { width: SIDE, height: SIDE, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    await writeFile(join(dir, `img${String(i).padStart(4, '0')}.jpg`), jpg);
  }
}

// ---- helpers ---------------------------------------------------------------------------------
const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1];
const best = (a: number[]) => Math.max(...a);
interface Run { rate: number; cpu: number } // images/s, cores busy (process CPU time / wall)

async function timed(n: number, fn: () => Promise<unknown>): Promise<Run> {
  const c0 = process.cpuUsage(), t0 = performance.now();
  await fn();
  const wall = (performance.now() - t0) / 1000, c = process.cpuUsage(c0);
  return { rate: n / wall, cpu: (c.user + c.system) / 1e6 / wall };
}

// ---- main ------------------------------------------------------------------------------------
/** Runs every side, prints the details and returns the summary lines. */
export async function benchEmbed(opts: EmbedBenchOptions = {}): Promise<string[]> {
  const N = opts.images ?? 256, REPS = opts.reps ?? 3, THREADS = opts.threads ?? availableParallelism();
  const FP32 = opts.fp32 ?? true, BASELINES = opts.baselines ?? [];
  /** The pipeline's own session options (src/models/ort-node.ts), so (B) differs only in what surrounds session.run. */
  const sessionOptions = () => pipelineSessionOptions(THREADS);
  const dir = await mkdtemp(join(tmpdir(), 'bench-embed-'));
  try {
    const tMake = performance.now();
    await makeImages(dir, N);
    const manifest = parseManifest(JSON.parse(await readFile(join(DEFAULT_IMAGE_MODEL, 'manifest.json'), 'utf8')));
    const { width, height, name: inputName } = manifest.input;
    const px = width * height * 3;
    const listed = await listSet(dir, 'real');
    if (listed.items.length !== N) throw new Error(`listed ${listed.items.length} of ${N} images`);
    console.log(`${N} JPEGs ${SIDE}×${SIDE} q90 (${((performance.now() - tMake) / 1000).toFixed(1)} s to make), ` +
      `batch ${BATCH}, intra-op threads ${THREADS}, ${cpus().length} CPUs, load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);

    // Preprocessed once for (B): same decode + preprocess as the pipeline, outside the timing.
    const batches: { data: Float32Array; n: number }[] = [];
    for (let i = 0; i < N; i += BATCH) {
      const n = Math.min(BATCH, N - i), data = new Float32Array(n * px);
      for (let k = 0; k < n; k++) {
        const bytes = await readFile(join(dir, listed.items[i + k].path));
        preprocessImage(await decodeImageBytes(bytes), { width, height }, data.subarray(k * px, (k + 1) * px));
      }
      batches.push({ data, n });
    }

    const baseEnv = await createNodeEnv({ noCache: true, threads: THREADS });
    const variants = [{ name: 'uint8 (model.onnx)', file: manifest.file, variant: undefined as string | undefined }];
    if (FP32) variants.push({ name: 'fp32 (model-fp32.onnx)', file: 'model-fp32.onnx', variant: 'fp32' });

    const fastEnv = await createNodeEnv({ noCache: true, threads: THREADS, decode: 'fast' });
    const bases = await Promise.all(BASELINES.map(async (rev) => {
      const m = await baselineModules(rev);
      return { rev, embedSet: m.embedSet, env: await m.createNodeEnv({ noCache: true, threads: THREADS }) };
    }));
    const f = (x: number) => x.toFixed(1);
    const cosines = (x: Float32Array, y: Float32Array, dim: number) => {
      const c: number[] = [];
      for (let i = 0; i < x.length / dim; i++) {
        let d = 0;
        for (let k = i * dim; k < (i + 1) * dim; k++) d += x[k] * y[k];
        c.push(d);
      }
      return c;
    };

    const summary: string[] = [];
    for (const v of variants) {
      const own = v.variant ? await createImageEmbedder(DEFAULT_IMAGE_MODEL, { threads: THREADS, variant: v.variant }) : null;
      const embedder = own ?? baseEnv.embedder;
      const env: PipelineEnv = { ...baseEnv, embedder };
      const session = await ort.InferenceSession.create(join(DEFAULT_IMAGE_MODEL, v.file), sessionOptions());
      const sides: { key: string; label: string; run: () => Promise<Float32Array> }[] = [];
      const check = (r: { embedded: number; vectors: Float32Array }) => {
        if (r.embedded !== N) throw new Error(`embedSet embedded ${r.embedded} of ${N}`);
        return r.vectors;
      };
      sides.push({ key: 'A', label: 'pipeline, exact decode', run: async () => check(await embedSet(listed, 'real', env)) });
      if (!v.variant) {
        sides.push({ key: "A'", label: 'pipeline, --decode fast', run: async () => check(await embedSet(listed, 'real', fastEnv)) });
        for (const b of bases) sides.push({ key: `A0@${b.rev}`, label: `pipeline (exact) as at ${b.rev}`, run: async () => check(await b.embedSet(listed, 'real', b.env)) });
      }
      const B = async () => {
        for (const b of batches) await session.run({ [inputName]: new ort.Tensor('float32', b.data, [b.n, height, width, 3]) });
      };
      // Warm-up (first runs allocate arenas); its vectors compare the modes.
      const vectors = new Map<string, Float32Array>();
      for (const side of sides) vectors.set(side.key, await side.run());
      await B();
      const runs = new Map<string, Run[]>(sides.map((x) => [x.key, []]));
      const b: Run[] = [];
      for (let r = 0; r < REPS; r++) {
        for (const side of sides) runs.get(side.key)!.push(await timed(N, side.run));
        b.push(await timed(N, B));
      }
      const rb = b.map((x) => x.rate);
      const size = (await stat(join(DEFAULT_IMAGE_MODEL, v.file))).size;
      const cpuMs = (xs: Run[]) => median(xs.map((x) => (x.cpu / x.rate) * 1000));
      console.log(`${v.name}: ${(size / 2 ** 20).toFixed(2)} MiB (${size} bytes)`);
      const line = (key: string, label: string, xs: Run[]) => {
        const rs = xs.map((x) => x.rate);
        console.log(`  (${key}) ${label}: best ${f(best(rs))} img/s, median ${f(median(rs))}  [${rs.map(f).join(', ')}]  ` +
          `cores busy ${xs.map((x) => x.cpu.toFixed(2)).join(', ')}; CPU ${cpuMs(xs).toFixed(1)} ms/img`);
      };
      for (const side of sides) line(side.key, side.label, runs.get(side.key)!);
      line('B', 'bare ORT session', b);
      const ratios: string[] = [];
      for (const side of sides) {
        const ra = runs.get(side.key)!.map((x) => x.rate);
        const ratio = best(ra) / best(rb), ratioMed = median(ra) / median(rb);
        const pairs = ra.map((x, i) => x / rb[i]); // each run against the B run of the same round
        console.log(`  ratio ${side.key}/B: best ${ratio.toFixed(3)}, median ${ratioMed.toFixed(3)}, per round [${pairs.map((x) => x.toFixed(2)).join(', ')}]  (target ≥ 0.8)`);
        ratios.push(`${side.key} ${f(best(ra))} img/s ratio ${ratio.toFixed(2)} (median ${ratioMed.toFixed(2)})`);
      }
      const dim = manifest.output.dimension;
      if (vectors.has("A'")) {
        const c = cosines(vectors.get('A')!, vectors.get("A'")!, dim);
        console.log(`  cosine(fast, exact) over the ${N} images: mean ${(c.reduce((x, y) => x + y, 0) / c.length).toFixed(5)}, min ${Math.min(...c).toFixed(5)}`);
        ratios.push(`cosine(fast, exact) mean ${(c.reduce((x, y) => x + y, 0) / c.length).toFixed(4)} min ${Math.min(...c).toFixed(4)}`);
      }
      for (const b of bases) {
        const x = vectors.get('A')!, y = vectors.get(`A0@${b.rev}`);
        if (!y) continue;
        let worst = 0;
        for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
        console.log(`  exact vectors now vs at ${b.rev}: max |difference| ${worst}`);
      }
      // ms/img (wall, best round) of each side beside the bare onnxruntime-node session: the figure issue 17 asks for.
      const msPerImg = [...sides.map((x) => `${x.label} ${f(1000 / best(runs.get(x.key)!.map((r) => r.rate)))}`), `native onnxruntime (bare session) ${f(1000 / best(rb))}`];
      summary.push(`embed ${v.name.split(' ')[0]} (Node, ${THREADS} threads, ${N} images): ms/img ${msPerImg.join(', ')}`);
      summary.push(`embed ${v.name.split(' ')[0]}: ${(size / 2 ** 20).toFixed(2)} MiB, bare ORT ${f(best(rb))} img/s; ${ratios.join('; ')}`);
      await session.release();
      await own?.release();
    }
    await fastEnv.close();
    for (const b of bases) await b.env.close();

    // ---- profile: what one image costs outside ORT, and where it runs ---------------------------
    // decode runs on libuv/libvips threads; preprocess, hashes and batch copy on the JS main thread.
    // onnxruntime-node's session.run blocks its thread, so the pipeline runs it in a worker thread
    // (src/models/ort-node-thread.mjs) and reads and decodes the next batch meanwhile.
    const parts = { read: 0, hashBytes: 0, decode: 0, preprocess: 0, hashPixels: 0, fastDecode: 0, fastPreprocess: 0, fastHashPixels: 0 };
    const M = Math.min(N, 64);
    const slot = new Float32Array(px); // the pipeline writes straight into the batch
    const cpuNow = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
    for (let i = 0; i < M; i++) {
      // CPU time of the whole process per part (sharp's decode runs on other threads, counted too).
      let t = cpuNow();
      const lap = (k: keyof typeof parts) => { const now = cpuNow(); parts[k] += now - t; t = now; };
      const bytes = await readFile(join(dir, listed.items[i].path)); lap('read');
      hashBytes(bytes); lap('hashBytes');
      const img = await decodeImageBytes(bytes); lap('decode');
      preprocessImage(img, { width, height }, slot); lap('preprocess');
      hashPixels(img.data, img.width, img.height); lap('hashPixels');
      const small = await decodeImageBytesFast(bytes, { width, height }); lap('fastDecode');
      preprocessImage(small, { width, height }, slot); lap('fastPreprocess');
      hashPixels(small.data, small.width, small.height); lap('fastHashPixels');
    }
    const per = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v / M])) as typeof parts;
    const exactSum = per.read + per.hashBytes + per.decode + per.preprocess + per.hashPixels;
    const fastSum = per.read + per.hashBytes + per.fastDecode + per.fastPreprocess + per.fastHashPixels;
    console.log(`profile, CPU ms per image outside ORT (serial, ${M} images): ` +
      Object.entries(per).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ') +
      `; exact total ${exactSum.toFixed(2)}, fast total ${fastSum.toFixed(2)}`);
    summary.push(`profile CPU ms/img: ${Object.entries(per).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; exact ${exactSum.toFixed(2)}, fast ${fastSum.toFixed(2)}`);
    // Does the pipeline's prefetch overlap with ORT? Time embedSet with the model replaced by a
    // no-op (pure prepare cost as the pipeline schedules it) and the bare model alone.
    const nullEnv: PipelineEnv = {
      ...baseEnv,
      embedder: { manifest, embed: async (_b, n) => new Float32Array(n * manifest.output.dimension) },
    };
    const prep = await timed(N, async () => { await embedSet(listed, 'real', nullEnv); });
    const session = await ort.InferenceSession.create(join(DEFAULT_IMAGE_MODEL, manifest.file), sessionOptions());
    await session.run({ [inputName]: new ort.Tensor('float32', batches[0].data, [batches[0].n, height, width, 3]) });
    const bare = await timed(N, async () => {
      for (const b of batches) await session.run({ [inputName]: new ort.Tensor('float32', b.data, [b.n, height, width, 3]) });
    });
    // Timeline of one full run: when each decode and each model call starts and ends.
    const decodes: [number, number][] = [], runs: [number, number][] = [];
    const traced: PipelineEnv = {
      ...baseEnv,
      decodeImage: async (bytes, p) => { const s = performance.now(); try { return await baseEnv.decodeImage(bytes, p); } finally { decodes.push([s, performance.now()]); } },
      embedder: { manifest, embed: async (b, n) => { const s = performance.now(); try { return await baseEnv.embedder.embed(b, n); } finally { runs.push([s, performance.now()]); } } },
    };
    const full = await timed(N, async () => { await embedSet(listed, 'real', traced); });
    const inside = (t: number) => runs.some(([s, e]) => t > s && t < e);
    const overlapMs = decodes.reduce((sum, [ds, de]) => sum + runs.reduce((o, [s, e]) => o + Math.max(0, Math.min(de, e) - Math.max(ds, s)), 0), 0);
    const decodeMs = decodes.reduce((sum, [s, e]) => sum + e - s, 0), runMs = runs.reduce((sum, [s, e]) => sum + e - s, 0);
    console.log(`  timeline of one full run: ${runs.length} model calls, ${(runMs / 1000).toFixed(2)} s in embed; ` +
      `${decodes.filter(([s]) => inside(s)).length} of ${decodes.length} decodes started during a model call, ` +
      `${decodes.filter(([, e]) => inside(e)).length} finished during one; decode time overlapping model calls ${(overlapMs / decodeMs * 100).toFixed(0)}%`);
    const serialBound = 1 / (1 / prep.rate + 1 / bare.rate);
    console.log(`  embedSet with a no-op model: ${prep.rate.toFixed(1)} img/s (cores busy ${prep.cpu.toFixed(2)}); bare ORT ${bare.rate.toFixed(1)} img/s; ` +
      `full pipeline ${full.rate.toFixed(1)} img/s`);
    console.log(`  if prepare and embed ran one after the other: ${serialBound.toFixed(1)} img/s (ratio ${(serialBound / bare.rate).toFixed(2)}); ` +
      `measured ratio ${(full.rate / bare.rate).toFixed(2)}`);
    summary.push(`embed profile: prepare-only ${prep.rate.toFixed(1)} img/s, serial bound ratio ${(serialBound / bare.rate).toFixed(2)}, measured ${(full.rate / bare.rate).toFixed(2)}`);
    await session.release();
    await baseEnv.close();
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const summary = await benchEmbed({
    images: num('images'), reps: num('reps'), threads: num('threads'),
    fp32: !process.argv.includes('--no-fp32'), baselines: arg('baseline')?.split(','),
  });
  console.log(`SUMMARY ${JSON.stringify(summary)}`);
}
