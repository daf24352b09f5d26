// The browser TableIo: reads the dropped or picked File objects of a run. Paths are
// "<set key>/<path in the set>", so the file name (and its extension) stays last.
import type { TableIo } from '../../ingest/table/types.ts';
import { InputError } from '../../ingest/types.ts';

export const tablePath = (key: string, path: string): string => `${key}/${path}`;

/** Structurally the FileSets of browser-env.ts (not imported: this module is also checked for Node). */
export type TableFileSets = Record<string, { files: { path: string; file: Blob }[] }>;

export function fileSetsTableIo(sets: TableFileSets): TableIo {
  const files = new Map<string, Blob>();
  for (const [key, s] of Object.entries(sets)) for (const f of s.files) files.set(tablePath(key, f.path), f.file);
  const get = (path: string): Blob => {
    const f = files.get(path);
    if (!f) {
      const key = Object.keys(sets).find((k) => path === tablePath(k, ''));
      throw new InputError(key !== undefined
        ? `The set "${key}" holds no table file (.csv, .tsv, .json, .jsonl or .parquet): real and synthetic sets must all be tables.`
        : `No file was given for "${path}".`);
    }
    return f;
  };
  return {
    readFile: async (path) => new Uint8Array(await get(path).arrayBuffer()),
    size: async (path) => get(path).size,
  };
}
