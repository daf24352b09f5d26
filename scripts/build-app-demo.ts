// Builds the app's demo data into public/demo/ (served from the app's own origin, never fetched
// from elsewhere): the MNIST demo sets of scripts/demo-data plus an index the page reads.
//   npx tsx scripts/build-app-demo.ts [--if-missing] [--per-class N]
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildDemoSets, DEMO_EFFECTS, DEMO_SETS } from './demo-data/build-sets.ts';

export const DEMO_DIR = 'public/demo';
export const DEMO_INDEX = 'index.json';
/** Display names for the synthetic sets (the CLI demo's names). */
const NAMES: Record<string, string> = { dropped: 'dropped-classes' };

export interface DemoIndex {
  perClass: number;
  real: { folder: string; files: string[] };
  synthetic: { name: string; folder: string; effect: string; files: string[] }[];
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
  const index: DemoIndex = {
    perClass,
    real: { folder: 'real', files: await filesUnder(join(out, 'real')) },
    synthetic: [],
  };
  for (const s of DEMO_SETS) {
    index.synthetic.push({ name: NAMES[s] ?? s, folder: s, effect: DEMO_EFFECTS[s], files: await filesUnder(join(out, s)) });
  }
  await writeFile(join(out, DEMO_INDEX), JSON.stringify(index, null, 1));
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
