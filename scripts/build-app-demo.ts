// Builds the app's demo data into public/demo/ (served from the app's own origin, never fetched
// from elsewhere): the MNIST demo sets of scripts/demo-data, each packed into one file
// (<set>.bin, the PNGs back to back) plus an index the page reads. One request per set, not one
// per image: a browser refuses thousands of parallel fetches.
// Then the demo's report (report.json), scored by the CLI's Node engine with the app's own request,
// so a fresh page shows the demo's results at once. It is keyed on the model, the demo data and the
// engine's sources, and rebuilt when any of them changes.
//   npx tsx scripts/build-app-demo.ts [--if-missing] [--per-class N]
//   --if-missing: build the data only when it is missing, the report only when missing or stale.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createNodeEnv, DEFAULT_IMAGE_MODEL, PACKAGE_ROOT } from '../src/cli/node-env.ts';
import { REPORT_VERSION, type Report } from '../src/report/schema.ts';
import { MANIFEST_FILE, parseManifest } from '../src/models/manifest.ts';
import { scoreImages, type ImageScoreRequest } from '../src/pipeline/image/score-images.ts';
import { buildDemoSets, DEMO_EFFECTS, DEMO_SETS } from './demo-data/build-sets.ts';

export const DEMO_DIR = 'public/demo';
export const DEMO_INDEX = 'index.json';
export const DEMO_REPORT = 'report.json';
/** Sources that shape the vectors (decoding, preprocessing, the model runner), then the analysis. */
const VECTOR_DIRS = ['src/ingest', 'src/models'];
const ANALYSIS_DIRS = ['src/core', 'src/pipeline'];
const VECTOR_CACHE = '.cache/demo-vectors';
/** Display names for the synthetic sets (the CLI demo's names). */
const NAMES: Record<string, string> = { dropped: 'dropped-classes' };

/** One packed set: `files` are [path relative to the set root, byte offset, byte length]. */
export interface DemoPack {
  name: string;
  pack: string;
  files: [string, number, number][];
}

export interface DemoIndex {
  perClass: number;
  real: DemoPack;
  synthetic: (DemoPack & { effect: string })[];
}

async function packSet(out: string, folder: string, name: string): Promise<DemoPack> {
  const paths = await filesUnder(join(out, folder));
  const parts = await Promise.all(paths.map((p) => readFile(join(out, folder, p))));
  const files: [string, number, number][] = [];
  let offset = 0;
  parts.forEach((b, i) => {
    files.push([paths[i], offset, b.length]);
    offset += b.length;
  });
  await writeFile(join(out, `${folder}.bin`), Buffer.concat(parts));
  await rm(join(out, folder), { recursive: true, force: true });
  return { name, pack: `${folder}.bin`, files };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split('\\').join('/'));
    }
  };
  await walk(dir);
  return out;
}

/** The packed sets and their index, then the report scored over them. */
export async function buildAppDemo(out = DEMO_DIR, perClass = 30): Promise<DemoIndex> {
  await buildDemoSets(out, { perClass });
  const index: DemoIndex = { perClass, real: await packSet(out, 'real', 'real'), synthetic: [] };
  for (const s of DEMO_SETS) {
    index.synthetic.push({ ...(await packSet(out, s, NAMES[s] ?? s)), effect: DEMO_EFFECTS[s] });
  }
  await writeFile(join(out, DEMO_INDEX), JSON.stringify(index));
  await buildDemoReport(out);
  return index;
}

/** What public/demo/report.json holds: the report and the key it was built for. */
export interface DemoReportFile {
  key: string;
  report: Report;
}

/** The request the app sends for the demo (App.tsx onRun): set keys are the packs' names. */
export function demoRequest(index: DemoIndex): ImageScoreRequest {
  return {
    real: index.real.name,
    synthetic: index.synthetic.map((s) => ({ name: s.name, path: s.name })),
    threshold: { kind: 'manifest' },
    map: {},
  };
}

async function sourcesUnder(dir: string): Promise<string[]> {
  return (await filesUnder(join(PACKAGE_ROOT, dir))).filter((p) => p.endsWith('.ts') || p.endsWith('.mjs')).map((p) => `${dir}/${p}`);
}

async function hashSources(h: ReturnType<typeof createHash>, dirs: string[]): Promise<void> {
  for (const dir of dirs) for (const f of await sourcesUnder(dir)) h.update(f).update(await readFile(join(PACKAGE_ROOT, f)));
}

