// The top items of each gallery, chosen from a Report alone (no data needed): the HTML export
// embeds these as thumbnails, and any view that has only the report can list them.
import type { Experiment, Report, Side } from './report.ts';

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
  const idx = ex.rows.map((_, i) => i);
  const synth = idx.filter((i) => ex.rows[i].side === 'synthetic').sort((a, b) => ex.rows[b].p - ex.rows[a].p || a - b);
  const real = idx.filter((i) => ex.rows[i].side === 'real').sort((a, b) => ex.rows[a].p - ex.rows[b].p || a - b);
  // Largest sets first (the worst repetition / copying), then by id for a stable order.
  const bySize = (kind: 'unvaried' | 'unoriginal') => ex.nearDuplicateSets
    .filter((s) => s.kind === kind)
    .sort((a, b) => b.members.length - a.members.length || a.id - b.id);
  const unvaried = bySize('unvaried');
  const unoriginal = bySize('unoriginal');
  const side = (i: number): Side => ex.rows[i].side;
  return [
    { key: 'unrealistic', title: 'Most unrealistic synthetic items (highest P(synthetic))', groups: [synth.slice(0, limits.perGallery)], available: synth.length },
    { key: 'unrepresentative', title: 'Least represented real items (lowest P(synthetic))', groups: [real.slice(0, limits.perGallery)], available: real.length },
    { key: 'unvaried', title: 'Near-duplicate sets inside the synthetic set', groups: unvaried.slice(0, limits.sets).map((s) => s.members.slice(0, limits.perSet)), available: unvaried.length },
    {
      key: 'unoriginal', title: 'Synthetic items beside the real items they copy', available: unoriginal.length,
      groups: unoriginal.slice(0, limits.sets).map((s) => {
        // Copies first, then their sources, with room for at least one source.
        const copies = s.members.filter((i) => side(i) === 'synthetic');
        const sources = s.members.filter((i) => side(i) === 'real');
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
