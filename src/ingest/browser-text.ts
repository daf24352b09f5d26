// Browser text ingest: one text set from File objects (a dropped folder of .txt/.md files, or one
// dropped .jsonl/.json/.csv/.tsv file), by the same rules as node-text.ts so the app and the CLI
// read the same samples under the same paths. Uses only Blob APIs: runs in a window or a worker.
import type { Side, SkippedItem } from '../core/report.ts';
import type { FileRef } from './browser-list.ts';
import { comparePaths } from './browser-list.ts';
import { MAX_TEXT_FILE_BYTES, TEXT_FILE_EXT, addTextFile, textSetFromRecordFile, type TextSet, type TextSetOptions } from './text-set.ts';
import { classesOf } from './types.ts';

const RECORD_EXT = new Set(['jsonl', 'ndjson', 'json', 'csv', 'tsv', 'tab']);
const extOf = (p: string) => (p.includes('.') ? p.slice(p.lastIndexOf('.') + 1).toLowerCase() : '');

/** A set that is one record file (jsonl/json/csv/tsv): one sample per record, as the CLI's file path. */
export function recordFileOf(files: readonly FileRef[]): FileRef | null {
  const visible = files.filter((f) => !f.path.split('/').some((p) => p.startsWith('.')));
  return visible.length === 1 && RECORD_EXT.has(extOf(visible[0].path)) ? visible[0] : null;
}

async function readCapped(ref: FileRef, max: number, warnings: string[]): Promise<Uint8Array> {
  const size = ref.file.size;
  const buf = new Uint8Array(await ref.file.slice(0, Math.min(size, max)).arrayBuffer());
  if (size <= max) return buf;
  let cut = buf.length;
  while (cut > 0 && buf[cut - 1] !== 0x0a) cut--;
  if (cut === 0) cut = buf.length;
  warnings.push(`${ref.path}: ${(size / 1e6).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit; only the first ${(cut / 1e6).toFixed(1)} MB were read`);
  return buf.subarray(0, cut);
}

export async function readTextFiles(
  root: string, files: readonly FileRef[], side: Side, opts: TextSetOptions & { skipped?: readonly SkippedItem[] } = {},
): Promise<TextSet> {
  const max = opts.maxFileBytes ?? MAX_TEXT_FILE_BYTES;
  const warnings: string[] = [];
  const skipped: SkippedItem[] = [...(opts.skipped ?? [])];
  const record = recordFileOf(files);
  if (record) {
    const name = record.path.slice(record.path.lastIndexOf('/') + 1);
    const bytes = await readCapped(record, max, warnings);
    const set = textSetFromRecordFile(bytes, name, name, side, opts);
    return { root, ...set, skipped: [...skipped, ...set.skipped], warnings: [...warnings, ...set.warnings] };
  }
  // A folder: every .txt/.md file (any depth) is one sample; hidden entries are listed, not read.
  const samples: { path: string; text: string }[] = [];
  const hidden = new Set<string>();
  for (const ref of [...files].sort((a, b) => comparePaths(a.path, b.path))) {
    opts.signal?.throwIfAborted();
    const rel = ref.path;
    const parts = rel.split('/');
    const h = parts.findIndex((p) => p.startsWith('.'));
    if (h >= 0) {
      const top = parts.slice(0, h + 1).join('/');
      if (!hidden.has(top)) skipped.push({ path: top, side, reason: 'hidden, not read' });
      hidden.add(top);
      continue;
    }
    const ext = extOf(rel);
    if (!TEXT_FILE_EXT.has(ext)) {
      skipped.push({ path: rel, side, reason: `not a .txt or .md file${RECORD_EXT.has(ext) ? ' (give a record file as the set on its own)' : ''}` });
      continue;
    }
    let bytes: Uint8Array;
    try { bytes = await readCapped(ref, max, warnings); } catch (err) { skipped.push({ path: rel, side, reason: `cannot read: ${(err as Error).message}` }); continue; }
    addTextFile(bytes, rel, side, { samples, skipped, warnings });
  }
  const { classNames, classes } = classesOf(samples.map((s) => s.path));
  return { root, samples: samples.map((s, i) => ({ ...s, className: classNames[i] })), skipped, warnings, classes };
}