/** sha256 over what makes a vector: the model (manifest + weights) and the decoding and model sources. */
async function vectorKey(): Promise<{ model: string; hash: string }> {
  const h = createHash('sha256');
  const manifestText = await readFile(join(DEFAULT_IMAGE_MODEL, MANIFEST_FILE), 'utf8');
  const manifest = parseManifest(JSON.parse(manifestText));
  h.update(manifestText).update(await readFile(join(DEFAULT_IMAGE_MODEL, manifest.file)));
  await hashSources(h, VECTOR_DIRS);
  return { model: `${manifest.id}@${manifest.version}`, hash: h.digest('hex').slice(0, 32) };
}

/** The vectors' key, the demo's index and packs, the analysis sources and the report version. */
export async function demoReportKey(out = DEMO_DIR): Promise<string> {
  const vectors = await vectorKey();
  const h = createHash('sha256').update(`report v${REPORT_VERSION}\n${vectors.hash}\n`);
  const index = JSON.parse(await readFile(join(out, DEMO_INDEX), 'utf8')) as DemoIndex;
  h.update(JSON.stringify(index));
  for (const s of [index.real, ...index.synthetic]) h.update(await readFile(join(out, s.pack)));
  await hashSources(h, ANALYSIS_DIRS);
  return `${vectors.model}:${h.digest('hex').slice(0, 32)}`;
}

/** The key report.json was built for, or null when it is missing or unreadable. */
async function storedKey(out: string): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(join(out, DEMO_REPORT), 'utf8')) as DemoReportFile).key ?? null;
  } catch {
    return null;
  }
}

/** Unpacks the sets into a scratch folder (the Node walker reads folders) and scores them. */
export async function buildDemoReport(out = DEMO_DIR, key?: string): Promise<Report> {
  const index = JSON.parse(await readFile(join(out, DEMO_INDEX), 'utf8')) as DemoIndex;
  const scratch = await mkdtemp(join(tmpdir(), 'synthscore-demo-'));
  // Vectors are cached per vector key (model and decoding sources): a rebuild for a change to the
  // analysis or the demo data embeds only new files; older caches are removed.
  const { hash } = await vectorKey();
  const cacheRoot = join(PACKAGE_ROOT, VECTOR_CACHE);
  if (existsSync(cacheRoot)) for (const old of await readdir(cacheRoot)) if (old !== hash) await rm(join(cacheRoot, old), { recursive: true, force: true });
  const env = await createNodeEnv({ cacheDir: join(cacheRoot, hash) });
  try {
    for (const set of [index.real, ...index.synthetic]) {
      const bytes = await readFile(join(out, set.pack));
      for (const [path, offset, length] of set.files) {
        const file = join(scratch, set.name, path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, bytes.subarray(offset, offset + length));
      }
    }
    // Set keys as the app names them; the listed roots (absolute) then lead the reads.
    const report = await scoreImages(demoRequest(index), { ...env, listSet: (root, side, signal) => env.listSet(join(scratch, root), side, signal) });
    const file: DemoReportFile = { key: key ?? (await demoReportKey(out)), report };
    await writeFile(join(out, DEMO_REPORT), JSON.stringify(file));
    return report;
  } finally {
    await env.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** --if-missing: the data when it is missing, the report when it is missing or built for other inputs. */
export async function ensureAppDemo(out = DEMO_DIR, perClass = 30, log = (_: string) => {}): Promise<'built' | 'report' | 'fresh'> {
  const scoring = 'scoring the demo sets with the Node engine (once per change to the model, the demo data or the engine)…';
  if (!existsSync(join(out, DEMO_INDEX))) {
    log(`building the demo data, then ${scoring}`);
    await buildAppDemo(out, perClass);
    return 'built';
  }
  const key = await demoReportKey(out);
  if ((await storedKey(out)) === key) return 'fresh';
  log(scoring);
  await buildDemoReport(out, key);
  return 'report';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--per-class');
  const perClass = at >= 0 ? Number(args[at + 1]) : 30;
  const t0 = performance.now();
  const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  if (args.includes('--if-missing')) {
    try {
      const what = await ensureAppDemo(DEMO_DIR, perClass, (m) => console.error(`demo: ${m}`));
      if (what !== 'fresh') console.error(`demo: ${what === 'built' ? 'data and report' : 'report'} built in ${DEMO_DIR}/ (${secs()})`);
    } catch (e) {
      // The app still works without it: the page opens empty and "Try the demo" scores live.
      console.error(`demo: could not build the demo report, the page will open without it: ${(e as Error).message}`);
    }
  } else {
    const idx = await buildAppDemo(DEMO_DIR, perClass);
    const n = idx.real.files.length + idx.synthetic.reduce((a, s) => a + s.files.length, 0);
    console.error(`demo: ${n} images and their report in ${DEMO_DIR}/ (${perClass} per class, ${secs()})`);
  }
}
