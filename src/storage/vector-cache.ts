// The vector cache contract shared by the browser (IndexedDB) and the CLI (a file on disk).
// A vector is keyed by model id + the content hash of the file it came from, so a renamed or
// moved file is still a hit and an edited file is a miss.

export interface CachedVector {
  /** L2-normalised embedding. */
  vector: Float32Array;
  /** Hash of the decoded pixels (exact duplicates are found by it without decoding again). */
  pixelHash: string;
}

/** A content hash as every cache key is: SHA-256, 64 lower-case hex digits (an image file's bytes,
 *  or a text's UTF-8 bytes). The disk cache stores keys as 32 raw bytes, so anything else would
 *  collapse onto one key: refused here for both caches alike. */
export function assertContentHash(key: string): void {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`A vector cache key must be a SHA-256 hex digest, not "${key.slice(0, 80)}".`);
}

export interface VectorCache {
  /** `fileHash`: see assertContentHash. */
  get(fileHash: string): Promise<CachedVector | undefined>;
  /** The records of many keys, in their order (undefined: a miss), in one round trip: one
   *  IndexedDB transaction for the lot, where a get per key cost a transaction each (issue 17). */
  getMany(fileHashes: readonly string[]): Promise<(CachedVector | undefined)[]>;
  /** Persist a batch; resolved once it is durable, so a cancel or crash keeps it. */
  putMany(entries: { fileHash: string; value: CachedVector }[]): Promise<void>;
  readonly size: number;
  close(): Promise<void>;
}

/** A cache that keeps nothing (`--no-cache`). */
export function noCache(): VectorCache {
  return {
    get: async () => undefined,
    getMany: async (keys) => keys.map(() => undefined),
    putMany: async () => {},
    size: 0,
    close: async () => {},
  };
}

/** A vector a run can use: `dim` finite values with a non-zero norm (a cache file damaged on disk
 *  or by a bad write holds NaN, or zeros that would silently score as noise). */
export function isUsableVector(v: Float32Array, dim: number): boolean {
  if (v.length !== dim) return false;
  let sq = 0;
  for (let i = 0; i < dim; i++) sq += v[i] * v[i];
  return Number.isFinite(sq) && sq > 0;
}

export interface ValidatedCache extends VectorCache {
  /** Cached vectors found damaged since this wrapper was made: each was a miss, so it was embedded
   *  again and written back over the damaged one. */
  readonly damaged: number;
}

/** The one place both caches are checked on read: a damaged vector (see isUsableVector) is
 *  counted and reported as a miss, so the run embeds it again and puts the fresh vector, which both
 *  caches then write over the damaged one. */
export function validatedCache(cache: VectorCache, dim: number): ValidatedCache {
  const damaged = new Set<string>();
  const checked = (fileHash: string, hit: CachedVector | undefined): CachedVector | undefined => {
    if (!hit || isUsableVector(hit.vector, dim)) return hit;
    damaged.add(fileHash);
    return undefined;
  };
  return {
    get: async (fileHash) => checked(fileHash, await cache.get(fileHash)),
    getMany: async (fileHashes) => (await cache.getMany(fileHashes)).map((hit, i) => checked(fileHashes[i], hit)),
    putMany: (entries) => cache.putMany(entries),
    get size() {
      return cache.size;
    },
    close: () => cache.close(),
    get damaged() {
      return damaged.size;
    },
  };
}

/** The run's warning for `damaged` re-embedded vectors, or none. */
export function damagedCacheWarnings(damaged: number): string[] {
  return damaged > 0 ? [`${damaged} cached vector${damaged === 1 ? ' was' : 's were'} damaged and ${damaged === 1 ? 'was' : 'were'} embedded again.`] : [];
}
