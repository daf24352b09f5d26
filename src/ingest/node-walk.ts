// Node folder walker: lists one set (real or synthetic) behind the ListedSet interface.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Side } from '../core/report.js';
import { SNIFF_BYTES, sniffKind, type Sniffed } from './sniff.js';
import { classesOf, InputError, type IngestItem, type ListedSet, type SkippedItem } from './types.js';

export interface ListOptions {
  signal?: AbortSignal;
  /** Files sniffed at once (default 16). */
  concurrency?: number;
}

/** 'permission denied (EACCES)' from a Node fs error; the message otherwise. */
export function osReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'no such file or folder',
    ENOTDIR: 'not a folder', ELOOP: 'too many symbolic links', EIO: 'input/output error',
    EMFILE: 'too many open files', ENAMETOOLONG: 'name too long', EISDIR: 'is a folder',
  };
  if (e && typeof e.code === 'string') return `${words[e.code] ?? e.message} (${e.code})`;
  return e instanceof Error ? e.message : String(err);
}

const article = (kind: string): string => (kind === 'image' ? 'an image' : kind === 'table' ? 'a table' : 'text');

interface FileEntry { rel: string; abs: string; size: number }

/**
 * Walk `root` recursively. Hidden entries (names starting with '.') are not read but are listed in
 * `skipped` ('hidden file' / 'hidden folder, not scanned'); symbolic links are followed, with a
 * loop guard. Throws InputError when root does not exist, is not a folder or cannot be read.
 */
export async function listSet(root: string, side: Side, opts: ListOptions = {}): Promise<ListedSet> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const absRoot = path.resolve(root);
  let rootStat;
  try {
    rootStat = await stat(absRoot);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT'
      ? `The ${side} folder does not exist: ${root}`
      : `Cannot open the ${side} folder ${root}: ${osReason(err)}`);
  }
  if (!rootStat.isDirectory()) throw new InputError(`The ${side} path is not a folder: ${root}`);

  const skipped: SkippedItem[] = [];
  const skip = (rel: string, reason: string) => skipped.push({ path: rel, side, reason });
  const files: FileEntry[] = [];
  const seenDirs = new Set<string>([`${rootStat.dev}:${rootStat.ino}`]);

  const walk = async (absDir: string, relDir: string): Promise<void> => {
    signal?.throwIfAborted();
    let names: string[];
    try {
      names = await readdir(absDir);
    } catch (err) {
      if (relDir === '') throw new InputError(`Cannot read the ${side} folder ${root}: ${osReason(err)}`);
      skip(relDir, `cannot read folder: ${osReason(err)}`);
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const abs = path.join(absDir, name);
      let st;
      try {
        st = await stat(abs); // follows symlinks
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        skip(rel, code === 'ENOENT' ? 'broken symbolic link' : `cannot read: ${osReason(err)}`);
        continue;
      }
      if (name.startsWith('.')) {
        skip(rel, st.isDirectory() ? 'hidden folder, not scanned' : 'hidden file');
      } else if (st.isDirectory()) {
        const id = `${st.dev}:${st.ino}`;
        if (seenDirs.has(id)) { skip(rel, 'folder already scanned (symbolic link loop)'); continue; }
        seenDirs.add(id);
        await walk(abs, rel);
      } else if (!st.isFile()) {
        skip(rel, 'not a regular file');
      } else if (st.size === 0) {
        skip(rel, 'empty file (0 bytes)');
      } else {
        files.push({ rel, abs, size: st.size });
      }
    }
  };
  await walk(absRoot, '');

  // Sniff every file's head, a few at a time; results kept in walk order.
  const sniffed: (Sniffed | string)[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      signal?.throwIfAborted();
      const i = next++;
      try {
        sniffed[i] = sniffKind(await readHead(files[i].abs), files[i].rel);
      } catch (err) {
        sniffed[i] = `cannot read file: ${osReason(err)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 16) }, worker));

  const countsByKind: Record<string, number> = {};
  for (const s of sniffed) if (typeof s !== 'string') countsByKind[s.kind] = (countsByKind[s.kind] ?? 0) + 1;
  const modality = (['image', 'table', 'text'] as const).reduce<'image' | 'table' | 'text' | null>(
    (best, k) => ((countsByKind[k] ?? 0) > (best ? countsByKind[best] ?? 0 : 0) ? k : best), null);

  const usable: { f: FileEntry; s: Sniffed }[] = [];
  files.forEach((f, i) => {
    const s = sniffed[i];
    if (typeof s === 'string') skip(f.rel, s);
    else if (s.kind === modality) usable.push({ f, s });
    else if (modality === null) skip(f.rel, `unrecognised file type (looks like ${s.label})`);
    else if (s.kind === 'unknown' && s.label.includes('unsupported')) skip(f.rel, s.label);
    else skip(f.rel, `not ${article(modality)} (looks like ${s.label})`);
  });
  // Keep skipped in path order, however they were found.
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { classNames, classes } = classesOf(usable.map((u) => u.f.rel));
  const items: IngestItem[] = usable.map(({ f, s }, i) => ({
    path: f.rel, className: classNames[i], size: f.size, kind: s.kind, format: s.format,
  }));
  return { root: absRoot, items, skipped, classes, countsByKind, modality };
}

async function readHead(abs: string): Promise<Uint8Array> {
  const fh = await open(abs, 'r');
  try {
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
