// The shape of one text set (real or synthetic) as the text pipeline reads it: pure types, shared
// by the Node ingest (node-text.ts) and the browser ingest (browser-text.ts).
import type { SkippedItem } from '../core/report.ts';
import type { TextFieldOptions } from './text-parse.ts';

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
