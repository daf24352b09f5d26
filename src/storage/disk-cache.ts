// CLI vector cache: one append-only file per model, `<dir>/<model-id>.vectors`.
// Record = fileHash (32 bytes) | pixelHash (32 bytes) | dim float32. Append-only means a run
// that is killed mid-write loses at most its last partial record, which load() cuts off.
import { open, mkdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { assertContentHash, isUsableVector, type CachedVector, type VectorCache } from './vector-cache.ts';

const HASH_BYTES = 32;

export async function openDiskCache(dir: string, modelId: string, dim: number): Promise<VectorCache> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${modelId.replace(/[^\w.-]/g, '_')}.d${dim}.vectors`);
  const recordBytes = 2 * HASH_BYTES + dim * 4;
  const map = new Map<string, CachedVector>();

  let buf: Buffer | null = null;
  try {
    buf = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (buf) {
    const whole = Math.floor(buf.length / recordBytes) * recordBytes;
    for (let off = 0; off < whole; off += recordBytes) {
      const fileHash = buf.toString('hex', off, off + HASH_BYTES);
      const pixelHash = buf.toString('hex', off + HASH_BYTES, off + 2 * HASH_BYTES);
      const start = buf.byteOffset + off + 2 * HASH_BYTES;
      // Copy out: the read buffer may not be 4-byte aligned for a Float32Array view.
      const vector = new Float32Array(buf.buffer.slice(start, start + dim * 4));
      map.set(fileHash, { vector, pixelHash });
    }
    if (whole !== buf.length) await truncate(file, whole); // a torn last record from a killed run
  }

  const handle = await open(file, 'a');
  return {
    get: async (fileHash) => {
      assertContentHash(fileHash);
      return map.get(fileHash);
    },
    getMany: async (fileHashes) => {
      fileHashes.forEach(assertContentHash);
      return fileHashes.map((k) => map.get(k));
    },
    get size() {
      return map.size;
    },
    async putMany(entries) {
      entries.forEach((e) => assertContentHash(e.fileHash));
      // A stored key is put again only when validatedCache found it damaged; the last record wins on load.
      const fresh = entries.filter((e) => !map.has(e.fileHash) || !isUsableVector(map.get(e.fileHash)!.vector, dim));
      if (fresh.length === 0) return;
      const out = Buffer.alloc(fresh.length * recordBytes);
      fresh.forEach((e, i) => {
        const off = i * recordBytes;
        out.write(e.fileHash, off, HASH_BYTES, 'hex');
        out.write(e.value.pixelHash, off + HASH_BYTES, HASH_BYTES, 'hex');
        Buffer.from(e.value.vector.buffer, e.value.vector.byteOffset, dim * 4).copy(out, off + 2 * HASH_BYTES);
        map.set(e.fileHash, e.value);
      });
      await handle.write(out);
      await handle.datasync();
    },
    close: () => handle.close(),
  };
}
