// The CLI's vector cache as the flags name it. A cache is a speed-up, never a reason to fail: one
// that cannot be opened (its folder not creatable, a file in its place, no permission) is reported
// once on stderr and the run goes on without it.
import { openDiskCache } from '../storage/disk-cache.ts';
import type { VectorCache } from '../storage/vector-cache.ts';
import { printable } from './printable.ts';

export interface CacheFlags {
  cacheDir?: string;
  noCache?: boolean;
}

/** `dir` is the default folder, used when --cache-dir is not given; undefined: run without a cache. */
export async function openCliCache(flags: CacheFlags, dir: string, modelKey: string, dim: number): Promise<VectorCache | undefined> {
  if (flags.noCache) return undefined;
  const folder = flags.cacheDir ?? dir;
  try {
    return await openDiskCache(folder, modelKey, dim);
  } catch (e) {
    process.stderr.write(
      `warning: the vector cache at ${printable(folder)} cannot be used (${printable(cacheProblem(e as Error))}); running without it\n`,
    );
    return undefined;
  }
}

function cacheProblem(e: Error): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way of the folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return e.message;
  }
}
