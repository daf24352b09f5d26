// The demo: the MNIST demo sets built at build time into /demo/ (scripts/build-app-demo.ts),
// fetched from the app's own origin and turned into the same CollectedSets a drop gives, and the
// demo's report scored at build time by the same engine (/demo/report.json), which a fresh page
// shows at once with the packed images behind its galleries.
import type { Report } from '../report/schema.ts';
import { validateReport } from '../core/report-parse.ts';
import type { CollectedSet } from '../ingest/browser-walk.ts';
import type { FileSets } from '../pipeline/browser-env.ts';

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

export type DemoSets = { real: CollectedSet; synthetic: (CollectedSet & { effect: string })[] };

const demoBase = () => new URL(`${import.meta.env.BASE_URL}demo/`, location.origin);

/** A packed demo file has no lastModified: its pack's identity (URL, validator, size) and its
 *  place in the pack say whether a re-run has the same files (run-fingerprint.ts). */
const packedIdentities = new WeakMap<Blob, string>();
export const packedFileIdentity = (blob: Blob): string | null => packedIdentities.get(blob) ?? null;

async function fetchSet(base: URL, set: DemoPack): Promise<CollectedSet> {
  const res = await fetch(new URL(set.pack, base));
  if (!res.ok) throw new Error(`demo file ${set.pack}: HTTP ${res.status}`);
  const blob = await res.blob();
  const pack = `${res.url}|${res.headers.get('etag') ?? res.headers.get('last-modified') ?? ''}|${blob.size}`;
  // Slices of the pack, not Files wrapping slices: a wrapped slice is garbage at once, and 1,800 of
  // them made the page's first full GC sweep for ~30 ms (each Blob closes a pipe to the browser).
  const files = set.files.map(([path, offset, length]) => {
    const file = blob.slice(offset, offset + length, 'image/png');
    packedIdentities.set(file, `${pack}@${offset}`);
    return { path, file };
  });
  return { name: set.name, files, skipped: [] };
}

export async function loadDemo(): Promise<DemoSets> {
  const base = demoBase();
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) throw new Error(`The demo data is missing (HTTP ${res.status}); run \`npm run build:demo\`.`);
  const index = (await res.json()) as DemoIndex;
  const [real, ...synthetic] = await Promise.all([index.real, ...index.synthetic].map((s) => fetchSet(base, s)));
  return { real, synthetic: synthetic.map((s, i) => ({ ...s, effect: index.synthetic[i].effect })) };
}

/** The demo sets keyed as a run keys them (App.tsx onRun: each set's name), for the galleries. */
export function demoFileSets(demo: DemoSets): FileSets {
  const sets: FileSets = {};
  for (const s of [demo.real, ...demo.synthetic]) sets[s.name] = { files: s.files, skipped: s.skipped };
  return sets;
}

/** File sets that are the served demo's: galleries read them from the origin, no thumbnail is stored. */
const servedDemoSets = new WeakSet<FileSets>();
export const isServedDemo = (files: FileSets | null): boolean => files !== null && servedDemoSets.has(files);

export interface PrecomputedDemo {
  report: Report;
  files: FileSets;
  /** What each synthetic set was built to show, by experiment name. */
  effects: Record<string, string>;
}

/** The demo's build-time report with its images, or null when this build has none. */
export async function loadDemoReport(): Promise<PrecomputedDemo | null> {
  const res = await fetch(new URL('report.json', demoBase()));
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`demo report: HTTP ${res.status}`);
  const stored = (await res.json()) as { report?: unknown };
  const report = validateReport(stored.report, 'The demo report');
  const demo = await loadDemo();
  const files = demoFileSets(demo);
  servedDemoSets.add(files);
  return { report, files, effects: Object.fromEntries(demo.synthetic.map((s) => [s.name, s.effect])) };
}
