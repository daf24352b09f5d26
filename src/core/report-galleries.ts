// The top items of each gallery, chosen from a Report alone (no data needed): the HTML export
// embeds these as thumbnails, and any view that has only the report can list them, in the order the
// app's galleries show (src/report/rankings.ts).
import { leastRepresented, mostUnrealistic, setsOfKind } from '../report/rankings.ts';
import type { Experiment, Report, Side } from '../report/schema.ts';

export type GalleryKey = 'unrealistic' | 'unrepresentative' | 'unvaried' | 'unoriginal';

export interface Gallery {
  key: GalleryKey;
  title: string;
  /** Groups of row indices into Experiment.rows: one group per near-duplicate set, else one group. */
  groups: number[][];
  /** How many candidates there were (items, or sets for the set galleries). */
  available: number;
}

export interface GalleryLimits {
  /** Items in each single-item gallery. */
  perGallery: number;
  /** Near-duplicate sets shown per set gallery. */
  sets: number;
  /** Members shown per set. */
  perSet: number;
}

/** 12 + 12 + 3×4 + 3×4 = 48 items per experiment at most. */
export const DEFAULT_LIMITS: GalleryLimits = { perGallery: 12, sets: 3, perSet: 4 };

export function pickGalleries(ex: Experiment, limits: GalleryLimits = DEFAULT_LIMITS): Gallery[] {
  const synth = mostUnrealistic(ex.rows);
  const real = leastRepresented(ex.rows);
  const unvaried = setsOfKind(ex.nearDuplicateSets, ex.rows, 'unvaried');
  const unoriginal = setsOfKind(ex.nearDuplicateSets, ex.rows, 'unoriginal');
  return [
    { key: 'unrealistic', title: 'Most unrealistic synthetic items (highest P(synthetic))', groups: [synth.slice(0, limits.perGallery)], available: synth.length },
    { key: 'unrepresentative', title: 'Least represented real items (lowest P(synthetic))', groups: [real.slice(0, limits.perGallery)], available: real.length },
    { key: 'unvaried', title: 'Near-duplicate sets inside the synthetic set', groups: unvaried.slice(0, limits.sets).map((s) => s.set.members.slice(0, limits.perSet)), available: unvaried.length },
    {
      key: 'unoriginal', title: 'Synthetic items beside the real items they copy', available: unoriginal.length,
      groups: unoriginal.slice(0, limits.sets).map(({ synthetic: copies, real: sources }) => {
        // Copies first, then their sources, with room for at least one source.
        const nCopies = Math.min(copies.length, Math.max(1, limits.perSet - Math.min(sources.length, Math.ceil(limits.perSet / 2))));
        return [...copies.slice(0, nCopies), ...sources.slice(0, limits.perSet - nCopies)];
      }),
    },
  ];
}

/** Where a row's file lives: the set's path (as the report names it) and the row's path inside it. */
export function rowSource(report: Report, ex: Experiment, row: number): { side: Side; setPath: string; path: string } {
  const r = ex.rows[row];
  return { side: r.side, setPath: r.side === 'real' ? report.real.path : ex.syntheticPath, path: r.path };
}

/** One key per file, shared by every experiment that shows it (the real set is common to all). */
export const thumbKey = (s: { side: Side; setPath: string; path: string }) => `${s.side}\u0000${s.setPath}\u0000${s.path}`;

/** Every distinct file the galleries of a report would show, in order of first appearance. */
export interface GalleryFile {
  key: string;
  side: Side;
  setPath: string;
  path: string;
  /** The row's content hash when the report carries one (the key of a stored thumbnail). */
  hash?: string;
}

export function galleryFiles(report: Report, limits: GalleryLimits = DEFAULT_LIMITS): GalleryFile[] {
  const out = new Map<string, GalleryFile>();
  for (const ex of report.experiments)
    for (const g of pickGalleries(ex, limits))
      for (const group of g.groups)
        for (const i of group) {
          const s = rowSource(report, ex, i);
          const key = thumbKey(s);
          const hash = ex.hashes?.[i];
          if (!out.has(key)) out.set(key, { key, ...s, ...(hash ? { hash } : {}) });
        }
  return [...out.values()];
}
