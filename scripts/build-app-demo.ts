// Builds the app's demo data into public/demo/ (served from the app's own origin, never fetched
// from elsewhere): the MNIST demo sets of scripts/demo-data, each packed into one file
// (<set>.bin, the PNGs back to back) plus an index the page reads. One request per set, not one
// per image: a browser refuses thousands of parallel fetches.
//   npx tsx scripts/build-app-demo.ts [--if-missing] [--per-class N]
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildDemoSets, DEMO_EFFECTS, DEMO_SETS } from './demo-data/build-sets.ts';

export const DEMO_DIR = 'public/demo';
export const DEMO_INDEX = 'index.json';
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

export async function buildAppDemo(out = DEMO_DIR, perClass = 30): Promise<DemoIndex> {
  await buildDemoSets(out, { perClass });
  const index: DemoIndex = { perClass, real: await packSet(out, 'real', 'real'), synthetic: [] };
  for (const s of DEMO_SETS) {
    index.synthetic.push({ ...(await packSet(out, s, NAMES[s] ?? s)), effect: DEMO_EFFECTS[s] });
  }
  await writeFile(join(out, DEMO_INDEX), JSON.stringify(index));
  return index;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--per-class');
  const perClass = at >= 0 ? Number(args[at + 1]) : 30;
  if (args.includes('--if-missing') && existsSync(join(DEMO_DIR, DEMO_INDEX))) process.exit(0);
  const idx = await buildAppDemo(DEMO_DIR, perClass);
  const n = idx.real.files.length + idx.synthetic.reduce((a, s) => a + s.files.length, 0);
  console.error(`demo: ${n} images in ${DEMO_DIR}/ (${perClass} per class)`);
}
