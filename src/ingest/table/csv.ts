// CSV and TSV through papaparse (delimiter sniffing, quoted fields with newlines, BOM).
// Large files are cut into chunks at record boundaries and parsed chunk by chunk, so no single
// JavaScript string ever holds the whole file (V8 caps a string at about 512 MB). A boundary is
// found by reading quotes exactly as papaparse does (recordChunkEnds), so the chunks give the
// rows one pass over the whole file gives; the delimiter and line break are sniffed once, from
// the file's start, and used for every chunk.
//
// RAGGED ROWS (the rule): a row with FEWER fields than the header is kept, its missing cells read
// as missing values; a row with MORE fields is skipped (which field is the extra one cannot be
// known), unless the extra fields are all empty (a trailing delimiter), then it is kept. Both
// are reported with their row numbers.
import Papa from 'papaparse';
import { InputError } from '../types.ts';
import { type Cell, type RawTable, type SkippedRow, type TableWarning, MAX_LISTED_ROWS, listRows, pushSkipped, uniqueColumnNames } from './types.ts';

export interface DelimitedOptions {
  /** ',' for CSV, '\t' for TSV; undefined: sniffed by papaparse from the file's start. */
  delimiter?: string;
  /** Bytes per parse chunk (default DEFAULT_CHUNK_BYTES). */
  chunkBytes?: number;
}

export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

/** How records are written: papaparse's delimiter and line break ('\n', '\r\n' or '\r'). */
export interface RecordSyntax {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

const QUOTE = 0x22;
/** Whitespace papaparse allows between a closing quote and the delimiter or line break (ASCII only). */
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;

/**
 * Byte offsets that cut `bytes` into chunks of about chunkBytes, each ending just after a record.
 * Quotes are read as papaparse reads them: a quote opens a quoted field only at a field's start
 * (a lone `"` inside an unquoted field, as in 5'11", is a character); inside a quoted field `""`
 * is a quote, and a quote closes the field only when followed (after spaces) by the delimiter,
 * a line break or the end; any other quote there is a character.
 */
export function recordChunkEnds(bytes: Uint8Array, chunkBytes: number, syntax: RecordSyntax): number[] {
  const n = bytes.length;
  if (n <= chunkBytes) return [n];
  const enc = new TextEncoder();
  const delim = enc.encode(syntax.delimiter), nl = enc.encode(syntax.newline);
  const at = (i: number, seq: Uint8Array) => {
    if (i + seq.length > n) return false;
    for (let k = 0; k < seq.length; k++) if (bytes[i + k] !== seq[k]) return false;
    return true;
  };
  const ends: number[] = [];
  let start = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // the decoder drops a BOM
  const recordEnd = (next: number) => {
    if (next - start >= chunkBytes && next < n) { ends.push(next); start = next; }
  };
  while (i < n) {
    // i is at a field's start.
    if (bytes[i] === QUOTE) {
      let q = i;
      for (;;) {
        q = bytes.indexOf(QUOTE, q + 1);
        if (q === -1 || q === n - 1) { i = n; break; } // unterminated, or closed at the end
        if (bytes[q + 1] === QUOTE) { q++; continue; } // "" inside quotes
        let j = q + 1;
        while (j < n && isSpace(bytes[j]) && !at(j, delim) && !at(j, nl)) j++;
        if (at(j, delim)) { i = j + delim.length; break; }
        if (at(j, nl)) { i = j + nl.length; recordEnd(i); break; }
        // A stray quote inside the quoted field: a character; look for the next one.
      }
      continue;
    }
    for (;;) {
      if (i >= n) break;
      if (at(i, delim)) { i += delim.length; break; }
      if (at(i, nl)) { i += nl.length; recordEnd(i); break; }
      i++;
    }
  }
  ends.push(n);
  return ends;
}

/** The delimiter and line break papaparse would pick for the whole file (it looks at the start only). */
function sniffSyntax(bytes: Uint8Array, delimiter: string | undefined): RecordSyntax {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4 * 1024 * 1024));
  const meta = Papa.parse<string[]>(head, { delimiter: delimiter ?? '', preview: 10 }).meta;
  return { delimiter: delimiter ?? meta.delimiter, newline: meta.linebreak as RecordSyntax['newline'] };
}

export function parseDelimited(bytes: Uint8Array, source: string, format: 'csv' | 'tsv', opts: DelimitedOptions = {}): RawTable {
  const warnings: TableWarning[] = [];
  const decoder = new TextDecoder('utf-8'); // strips a UTF-8 BOM
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const given = opts.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  // One chunk: papaparse sniffs it whole, as before; several: sniffed once, fixed for all.
  const syntax = bytes.length > chunkBytes ? sniffSyntax(bytes, given) : null;
  let delimiter = syntax?.delimiter ?? given;
  let columns: string[] | null = null;
  let data: Cell[][] = [];
  const rowNumbers: number[] = [];
  const fewer: number[] = [], more: number[] = [];
  const skipped: SkippedRow[] = [];
  let record = 0; // data records seen (1-based numbering)
  let start = 0;
  for (const end of syntax ? recordChunkEnds(bytes, chunkBytes, syntax) : [bytes.length]) {
    const text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    start = end;
    const res = Papa.parse<string[]>(text, { delimiter: delimiter ?? '', newline: syntax?.newline, skipEmptyLines: 'greedy', header: false });
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
        pushSkipped(skipped, record, `${fields.length} fields, more than the header's ${nc}`);
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
  return { source, format, columns, data, nRows: rowNumbers.length, rowNumbers: Int32Array.from(rowNumbers), warnings, skipped, skippedCount: more.length };
}
