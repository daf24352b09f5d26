// Lists one set from browser File objects (a dropped folder, a folder or file picker) behind the
// same ListedSet interface and rules as the Node walker: hidden entries and empty files are
// skipped with a reason, content sniffing decides the kind, the set's modality is the most common
// usable kind, and the CLASS RULE gives class names. Uses only Blob APIs: runs in a window or a worker.
import type { Side } from '../core/report.js';
import { SNIFF_BYTES, sniffKind, type Sniffed } from './sniff.js';
import { classesOf, type IngestItem, type ListedSet, type SkippedItem } from './types.js';

/** One file of a set, with its path relative to the set's root ('/'-separated). */
export interface FileRef {
  path: string;
  file: Blob & { readonly size: number };
}

/** Depth-first, code-point order of names: compare path segment by segment. */
export function comparePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] !== bs[i]) {
      // A file and a folder at the same level: order by name only, as readdir + sort does.
      return as[i] < bs[i] ? -1 : 1;
    }
  }
  return as.length - bs.length;
}

const article = (kind: string): string => (kind === 'image' ? 'an image' : kind === 'table' ? 'a table' : 'text');

function errorText(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

/**
 * Sniff and classify `files` (paths relative to the set root). `skipped` may carry problems the
 * caller met while collecting the files (an unreadable folder); they are merged in path order.
 */
export async function listFileRefs(
  root: string, files: readonly FileRef[], side: Side,
  opts: { signal?: AbortSignal; skipped?: readonly SkippedItem[]; concurrency?: number } = {},
): Promise<ListedSet> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const skipped: SkippedItem[] = [...(opts.skipped ?? [])];
  const skip = (path: string, reason: string) => skipped.push({ path, side, reason });
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));

  const hiddenFolders = new Set<string>();
  const candidates: FileRef[] = [];
  for (const f of sorted) {
    const parts = f.path.split('/');
    const hiddenAt = parts.findIndex((p) => p.startsWith('.'));
    if (hiddenAt >= 0 && hiddenAt < parts.length - 1) {
      const folder = parts.slice(0, hiddenAt + 1).join('/');
      if (!hiddenFolders.has(folder)) skip(folder, 'hidden folder, not scanned');
      hiddenFolders.add(folder);
    } else if (hiddenAt === parts.length - 1) {
      skip(f.path, 'hidden file');
    } else if (f.file.size === 0) {
      skip(f.path, 'empty file (0 bytes)');
    } else {
      candidates.push(f);
    }
  }

  const sniffed: (Sniffed | string)[] = new Array(candidates.length);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      signal?.throwIfAborted();
      const i = next++;
      try {
        const head = new Uint8Array(await candidates[i].file.slice(0, SNIFF_BYTES).arrayBuffer());
        sniffed[i] = sniffKind(head, candidates[i].path);
      } catch (err) {
        sniffed[i] = `cannot read file: ${errorText(err)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 16) }, worker));

  const countsByKind: Record<string, number> = {};
  for (const s of sniffed) if (typeof s !== 'string') countsByKind[s.kind] = (countsByKind[s.kind] ?? 0) + 1;
  const modality = (['image', 'table', 'text'] as const).reduce<'image' | 'table' | 'text' | null>(
    (best, k) => ((countsByKind[k] ?? 0) > (best ? countsByKind[best] ?? 0 : 0) ? k : best), null);

  const usable: { f: FileRef; s: Sniffed }[] = [];
  candidates.forEach((f, i) => {
    const s = sniffed[i];
    if (typeof s === 'string') skip(f.path, s);
    else if (s.kind === modality) usable.push({ f, s });
    else if (modality === null) skip(f.path, `unrecognised file type (looks like ${s.label})`);
    else if (s.kind === 'unknown' && s.label.includes('unsupported')) skip(f.path, s.label);
    else skip(f.path, `not ${article(modality)} (looks like ${s.label})`);
  });
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { classNames, classes } = classesOf(usable.map((u) => u.f.path));
  const items: IngestItem[] = usable.map(({ f, s }, i) => ({
    path: f.path, className: classNames[i], size: f.file.size, kind: s.kind, format: s.format,
  }));
  return { root, items, skipped, classes, countsByKind, modality };
}
