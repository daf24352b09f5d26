// "Try the demo": the MNIST demo sets built at build time into /demo/ (scripts/build-app-demo.ts),
// fetched from the app's own origin and turned into the same CollectedSets a drop gives.
import type { CollectedSet } from '../ingest/browser-walk.ts';

interface DemoPack {
  name: string;
  pack: string;
  /** [path, byte offset, byte length] into the pack. */
  files: [string, number, number][];
}

interface DemoIndex {
  real: DemoPack;
  synthetic: (DemoPack & { effect: string })[];
}

async function fetchSet(base: URL, set: DemoPack): Promise<CollectedSet> {
  const res = await fetch(new URL(set.pack, base));
  if (!res.ok) throw new Error(`demo file ${set.pack}: HTTP ${res.status}`);
  const blob = await res.blob();
  const files = set.files.map(([path, offset, length]) => ({
    path,
    file: new File([blob.slice(offset, offset + length)], path.slice(path.lastIndexOf('/') + 1), { type: 'image/png' }),
  }));
  return { name: set.name, files, skipped: [] };
}

export async function loadDemo(): Promise<{ real: CollectedSet; synthetic: (CollectedSet & { effect: string })[] }> {
  const base = new URL(`${import.meta.env.BASE_URL}demo/`, location.origin);
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) throw new Error(`The demo data is missing (HTTP ${res.status}); run \`npm run build:demo\`.`);
  const index = (await res.json()) as DemoIndex;
  const [real, ...synthetic] = await Promise.all([index.real, ...index.synthetic].map((s) => fetchSet(base, s)));
  return { real, synthetic: synthetic.map((s, i) => ({ ...s, effect: index.synthetic[i].effect })) };
}
