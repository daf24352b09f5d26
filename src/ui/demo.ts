// "Try the demo": the MNIST demo sets built at build time into /demo/ (scripts/build-app-demo.ts),
// fetched from the app's own origin and turned into the same CollectedSets a drop gives.
import type { CollectedSet } from '../ingest/browser-walk.ts';

interface DemoIndex {
  real: { folder: string; files: string[] };
  synthetic: { name: string; folder: string; effect: string; files: string[] }[];
}

async function fetchSet(base: URL, name: string, folder: string, paths: string[]): Promise<CollectedSet> {
  const files = await Promise.all(paths.map(async (p) => {
    const res = await fetch(new URL(`${folder}/${p}`, base));
    if (!res.ok) throw new Error(`demo file ${folder}/${p}: HTTP ${res.status}`);
    const blob = await res.blob();
    return { path: p, file: new File([blob], p.slice(p.lastIndexOf('/') + 1), { type: blob.type }) };
  }));
  return { name, files, skipped: [] };
}

export async function loadDemo(): Promise<{ real: CollectedSet; synthetic: (CollectedSet & { effect: string })[] }> {
  const base = new URL(`${import.meta.env.BASE_URL}demo/`, location.origin);
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) throw new Error(`The demo data is missing (HTTP ${res.status}); run \`npm run build:demo\`.`);
  const index = (await res.json()) as DemoIndex;
  const real = await fetchSet(base, 'real', index.real.folder, index.real.files);
  const synthetic = await Promise.all(index.synthetic.map(async (s) =>
    ({ ...(await fetchSet(base, s.name, s.folder, s.files)), effect: s.effect })));
  return { real, synthetic };
}
