// Node: read a table file, refusing oversized files from their size alone (before reading).
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../types.ts';
import { sizeLimitMessage } from './parse.ts';
import { MAX_TABLE_BYTES, type TableIo } from './types.ts';


export const nodeTableIo: TableIo = {
  async readFile(path) {
    const size = await this.size!(path);
    if (size > MAX_TABLE_BYTES) throw new InputError(sizeLimitMessage(path, size));
    return readFile(path);
  },
  async size(path) {
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new InputError(`${path} is not a file.`);
      return s.size;
    } catch (e) {
      if ((e as Error).name === 'InputError') throw e;
      throw new InputError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
  },
};
