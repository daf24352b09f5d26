// The shape of one text set (real or synthetic) as the text pipeline reads it: pure types, shared
// by the Node ingest (node-text.ts) and the browser ingest (browser-text.ts).
import type { Side, SkippedItem } from '../core/report.ts';
import { looksLikeText } from './sniff.ts';
import { decodeTextBytes, parseTextRecords, textFormatOf, type TextFieldOptions } from './text-parse.ts';
import { InputError } from './types.ts';

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

export const hasBom = (b: Uint8Array): boolean =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * One record file (.jsonl/.json/.csv/.tsv) already read into memory → its samples, one per
 * record; classes come from the label column when every record has one. `describe` names the
 * file in the error for binary content. Shared by the Node and browser readers so both give the
 * same samples under the same paths.
 */
export function textSetFromRecordFile(
  bytes: Uint8Array,
  name: string,
  describe: string,
  side: Side,
  opts: TextFieldOptions,
): Omit<TextSet, 'root'> {
  if (!hasBom(bytes) && !looksLikeText(bytes.subarray(0, 4096))) throw new InputError(`The ${side} file ${describe} is not text (binary data or empty).`);
  const dec = decodeTextBytes(bytes, name);
  const parsed = parseTextRecords(dec.text, name, textFormatOf(name), opts);
  const samples = parsed.records.map((r) => ({ path: r.path, text: r.text, className: r.label }));
  const withLabels = opts.labelColumn && samples.length > 0 && samples.every((s) => s.className !== null);
  if (!withLabels) samples.forEach((s) => (s.className = null));
  const classes = withLabels ? samples.reduce<Record<string, number>>((c, s) => ((c[s.className!] = (c[s.className!] ?? 0) + 1), c), {}) : null;
  return { samples, skipped: parsed.skipped.map((s) => ({ ...s, side })), warnings: [...dec.warnings, ...parsed.warnings], classes };
}

/** One .txt/.md file of a folder set, already read: its sample, or the reason it is skipped. */
export function addTextFile(bytes: Uint8Array, rel: string, side: Side, into: { samples: { path: string; text: string }[]; skipped: SkippedItem[]; warnings: string[] }): void {
  if (bytes.length === 0) return void into.skipped.push({ path: rel, side, reason: 'empty file' });
  if (!hasBom(bytes) && !looksLikeText(bytes.subarray(0, 4096))) return void into.skipped.push({ path: rel, side, reason: 'binary data, not text' });
  const dec = decodeTextBytes(bytes, rel);
  into.warnings.push(...dec.warnings);
  const parsed = parseTextRecords(dec.text, rel, 'text');
  for (const s of parsed.skipped) into.skipped.push({ ...s, side });
  for (const r of parsed.records) into.samples.push({ path: r.path, text: r.text });
}
