// The browser lister reads each file's head once: a run reuses the listing the page made when the
// files were dropped (issue 17: the run's "read" stage sniffed every head a second time), a small
// file's head is read whole and its size learnt from that read (in Chromium a picked file's size is
// a synchronous call to the browser process each time it is asked), and a big file is never read
// whole for its head. Node's Blob stands in for the browser's File.
import { describe, expect, it } from 'vitest';
import { listFileRefs, listFileSet, readHead, setFileOf, WHOLE_READ_BYTES, type FileRef } from '../../src/ingest/browser-list.ts';
import { cannotReadFile } from '../../src/ingest/skip-reasons.ts';
import { digit, encode } from './fixtures.ts';

interface Reads { whole: number; sliced: number[]; streamed: number[]; sizeAsked: number }
const noReads = (): Reads => ({ whole: 0, sliced: [], streamed: [], sizeAsked: 0 });

/** A Blob that counts whole reads, slices (and the bytes those slices read), streams (and the
 *  bytes taken from each) and how often its size is asked. */
function countingFile(bytes: Uint8Array, reads: Reads, opts: { unreadable?: boolean } = {}): FileRef['file'] {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const file = {
    get size() {
      reads.sizeAsked++;
      return blob.size;
    },
    arrayBuffer: () => (reads.whole++, blob.arrayBuffer()),
    slice: (a?: number, b?: number) => {
      const part = blob.slice(a, b);
      reads.sliced.push(part.size);
      return part;
    },
    stream: () => {
      if (opts.unreadable) return new ReadableStream({ pull: (c) => c.error(new DOMException('The requested file could not be read.', 'NotReadableError')) });
      const at = reads.streamed.push(0) - 1;
      let offset = 0;
      // Chunks of at most 16 KiB, one per pull, as a browser's are bounded, counted as they are taken.
      return new ReadableStream<Uint8Array>({
        async pull(c) {
          if (offset >= blob.size) return c.close();
          const part = new Uint8Array(await blob.slice(offset, offset + 16384).arrayBuffer());
          offset += part.length;
          reads.streamed[at] += part.length;
          c.enqueue(part);
        },
      }, { highWaterMark: 0 });
    },
  };
  return file as unknown as FileRef['file'];
}

const pngs = async (n: number) => Promise.all(Array.from({ length: n }, async (_, i) => new Uint8Array(await encode.png(digit(i % 10, i)))));

describe('setFileOf', () => {
  it('gives the first n bytes of small and big files alike, and never reads a big file whole for its head', async () => {
    const [png] = await pngs(1);
    const big = new Uint8Array(WHOLE_READ_BYTES * 4).map((_, i) => i % 251);
    const reads = noReads();
    const small = setFileOf({ path: 'a.png', file: countingFile(png, reads) });
    const large = setFileOf({ path: 'b.bin', file: countingFile(big, reads) });

    expect(await small.head(512)).toEqual(png.subarray(0, 512));
    expect(await small.head(8)).toEqual(png.subarray(0, 8));
    expect(await large.head(512)).toEqual(big.subarray(0, 512));
    expect(await large.head(big.length)).toEqual(big);
    // The small file: two whole reads, no slice; the big one: a 512-byte slice, then whole when all was asked.
    expect(reads).toMatchObject({ whole: 3, sliced: [512] });
  });
});

describe('readHead', () => {
  it('gives a small file\'s head and size from one read, without asking its size', async () => {
    const [png] = await pngs(1);
    const reads = noReads();
    expect(await readHead(countingFile(png, reads), 512)).toEqual({ size: png.length, head: png.subarray(0, 512) });
    expect(await readHead(countingFile(new Uint8Array(0), reads), 512)).toEqual({ size: 0, head: new Uint8Array(0) });
    expect(reads).toMatchObject({ whole: 0, sliced: [], streamed: [png.length, 0], sizeAsked: 0 });
  });

  it('reads no more of a big file than its first chunks, then asks its size', async () => {
    const big = new Uint8Array(WHOLE_READ_BYTES * 16).map((_, i) => i % 251);
    const reads = noReads();
    expect(await readHead(countingFile(big, reads), 512)).toEqual({ size: big.length, head: big.subarray(0, 512) });
    expect(reads.streamed[0]).toBeLessThanOrEqual(2 * WHOLE_READ_BYTES);
    expect(reads.sizeAsked).toBe(1);
  });
});

describe('listFileSet', () => {
  it('a run takes the listing the page made of the same files, under the run key, reading no file again', async () => {
    const bytes = await pngs(12);
    const reads = noReads();
    const files: FileRef[] = bytes.map((b, i) => ({ path: `${i % 3}/${i}.png`, file: countingFile(b, reads) }));
    files.push({ path: 'notes.txt', file: countingFile(new TextEncoder().encode('not an image'), reads) });
    const skipped = [{ path: 'locked', side: 'real' as const, reason: 'cannot read this folder' }];

    const atDrop = await listFileRefs('digits', files, 'real', { skipped });
    const readCount = () => reads.whole + reads.sliced.length + reads.streamed.length;
    const readAtDrop = readCount();
    expect(readAtDrop).toBe(files.length); // one head read per file
    expect(reads.sizeAsked).toBe(0); // each size came with its read
    expect(atDrop.items).toHaveLength(12);
    expect(atDrop.skipped.map((s) => s.path)).toEqual(['locked', 'notes.txt']);

    const inRun = await listFileSet('digits (2)', { files, skipped, listed: atDrop }, 'real');
    expect(readCount()).toBe(readAtDrop);
    expect(inRun).toEqual({ ...atDrop, root: 'digits (2)' });

    // Without the page's listing (a caller that sent none) the run lists the files itself, to the same result.
    const fresh = await listFileSet('digits (2)', { files, skipped }, 'real');
    expect(fresh).toEqual(inRun);
    expect(readCount()).toBe(2 * readAtDrop);
  });

  it('names a file it cannot read, and an empty one, and lists the rest', async () => {
    const bytes = await pngs(4);
    const reads = noReads();
    const files: FileRef[] = bytes.map((b, i) => ({ path: `${i}.png`, file: countingFile(b, reads) }));
    files.push({ path: 'gone.png', file: countingFile(bytes[0], reads, { unreadable: true }) });
    files.push({ path: 'empty.png', file: countingFile(new Uint8Array(0), reads) });
    const listed = await listFileRefs('digits', files, 'synthetic');
    expect(listed.items.map((i) => [i.path, i.size])).toEqual(bytes.map((b, i) => [`${i}.png`, b.length]));
    expect(listed.skipped).toEqual([
      { path: 'empty.png', side: 'synthetic', reason: 'empty file (0 bytes)' },
      { path: 'gone.png', side: 'synthetic', reason: cannotReadFile(new DOMException('The requested file could not be read.', 'NotReadableError')) },
    ]);
  });

  it('stops at once when the run was cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(listFileSet('x', { files: [], listed: await listFileRefs('x', [], 'real') }, 'real', controller.signal)).rejects.toThrow();
  });
});
