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
  /** Persist a batch; resolved once it is durable, so a cancel or crash keeps it. */
  putMany(entries: { fileHash: string; value: CachedVector }[]): Promise<void>;
  readonly size: number;
  close(): Promise<void>;
}

/** A cache that keeps nothing (`--no-cache`). */
export function noCache(): VectorCache {
  return {
    get: async () => undefined,
    putMany: async () => {},
    size: 0,
    close: async () => {},
  };
}
