// The grouped reader gives each file exactly its own bytes, as a read of it alone would, however
// the files asked for together are grouped (small ones in shared Blob reads, big ones alone), and a
// file that cannot be read gets its own error while the files read with it still come back.
// Node's Blob stands in for the browser's File.
import { describe, expect, it } from 'vitest';
import { GROUP_FILE_BYTES, GROUP_FILES, groupedReader } from '../../src/ingest/browser-read.ts';
import { digit, encode } from './fixtures.ts';

const blobOf = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]);

/** A file the browser lists but cannot read (deleted or locked since it was picked). */
function unreadable(size: number): Blob {
  const err = new DOMException('The requested file could not be read.', 'NotReadableError');
  return { size, arrayBuffer: () => Promise.reject(err) } as unknown as Blob;
}

describe('groupedReader', () => {
  it('reads every file of a chunk to its own bytes, small ones grouped and big ones alone', async () => {
    const pngs = await Promise.all(Array.from({ length: 2 * GROUP_FILES + 5 }, async (_, i) => new Uint8Array(await encode.png(digit(i % 10, i)))));
    const big = new Uint8Array(GROUP_FILE_BYTES + 7).map((_, i) => i % 253);
    const files = [...pngs, big, new Uint8Array(0), ...pngs.slice(0, 3)];
    const read = groupedReader();
    const got = await Promise.all(files.map((b) => read(blobOf(b))));
    expect(got).toEqual(files);
    // Each file has a buffer of its own: a kept file does not hold its group's bytes.
    expect(got[0].buffer.byteLength).toBe(files[0].length);
  });

  it('gives a file it cannot read its own error, and the files read with it their bytes', async () => {
    const pngs = await Promise.all(Array.from({ length: 6 }, async (_, i) => new Uint8Array(await encode.png(digit(i, i)))));
    const read = groupedReader();
    const asked = [...pngs.slice(0, 3).map((b) => read(blobOf(b))), read(unreadable(300)), ...pngs.slice(3).map((b) => read(blobOf(b)))];
    const settled = await Promise.allSettled(asked);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))).toEqual(pngs);
    expect((settled[3] as PromiseRejectedResult).reason.name).toBe('NotReadableError');
  });

  it('reads files asked for one at a time too', async () => {
    const read = groupedReader();
    const a = new Uint8Array(await encode.png(digit(1)));
    const b = new Uint8Array(await encode.png(digit(2)));
    expect(await read(blobOf(a))).toEqual(a);
    expect(await read(blobOf(b))).toEqual(b);
  });
});
