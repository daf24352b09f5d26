// Reads many files' bytes through a few Blob reads: the files asked for together (in one task) are
// read as one Blob of up to GROUP_FILES files, a few such Blobs at once, and split by their sizes.
// In Chromium each Blob read costs the browser process a reader of its own, and on a cached re-run
// reading every file was most of a cached row's cost (issue 17): in a worker, 2,000 files of 300
// bytes took ~400 ms one read each and ~190 ms in groups of 64 (docs/benchmarks.md). Uses only
// Blob APIs: runs in a window or a worker (a worker is where a File's size is cheap to ask).

/** Files read in one Blob read. */
export const GROUP_FILES = 64;
/** A file bigger than this is read on its own: grouping saves a per-read cost that only small files notice. */
export const GROUP_FILE_BYTES = 1 << 20;

interface Request {
  file: Blob;
  resolve(bytes: Uint8Array): void;
  reject(err: unknown): void;
}

function readAlone(r: Request): void {
  r.file.arrayBuffer().then((b) => r.resolve(new Uint8Array(b)), r.reject);
}

/** One Blob read for `group`, split by the sizes the files had when the Blob was made. A file that
 *  cannot be read (or one that changed size meanwhile) fails the whole read: then each file is
 *  read on its own, so each gets its own bytes or its own error, as a read of it alone would. */
async function readGroup(group: Request[], sizes: number[]): Promise<void> {
  let buf: Uint8Array;
  try {
    buf = new Uint8Array(await new Blob(group.map((r) => r.file)).arrayBuffer());
    if (buf.length !== sizes.reduce((a, b) => a + b, 0)) throw new Error('a file changed size while it was read');
  } catch {
    group.forEach(readAlone);
    return;
  }
  let at = 0;
  group.forEach((r, i) => {
    // A copy: each file keeps a buffer of its own, so a file kept (a cache miss, until decoded)
    // holds its bytes only, not its group's.
    r.resolve(buf.slice(at, at + sizes[i]));
    at += sizes[i];
  });
}

/**
 * A reader of files' bytes that groups the reads asked for in one task (e.g. a chunk of a run's
 * files, each read through `read(file)` before any is awaited) into a few Blob reads.
 */
export function groupedReader(): (file: Blob) => Promise<Uint8Array> {
  let queue: Request[] = [];
  const flush = () => {
    const asked = queue;
    queue = [];
    let group: Request[] = [];
    let sizes: number[] = [];
    const send = () => {
      if (group.length === 1) readAlone(group[0]);
      else if (group.length > 1) void readGroup(group, sizes);
      group = [];
      sizes = [];
    };
    for (const r of asked) {
      let size: number;
      try {
        size = r.file.size;
      } catch {
        size = Infinity; // read alone: its own read gives its own error
      }
      if (size > GROUP_FILE_BYTES) {
        readAlone(r);
        continue;
      }
      group.push(r);
      sizes.push(size);
      if (group.length === GROUP_FILES) send();
    }
    send();
  };
  return (file) => new Promise<Uint8Array>((resolve, reject) => {
    if (queue.push({ file, resolve, reject }) === 1) queueMicrotask(flush);
  });
}
