// CSV and TSV through papaparse (delimiter sniffing, quoted fields with newlines, BOM).
// Large files are cut into chunks at record boundaries (a newline outside quotes) and parsed
// chunk by chunk, so no single JavaScript string ever holds the whole file (V8 caps a string at
// about 512 MB). The delimiter found in the first chunk is used for the rest.
//
// RAGGED ROWS (the rule): a row with FEWER fields than the header is kept, its missing cells read
// as missing values; a row with MORE fields is skipped (which field is the extra one cannot be
// known), unless the extra fields are all empty (a trailing delimiter), then it is kept. Both
// are reported with their row numbers.
import Papa from 'papaparse';
import { InputError } from '../types.ts';
import { type Cell, type RawTable, type TableWarning, MAX_LISTED_ROWS, listRows, uniqueColumnNames } from './types.ts';

export interface DelimitedOptions {
  /** ',' for CSV, '\t' for TSV; undefined: sniffed by papaparse from the first chunk. */
  delimiter?: string;
  /** Bytes per parse chunk (default 16 MiB). */
  chunkBytes?: number;
}

const QUOTE = 0x22, LF = 0x0a;

/** Byte offsets that cut `bytes` into chunks of about chunkBytes, each ending just after a newline outside quotes. */
export function recordChunkEnds(bytes: Uint8Array, chunkBytes: number): number[] {
  const ends: number[] = [];
  let inQuotes = false, start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuotes = !inQuotes; // "" inside a quoted field flips twice: parity holds
    else if (b === LF && !inQuotes && i - start >= chunkBytes) {
      ends.push(i + 1);
      start = i + 1;
    }
  }
  if (start < bytes.length || ends.length === 0) ends.push(bytes.length);
  return ends;
}

export function parseDelimited(bytes: Uint8Array, source: string, format: 'csv' | 'tsv', opts: DelimitedOptions = {}): RawTable {
  const warnings: TableWarning[] = [];
  const decoder = new TextDecoder('utf-8'); // strips a UTF-8 BOM
  let delimiter = opts.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  let columns: string[] | null = null;
  let data: Cell[][] = [];
  const rowNumbers: number[] = [];
  const fewer: number[] = [], more: number[] = [];
  let record = 0; // data records seen (1-based numbering)
  let start = 0;
  for (const end of recordChunkEnds(bytes, opts.chunkBytes ?? 16 * 1024 * 1024)) {
    const text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    start = end;
    const res = Papa.parse<string[]>(text, { delimiter: delimiter ?? '', skipEmptyLines: 'greedy', header: false });
    if (!delimiter) delimiter = res.meta.delimiter;
    for (const fields of res.data) {
      if (!columns) {
        columns = uniqueColumnNames(fields, warnings, source);
        data = columns.map(() => []);
        continue;
      }
      record++;
      const nc = columns.length;
      if (fields.length > nc && fields.slice(nc).some((f) => f.trim() !== '')) {
        more.push(record);
        continue;
      }
      if (fields.length < nc) fewer.push(record);
      for (let c = 0; c < nc; c++) data[c].push(c < fields.length ? fields[c] : null);
      rowNumbers.push(record);
    }
  }
  if (!columns) throw new InputError(`${source} is empty: no header row.`);
  if (fewer.length) {
    warnings.push({ kind: 'ragged-row', message: `${source}: ${fewer.length} rows have fewer fields than the header's ${columns.length}; kept, the missing cells read as missing: rows ${listRows(fewer)}.`, rows: fewer.slice(0, MAX_LISTED_ROWS), count: fewer.length });
  }
  if (more.length) {
    warnings.push({ kind: 'ragged-row', message: `${source}: ${more.length} rows have more fields than the header's ${columns.length}; skipped: rows ${listRows(more)}.`, rows: more.slice(0, MAX_LISTED_ROWS), count: more.length });
  }
  if (columns.length === 1 && rowNumbers.length > 0 && format === 'csv' && delimiter === ',') {
    // One column is legal, but usually means the delimiter was not found; say so without failing.
  }
  return { source, format, columns, data, nRows: rowNumbers.length, rowNumbers: Int32Array.from(rowNumbers), warnings };
}
