// A folder on disk as the browser ingest receives it: FileRefs relative to the root, in any order.
import { readdir, readFile } from 'node:fs/promises';
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
