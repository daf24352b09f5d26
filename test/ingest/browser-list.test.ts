// The browser lister reads each file's head once: a run reuses the listing the page made when the
// files were dropped (issue 17: the run's "read" stage sniffed every head a second time), and a
// small file's head is read whole (a Blob.slice read cost about twice as much in Chromium) while a
// big file is never read whole for its head. Node's Blob stands in for the browser's File.
import { describe, expect, it } from 'vitest';
import { listFileRefs, listFileSet, setFileOf, WHOLE_READ_BYTES, type FileRef } from '../../src/ingest/browser-list.ts';
import { digit, encode } from './fixtures.ts';

/** A Blob that counts whole reads and slices (and the bytes those slices read). */
function countingFile(bytes: Uint8Array, reads: { whole: number; sliced: number[] }): FileRef['file'] {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const file = {
    size: blob.size,
    arrayBuffer: () => (reads.whole++, blob.arrayBuffer()),
    slice: (a?: number, b?: number) => {
      const part = blob.slice(a, b);
      reads.sliced.push(part.size);
      return part;
    },
  };
  return file as unknown as FileRef['file'];
}

const pngs = async (n: number) => Promise.all(Array.from({ length: n }, async (_, i) => new Uint8Array(await encode.png(digit(i % 10, i)))));

describe('setFileOf', () => {
  it('gives the first n bytes of small and big files alike, and never reads a big file whole for its head', async () => {
    const [png] = await pngs(1);
    const big = new Uint8Array(WHOLE_READ_BYTES * 4).map((_, i) => i % 251);
    const reads = { whole: 0, sliced: [] as number[] };
    const small = setFileOf({ path: 'a.png', file: countingFile(png, reads) });
    const large = setFileOf({ path: 'b.bin', file: countingFile(big, reads) });

    expect(await small.head(512)).toEqual(png.subarray(0, 512));
    expect(await small.head(8)).toEqual(png.subarray(0, 8));
    expect(await large.head(512)).toEqual(big.subarray(0, 512));
    expect(await large.head(big.length)).toEqual(big);
    // The small file: two whole reads, no slice; the big one: a 512-byte slice, then whole when all was asked.
    expect(reads).toEqual({ whole: 3, sliced: [512] });
  });
});

describe('listFileSet', () => {
  it('a run takes the listing the page made of the same files, under the run key, reading no file again', async () => {
    const bytes = await pngs(12);
    const reads = { whole: 0, sliced: [] as number[] };
    const files: FileRef[] = bytes.map((b, i) => ({ path: `${i % 3}/${i}.png`, file: countingFile(b, reads) }));
    files.push({ path: 'notes.txt', file: countingFile(new TextEncoder().encode('not an image'), reads) });
    const skipped = [{ path: 'locked', side: 'real' as const, reason: 'cannot read this folder' }];

    const atDrop = await listFileRefs('digits', files, 'real', { skipped });
    const readAtDrop = reads.whole + reads.sliced.length;
    expect(readAtDrop).toBe(files.length); // one head read per file
    expect(atDrop.items).toHaveLength(12);
    expect(atDrop.skipped.map((s) => s.path)).toEqual(['locked', 'notes.txt']);

    const inRun = await listFileSet('digits (2)', { files, skipped, listed: atDrop }, 'real');
    expect(reads.whole + reads.sliced.length).toBe(readAtDrop);
    expect(inRun).toEqual({ ...atDrop, root: 'digits (2)' });

    // Without the page's listing (a caller that sent none) the run lists the files itself, to the same result.
    const fresh = await listFileSet('digits (2)', { files, skipped }, 'real');
    expect(fresh).toEqual(inRun);
    expect(reads.whole + reads.sliced.length).toBe(2 * readAtDrop);
  });

  it('stops at once when the run was cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(listFileSet('x', { files: [], listed: await listFileRefs('x', [], 'real') }, 'real', controller.signal)).rejects.toThrow();
  });
});
