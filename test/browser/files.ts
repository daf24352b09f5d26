// Folders on disk for the browser-ingest tests: one made in a temp folder, and any folder as the
// browser ingest receives it (FileRefs relative to the root, in any order).
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FileRef } from '../../src/ingest/browser-list.ts';

export async function fileRefsOf(root: string): Promise<FileRef[]> {
  const out: FileRef[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else out.push({ path: relative(root, abs).split('\\').join('/'), file: new Blob([await readFile(abs)]) });
    }
  };
  await walk(root);
  return out.reverse(); // any order in: the readers sort
}

/** A new temp folder and a writer of files in it (parent folders made as needed). */
export async function tempTree(prefix: string): Promise<{ dir: string; put(path: string, data: string | Buffer): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    dir,
    async put(path, data) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), data);
    },
  };
}
