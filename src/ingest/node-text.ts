// Node text ingest: one set (real or synthetic) of text samples from a folder of .txt/.md files
// (one sample per file; classes by sub-folder, the CLASS RULE of types.ts) or from one
// .jsonl/.json/.csv/.tsv file (one sample per record; classes from a label column). Files over
// 50 MB are read up to 50 MB (cut at the last line break) with a warning.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Side, SkippedItem } from '../core/report.ts';
import { classesOf, InputError } from './types.ts';
import { osReason } from './node-walk.ts';
import { MAX_TEXT_FILE_BYTES, TEXT_FILE_EXT, addTextFile, textSetFromRecordFile, type TextSet, type TextSetOptions } from './text-set.ts';

export { MAX_TEXT_FILE_BYTES, type TextSample, type TextSet, type TextSetOptions } from './text-set.ts';

async function readCapped(abs: string, rel: string, max: number, warnings: string[]): Promise<Uint8Array> {
  const fh = await open(abs, 'r');
  try {
    const size = (await fh.stat()).size;
    const n = Math.min(size, max);
    const buf = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      const { bytesRead } = await fh.read(buf, off, n - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    if (size <= max) return buf.subarray(0, off);
    // Cut at the last line break so no record is split (and no UTF-8 sequence).
    let cut = off;
    while (cut > 0 && buf[cut - 1] !== 0x0a) cut--;
    if (cut === 0) cut = off;
    warnings.push(`${rel}: ${(size / 1e6).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit; only the first ${(cut / 1e6).toFixed(1)} MB were read`);
    return buf.subarray(0, cut);
  } finally {
    await fh.close();
  }
}

export async function readTextSet(input: string, side: Side, opts: TextSetOptions = {}): Promise<TextSet> {
  const abs = path.resolve(input);
  const max = opts.maxFileBytes ?? MAX_TEXT_FILE_BYTES;
  let st;
  try {
    st = await stat(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `The ${side} path does not exist: ${input}` : `Cannot open the ${side} path ${input}: ${osReason(err)}`);
  }
  const warnings: string[] = [];
  const skipped: SkippedItem[] = [];

  if (st.isFile()) {
    const name = path.basename(abs);
    const bytes = await readCapped(abs, name, max, warnings);
    const set = textSetFromRecordFile(bytes, name, input, side, opts);
    return { root: abs, ...set, warnings: [...warnings, ...set.warnings] };
  }
  if (!st.isDirectory()) throw new InputError(`The ${side} path is neither a file nor a folder: ${input}`);

  // A folder: every .txt/.md file (any depth) is one sample. Hidden entries are listed, not read.
  const files: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    opts.signal?.throwIfAborted();
    let names: string[];
    try { names = (await readdir(dir)).sort(); } catch (err) { skipped.push({ path: rel || '.', side, reason: `folder not readable: ${osReason(err)}` }); return; }
    for (const n of names) {
      const r = rel ? `${rel}/${n}` : n;
      if (n.startsWith('.')) { skipped.push({ path: r, side, reason: 'hidden, not read' }); continue; }
      const a = path.join(dir, n);
      let s;
      try { s = await stat(a); } catch (err) { skipped.push({ path: r, side, reason: osReason(err) }); continue; }
      if (s.isDirectory()) await walk(a, r);
      else if (s.isFile()) files.push(r);
    }
  };
  await walk(abs, '');
  const samples: { path: string; text: string }[] = [];
  for (const rel of files) {
    opts.signal?.throwIfAborted();
    const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
    if (!TEXT_FILE_EXT.has(ext) || !rel.includes('.')) {
      skipped.push({ path: rel, side, reason: `not a .txt or .md file${['csv', 'tsv', 'json', 'jsonl'].includes(ext) ? ' (give a record file as the set path itself)' : ''}` });
      continue;
    }
    let bytes: Uint8Array;
    try { bytes = await readCapped(path.join(abs, rel), rel, max, warnings); } catch (err) { skipped.push({ path: rel, side, reason: osReason(err) }); continue; }
    addTextFile(bytes, rel, side, { samples, skipped, warnings });
  }
  const { classNames, classes } = classesOf(samples.map((s) => s.path));
  return { root: abs, samples: samples.map((s, i) => ({ ...s, className: classNames[i] })), skipped, warnings, classes };
}
