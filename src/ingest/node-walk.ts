// Node folder walker: the one walk of a set's folder, for images, tables and text alike, then
// (for listSet) the shared classification step of classify-set.ts.
import type { Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Side } from '../report/schema.ts';
import { classifySet, type SetFile } from './classify-set.ts';
import { BROKEN_LINK, cannotRead, cannotReadFolder, errorReason, HIDDEN_FILE, HIDDEN_FOLDER, LINK_LOOP, NOT_REGULAR_FILE } from './skip-reasons.ts';
import { InputError, type ListedSet, type SkippedItem } from './types.js';

export interface ListOptions {
  signal?: AbortSignal;
  /** Files sniffed at once (default 16). */
  concurrency?: number;
}

/** The first `n` bytes of a file (fewer when it is shorter). */
async function readStart(abs: string, n: number): Promise<Uint8Array> {
  const fh = await open(abs, 'r');
  try {
    const buf = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      const { bytesRead } = await fh.read(buf, off, n - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
  }
}

/** A file on disk as a SetFile: `rel` names it, `size` is from its stat. */
export function nodeSetFile(abs: string, rel: string, size: number): SetFile {
  return { path: rel, size, head: (n) => readStart(abs, Math.min(n, size)) };
}

/** `input` resolved and its stat; an InputError naming it as the side's `noun` when it has none. */
export async function statInput(input: string, side: Side, noun: 'folder' | 'path'): Promise<{ abs: string; st: Stats }> {
  const abs = path.resolve(input);
  try {
    return { abs, st: await stat(abs) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT'
      ? `The ${side} ${noun} does not exist: ${input}`
      : `Cannot open the ${side} ${noun} ${input}: ${errorReason(err)}`);
  }
}

/**
 * Walk `root` recursively, depth-first in code-point order of names. Hidden entries (names
 * starting with '.') are not read but are listed in `skipped`, as is everything else that is not
 * a readable regular file; symbolic links are followed, and a folder met again (a link loop) is
 * skipped. Throws InputError when root does not exist, is not a folder or cannot be read.
 */
export async function walkFolder(root: string, side: Side, signal?: AbortSignal): Promise<{ root: string; files: SetFile[]; skipped: SkippedItem[] }> {
  const { abs: absRoot, st: rootStat } = await statInput(root, side, 'folder');
  if (!rootStat.isDirectory()) throw new InputError(`The ${side} path is not a folder: ${root}`);

  const skipped: SkippedItem[] = [];
  const skip = (rel: string, reason: string) => skipped.push({ path: rel, side, reason });
  const files: SetFile[] = [];
  const seenDirs = new Set<string>([`${rootStat.dev}:${rootStat.ino}`]);

  const walk = async (absDir: string, relDir: string): Promise<void> => {
    signal?.throwIfAborted();
    let names: string[];
    try {
      names = await readdir(absDir);
    } catch (err) {
      if (relDir === '') throw new InputError(`Cannot read the ${side} folder ${root}: ${errorReason(err)}`);
      skip(relDir, cannotReadFolder(err));
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
        skip(rel, (err as NodeJS.ErrnoException).code === 'ENOENT' ? BROKEN_LINK : cannotRead(err));
        continue;
      }
      if (name.startsWith('.')) {
        skip(rel, st.isDirectory() ? HIDDEN_FOLDER : HIDDEN_FILE);
      } else if (st.isDirectory()) {
        const id = `${st.dev}:${st.ino}`;
        if (seenDirs.has(id)) { skip(rel, LINK_LOOP); continue; }
        seenDirs.add(id);
        await walk(abs, rel);
      } else if (!st.isFile()) {
        skip(rel, NOT_REGULAR_FILE);
      } else {
        files.push(nodeSetFile(abs, rel, st.size));
      }
    }
  };
  await walk(absRoot, '');
  return { root: absRoot, files, skipped };
}

/** Lists one set (real or synthetic) behind the ListedSet interface: walk, then classify. */
export async function listSet(root: string, side: Side, opts: ListOptions = {}): Promise<ListedSet> {
  opts.signal?.throwIfAborted();
  const walked = await walkFolder(root, side, opts.signal);
  return classifySet(walked.root, walked.files, side, { ...opts, skipped: walked.skipped });
}
