// Lists one set from browser File objects (a dropped folder, a folder or file picker) by the same
// rules as the Node walker: hidden entries are skipped with a reason, then the shared
// classification step (classify-set.ts) decides each file's kind and the set's modality. Uses only
// Blob APIs: runs in a window or a worker.
import { pooledMap } from '../core/pooled-map.ts';
import type { Side } from '../report/schema.ts';
import { classifySet, type SetFile } from './classify-set.ts';
import { HIDDEN_FILE, HIDDEN_FOLDER } from './skip-reasons.ts';
import { SNIFF_BYTES } from './sniff.ts';
import type { ListedSet, SkippedItem } from './types.js';

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

/**
 * `files` in path order, less hidden ones (a name starting with '.'), as the Node walker meets
 * them: a hidden file is skipped, a hidden folder is skipped once and not entered.
 */
export function withoutHidden(files: readonly FileRef[], side: Side): { visible: FileRef[]; skipped: SkippedItem[] } {
  const visible: FileRef[] = [];
  const skipped: SkippedItem[] = [];
  const hiddenFolders = new Set<string>();
  for (const f of [...files].sort((a, b) => comparePaths(a.path, b.path))) {
    const parts = f.path.split('/');
    const hiddenAt = parts.findIndex((p) => p.startsWith('.'));
    if (hiddenAt < 0) {
      visible.push(f);
    } else if (hiddenAt === parts.length - 1) {
      skipped.push({ path: f.path, side, reason: HIDDEN_FILE });
    } else {
      const folder = parts.slice(0, hiddenAt + 1).join('/');
      if (!hiddenFolders.has(folder)) skipped.push({ path: folder, side, reason: HIDDEN_FOLDER });
      hiddenFolders.add(folder);
    }
  }
  return { visible, skipped };
}

/** Files up to this size are read whole for their head: in Chromium a read of a Blob.slice cost
 *  about twice a read of the whole small file (4,000 files of 300 bytes: ~2.5 s against ~1 s), and
 *  a head is what listing reads of every file (docs/benchmarks.md, issue 17). */
export const WHOLE_READ_BYTES = 64 * 1024;

/** A file read for its head, given `size` (read once: see readHead). */
export function setFileOf(ref: FileRef): SetFile {
  const { file } = ref;
  const size = file.size;
  return {
    path: ref.path,
    size,
    head: async (n) => {
      if (size > WHOLE_READ_BYTES && n < size) return new Uint8Array(await file.slice(0, n).arrayBuffer());
      const all = new Uint8Array(await file.arrayBuffer());
      return n < all.length ? all.subarray(0, n) : all;
    },
  };
}

/** The first `n` bytes of `chunks` (of `got` bytes in all), in a buffer of their own. */
function firstBytes(chunks: readonly Uint8Array[], n: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].length <= n) return chunks[0];
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    if (at >= n) break;
    const part = c.subarray(0, n - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A file's first `n` bytes and its size, from one read: a file of up to WHOLE_READ_BYTES is
 * streamed whole and its size is what came; a bigger one is cut off after its first chunks and only
 * then asked its size. Why not `file.size` first: in Chromium a picked file's size is a synchronous
 * round trip to the browser process on every read of it (~0.2 ms on the page's main thread); the
 * listing asked it twice per file, ~1.8 s of 4,000 small files (issue 17, docs/benchmarks.md).
 */
export async function readHead(file: FileRef['file'], n: number): Promise<{ size: number; head: Uint8Array }> {
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let got = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { size: got, head: firstBytes(chunks, Math.min(n, got)) };
      chunks.push(value);
      got += value.length;
      if (got > WHOLE_READ_BYTES && got >= n) return { size: file.size, head: firstBytes(chunks, n) };
    }
  } finally {
    // A big file's rest is not read; a finished stream ignores the cancel.
    reader.cancel().catch(() => {});
  }
}

/**
 * The files of a listing with their heads read ahead, `concurrency` at a time (SNIFF_BYTES each,
 * kept; a longer head is read again). A file that cannot be read keeps its error for head(), and
 * its size is asked of the File, so it is skipped with its name and the reason as before.
 */
async function withHeads(refs: readonly FileRef[], opts: { signal?: AbortSignal; concurrency?: number }): Promise<SetFile[]> {
  return pooledMap(refs, opts.concurrency ?? 32, async (ref): Promise<SetFile> => {
    try {
      const { size, head } = await readHead(ref.file, SNIFF_BYTES);
      return { path: ref.path, size, head: (k) => (k <= head.length || head.length === size ? Promise.resolve(head.subarray(0, k)) : setFileOf(ref).head(k)) };
    } catch (err) {
      return { path: ref.path, get size() { return ref.file.size; }, head: () => Promise.reject(err) };
    }
  }, opts.signal);
}

/**
 * Sniff and classify `files` (paths relative to the set root). `skipped` may carry problems the
 * caller met while collecting the files (an unreadable folder); they are merged in path order.
 */
export async function listFileRefs(
  root: string, files: readonly FileRef[], side: Side,
  opts: { signal?: AbortSignal; skipped?: readonly SkippedItem[]; concurrency?: number } = {},
): Promise<ListedSet> {
  opts.signal?.throwIfAborted();
  const { visible, skipped } = withoutHidden(files, side);
  return classifySet(root, await withHeads(visible, opts), side, { ...opts, skipped: [...(opts.skipped ?? []), ...skipped] });
}

/** One set as the page hands it to the scoring worker. `listed`: the page's listing of these files,
 *  made by listFileRefs when they were dropped. */
export interface FileSet {
  files: FileRef[];
  skipped?: SkippedItem[];
  listed?: ListedSet;
}

/** A set's listing: the page's, under the run's key, so a run does not sniff every file's head a
 *  second time (issue 17); or, when the page sent none, made here from the files. */
export async function listFileSet(root: string, set: FileSet, side: Side, signal?: AbortSignal): Promise<ListedSet> {
  signal?.throwIfAborted();
  if (set.listed) return { ...set.listed, root };
  return listFileRefs(root, set.files, side, { signal, skipped: set.skipped });
}
