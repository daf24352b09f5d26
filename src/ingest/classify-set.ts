// The one classification step of a set's files, shared by the Node walker (node-walk.ts) and the
// browser lister (browser-list.ts): each file's kind from its name, size and first bytes; the
// set's modality, the most common usable kind; a reason for every file left out; the CLASS RULE.
import { pooledMap } from '../core/pooled-map.ts';
import type { Side } from '../report/schema.ts';
import { cannotReadFile, EMPTY_FILE, notOfKind, unrecognisedType } from './skip-reasons.ts';
import { SNIFF_BYTES, sniffKind, type Sniffed } from './sniff.ts';
import { classesOf, type IngestItem, type ListedSet, type SkippedItem } from './types.ts';

/** One file of a set, on any platform. */
export interface SetFile {
  /** Relative to the set root, '/'-separated. */
  path: string;
  size: number;
  /** The file's first `n` bytes (all of them when it is shorter). */
  head(n: number): Promise<Uint8Array>;
}

/** What one file looks like from its size and first bytes, or why it cannot be used at all. */
async function sniffFile(f: SetFile): Promise<Sniffed | string> {
  if (f.size === 0) return EMPTY_FILE;
  try {
    return sniffKind(await f.head(SNIFF_BYTES), f.path);
  } catch (err) {
    return cannotReadFile(err);
  }
}

type Modality = ListedSet['modality'];

/** Tie order of the kinds: every modality has a place (the compiler checks a new one gets one). */
const TIE_ORDER: Record<NonNullable<Modality>, number> = { image: 0, table: 1, text: 2 };

/** The most common kind among usable files; ties: image, then table, then text. */
function modalityOf(countsByKind: Record<string, number>): Modality {
  const kinds = (Object.keys(TIE_ORDER) as NonNullable<Modality>[]).sort((a, b) => TIE_ORDER[a] - TIE_ORDER[b]);
  return kinds.reduce<Modality>(
    (best, k) => ((countsByKind[k] ?? 0) > (best ? countsByKind[best] ?? 0 : 0) ? k : best), null);
}

/** Why a readable file of kind `s` is left out of a set of `modality`. */
function wrongKind(s: Sniffed, modality: Modality): string {
  if (modality === null) return unrecognisedType(s.label);
  if (s.kind === 'unknown' && s.label.includes('unsupported')) return s.label;
  return notOfKind(modality, s.label);
}

/**
 * Sniff `files` (in the order the set lists them) a few at a time and classify them. `skipped`
 * holds what the caller already left out (hidden entries, unreadable folders); every skip comes
 * back in path order.
 */
export async function classifySet(
  root: string, files: readonly SetFile[], side: Side,
  opts: { signal?: AbortSignal; skipped?: readonly SkippedItem[]; concurrency?: number } = {},
): Promise<ListedSet> {
  const { signal } = opts;
  const sniffed: (Sniffed | string)[] = await pooledMap(files, opts.concurrency ?? 16, sniffFile, signal);

  const countsByKind: Record<string, number> = {};
  for (const s of sniffed) if (typeof s !== 'string') countsByKind[s.kind] = (countsByKind[s.kind] ?? 0) + 1;
  const modality = modalityOf(countsByKind);

  const skipped: SkippedItem[] = [...(opts.skipped ?? [])];
  const usable: { f: SetFile; s: Sniffed }[] = [];
  files.forEach((f, i) => {
    const s = sniffed[i];
    if (typeof s !== 'string' && s.kind === modality) usable.push({ f, s });
    else skipped.push({ path: f.path, side, reason: typeof s === 'string' ? s : wrongKind(s, modality) });
  });
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { classNames, classes } = classesOf(usable.map((u) => u.f.path));
  const items: IngestItem[] = usable.map(({ f, s }, i) => ({
    path: f.path, className: classNames[i], size: f.size, kind: s.kind, format: s.format,
  }));
  return { root, items, skipped, classes, countsByKind, modality };
}
