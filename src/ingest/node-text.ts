// Node text ingest: one set (real or synthetic) of text samples from a folder of .txt/.md files
// (walked by node-walk.ts, as image folders are) or from one .jsonl/.json/.csv/.tsv file, read by
// the rules of text-set.ts. Files over 50 MB are read up to 50 MB (cut at the last line break)
// with a warning.
import path from 'node:path';
import type { Side } from '../report/schema.ts';
import { nodeSetFile, statInput, walkFolder } from './node-walk.ts';
import { readRecordFile, readTextFolder, type TextSet, type TextSetOptions } from './text-set.ts';
import { InputError } from './types.ts';

export async function readTextSet(input: string, side: Side, opts: TextSetOptions = {}): Promise<TextSet> {
  const { abs, st } = await statInput(input, side, 'path');
  if (st.isFile()) return readRecordFile(abs, nodeSetFile(abs, path.basename(abs), st.size), input, side, opts);
  if (!st.isDirectory()) throw new InputError(`The ${side} path is neither a file nor a folder: ${input}`);
  const walked = await walkFolder(input, side, opts.signal);
  return readTextFolder(walked.root, walked.files, side, walked.skipped, opts);
}
