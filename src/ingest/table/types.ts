// Parsed tables, before any typing: what every reader (CSV/TSV, JSON, JSONL, Parquet) returns.
// Column-major, because everything downstream (type inference, encoding, per-column stats)
// walks one column at a time. Pure: no DOM, no Node.

import type { Cell } from '../../core/table/types.ts';

export type { Cell };

export type TableFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet';

export interface TableWarning {
  kind: 'ragged-row' | 'duplicate-column' | 'unnamed-column' | 'bad-json-line' | 'json-lines-in-json' | 'missing-keys' | 'nested-value' | 'nested-too-deep';
  message: string;
  /** 1-based data-row numbers concerned (header not counted), at most MAX_LISTED_ROWS of them. */
  rows?: number[];
  /** How many rows in all (rows may list only the first few). */
  count?: number;
}

export interface RawTable {
  /** File name or path as given: used in messages and in row paths ("file.csv#row 12"). */
  source: string;
  format: TableFormat;
  columns: string[];
  /** data[c][r]: column c, row r. */
  data: Cell[][];
  nRows: number;
  /** Original 1-based data-row number of each kept row (differs from r + 1 when rows were skipped). */
  rowNumbers: Int32Array;
  warnings: TableWarning[];
  /** Rows left out, each with its reason, in row order: the first MAX_SKIPPED_ROWS of them. */
  skipped: SkippedRow[];
  /** How many rows were left out in all. */
  skippedCount: number;
}

/** A data row a reader left out ("4 fields, more than the header's 3"); row as in rowNumbers. */
export interface SkippedRow {
  row: number;
  reason: string;
}

/** Skipped rows listed one by one (in the report and on stderr); the warnings give the totals. */
export const MAX_SKIPPED_ROWS = 1000;

export function pushSkipped(list: SkippedRow[], row: number, reason: string): void {
  if (list.length < MAX_SKIPPED_ROWS) list.push({ row, reason });
}

/** Tables larger than this are refused: every row is held in memory (the detector and the near-duplicate search need all of them). */
export const MAX_TABLE_BYTES = 1024 ** 3;

export const MAX_LISTED_ROWS = 20;

export function listRows(rows: number[]): string {
  const shown = rows.slice(0, MAX_LISTED_ROWS).join(', ');
  return rows.length > MAX_LISTED_ROWS ? `${shown} … (${rows.length} in all)` : shown;
}

/** Header clean-up shared by the readers: unnamed columns get "column N", repeated names get "name (2)". */
export function uniqueColumnNames(raw: readonly string[], warnings: TableWarning[], source: string): string[] {
  const seen = new Map<string, number>();
  const unnamed: number[] = [];
  const renamed: string[] = [];
  const out = raw.map((name, i) => {
    let n = String(name ?? '').trim();
    if (n === '') {
      n = `column ${i + 1}`;
      unnamed.push(i + 1);
    }
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    if (k > 0) {
      renamed.push(`"${n}" → "${n} (${k + 1})"`);
      n = `${n} (${k + 1})`;
    }
    return n;
  });
  if (unnamed.length) warnings.push({ kind: 'unnamed-column', message: `${source}: header cells ${unnamed.join(', ')} are empty; named "column N" by position.` });
  if (renamed.length) warnings.push({ kind: 'duplicate-column', message: `${source}: repeated column names renamed: ${renamed.join(', ')}.` });
  return out;
}

/** Build a RawTable from row objects (JSON, JSONL, Parquet): columns in first-seen key order. */
export function tableFromObjects(
  source: string, format: TableFormat, objects: readonly Record<string, unknown>[], rowNumbers: number[], warnings: TableWarning[],
  skipped: { list: SkippedRow[]; count: number } = { list: [], count: 0 },
): RawTable {
  const index = new Map<string, number>();
  const columns: string[] = [];
  for (const o of objects) for (const k of Object.keys(o)) if (!index.has(k)) { index.set(k, columns.length); columns.push(k); }
  const n = objects.length;
  const data: Cell[][] = columns.map(() => new Array<Cell>(n).fill(null));
  const missingKeys: number[] = [];
  const nested = new Set<string>();
  objects.forEach((o, r) => {
    let present = 0;
    for (const k in o) {
      const c = index.get(k)!;
      data[c][r] = toCell(o[k], () => nested.add(k));
      present++;
    }
    if (present < columns.length) missingKeys.push(rowNumbers[r]);
  });
  if (missingKeys.length) {
    warnings.push({ kind: 'missing-keys', message: `${source}: ${missingKeys.length} rows lack some keys (read as missing values): rows ${listRows(missingKeys)}.`, rows: missingKeys.slice(0, MAX_LISTED_ROWS), count: missingKeys.length });
  }
  if (nested.size) warnings.push({ kind: 'nested-value', message: `${source}: nested objects or arrays in ${[...nested].map((c) => `"${c}"`).join(', ')} are compared as their JSON text.` });
  return { source, format, columns, data, nRows: n, rowNumbers: Int32Array.from(rowNumbers), warnings, skipped: skipped.list, skippedCount: skipped.count };
}

export function toCell(v: unknown, onNested?: () => void): Cell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'bigint':
      return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  onNested?.();
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** How the pipeline reads table files: Node (node-read.ts) or the browser (File objects). */
export interface TableIo {
  readFile(path: string): Promise<Uint8Array>;
  /** Optional: lets the pipeline refuse an oversized file before reading it. */
  size?(path: string): Promise<number>;
}
