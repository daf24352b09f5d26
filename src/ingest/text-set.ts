// One text set (real or synthetic) as the text pipeline reads it, and how it is read from a
// platform's files: shared by the Node ingest (node-text.ts) and the browser ingest
// (browser-text.ts), so the app and the CLI read the same samples under the same paths.
import type { Side, SkippedItem } from '../report/schema.ts';
import type { SetFile } from './classify-set.ts';
import { BINARY_NOT_TEXT, cannotReadFile, EMPTY_FILE, notTextFile } from './skip-reasons.ts';
import { extensionOf, looksLikeText } from './sniff.ts';
import { decodeTextBytes, parseTextRecords, textFormatOf, type TextFieldOptions } from './text-parse.ts';
import { classesOf, InputError } from './types.ts';

export interface TextSample {
  /** `name.txt` (folder) or `file.jsonl#L12`, `file.csv#row 7`, `file.json#3`. */
  path: string;
  text: string;
  className: string | null;
}

export interface TextSet {
  root: string;
  samples: TextSample[];
  skipped: SkippedItem[];
  /** File-level warnings (replaced bytes, truncation). */
  warnings: string[];
  classes: Record<string, number> | null;
}

export interface TextSetOptions extends TextFieldOptions {
  maxFileBytes?: number;
  signal?: AbortSignal;
}

export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;
export const TEXT_FILE_EXT = new Set(['txt', 'md', 'markdown', 'text']);
/** Extensions of a record file: one sample per record (JSON Lines, JSON, CSV, TSV). */
export const RECORD_EXT = new Set(['jsonl', 'ndjson', 'json', 'csv', 'tsv', 'tab']);

const hasBom = (b: Uint8Array): boolean =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

const isText = (b: Uint8Array): boolean => hasBom(b) || looksLikeText(b.subarray(0, 4096));

/** A file's first `max` bytes; a longer file is cut at the last line break in them (no record or UTF-8 sequence is split), with a warning. */
async function readCapped(f: SetFile, max: number, warnings: string[]): Promise<Uint8Array> {
  const buf = await f.head(Math.min(f.size, max));
  if (f.size <= max) return buf;
  let cut = buf.length;
  while (cut > 0 && buf[cut - 1] !== 0x0a) cut--;
  if (cut === 0) cut = buf.length;
  warnings.push(`${f.path}: ${(f.size / 1e6).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit; only the first ${(cut / 1e6).toFixed(1)} MB were read`);
  return buf.subarray(0, cut);
}

/**
 * A set that is one record file (.jsonl/.json/.csv/.tsv) → its samples, one per record; classes
 * come from the label column when every record has one. `describe` names the file in the error
 * for binary content; `skipped` holds what the caller already left out.
 */
export async function readRecordFile(
  root: string, f: SetFile, describe: string, side: Side, opts: TextSetOptions, skipped: readonly SkippedItem[] = [],
): Promise<TextSet> {
  const warnings: string[] = [];
  const bytes = await readCapped(f, opts.maxFileBytes ?? MAX_TEXT_FILE_BYTES, warnings);
  if (!isText(bytes)) throw new InputError(`The ${side} file ${describe} is not text (binary data or empty).`);
  const name = f.path.slice(f.path.lastIndexOf('/') + 1);
  const dec = decodeTextBytes(bytes, name);
  const parsed = parseTextRecords(dec.text, name, textFormatOf(name), opts);
  const samples = parsed.records.map((r) => ({ path: r.path, text: r.text, className: r.label }));
  const withLabels = opts.labelColumn && samples.length > 0 && samples.every((s) => s.className !== null);
  if (!withLabels) samples.forEach((s) => (s.className = null));
  const classes = withLabels ? samples.reduce<Record<string, number>>((c, s) => ((c[s.className!] = (c[s.className!] ?? 0) + 1), c), {}) : null;
  return {
    root, samples, classes,
    skipped: [...skipped, ...parsed.skipped.map((s) => ({ ...s, side }))],
    warnings: [...warnings, ...dec.warnings, ...parsed.warnings],
  };
}

/**
 * A set that is a folder: every .txt/.md file (any depth) is one sample, classes by sub-folder
 * (the CLASS RULE of types.ts). `files` come from the platform's walk, in path order; `skipped`
 * holds what the walk left out. Every other file is skipped with a reason.
 */
export async function readTextFolder(
  root: string, files: readonly SetFile[], side: Side, skipped: readonly SkippedItem[], opts: TextSetOptions,
): Promise<TextSet> {
  const max = opts.maxFileBytes ?? MAX_TEXT_FILE_BYTES;
  const out = { samples: [] as { path: string; text: string }[], skipped: [...skipped], warnings: [] as string[] };
  const skip = (p: string, reason: string) => out.skipped.push({ path: p, side, reason });
  for (const f of files) {
    opts.signal?.throwIfAborted();
    const ext = extensionOf(f.path);
    if (!TEXT_FILE_EXT.has(ext)) { skip(f.path, notTextFile(RECORD_EXT.has(ext))); continue; }
    let bytes: Uint8Array;
    try { bytes = await readCapped(f, max, out.warnings); } catch (err) { skip(f.path, cannotReadFile(err)); continue; }
    if (bytes.length === 0) { skip(f.path, EMPTY_FILE); continue; }
    if (!isText(bytes)) { skip(f.path, BINARY_NOT_TEXT); continue; }
    const dec = decodeTextBytes(bytes, f.path);
    out.warnings.push(...dec.warnings);
    const parsed = parseTextRecords(dec.text, f.path, 'text');
    for (const s of parsed.skipped) skip(s.path, s.reason);
    out.samples.push(...parsed.records.map((r) => ({ path: r.path, text: r.text })));
  }
  out.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { classNames, classes } = classesOf(out.samples.map((s) => s.path));
  return { root, samples: out.samples.map((s, i) => ({ ...s, className: classNames[i] })), skipped: out.skipped, warnings: out.warnings, classes };
}
