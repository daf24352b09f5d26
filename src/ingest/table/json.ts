// JSON (an array of row objects) and JSON Lines (one object per line).
// A .json file that is not one JSON value but parses line by line is read as JSON Lines, with a
// warning. Lines of a JSON Lines file that do not parse, or are not objects, are skipped and
// reported with their line numbers. A row nested deeper than MAX_JSON_DEPTH is skipped too: later
// steps (a nested value is compared as its JSON text) would overflow the stack on it.
import { jsonTextTooDeep, jsonValueTooDeep, MAX_JSON_DEPTH, tooDeepReason } from '../json-depth.ts';
import { InputError } from '../types.ts';
import { DEFAULT_CHUNK_BYTES } from './csv.ts';
import { type RawTable, type SkippedRow, type TableWarning, MAX_LISTED_ROWS, listRows, pushSkipped, tableFromObjects } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJson(bytes: Uint8Array, source: string): RawTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(bytes);
  } catch {
    throw new InputError(`${source} is too large to read as one JSON value (${bytes.length} bytes); write it as JSON Lines (.jsonl), one row per line.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => { try { return isObject(JSON.parse(l)); } catch { return false; } })) {
      const t = parseJsonLines(bytes, source);
      t.format = 'json';
      t.warnings.unshift({ kind: 'json-lines-in-json', message: `${source} holds JSON Lines (one object per line), not one JSON array; read as JSON Lines.` });
      return t;
    }
    throw new InputError(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  const rows = Array.isArray(value) ? value : isObject(value) ? findRowArray(value) : null;
  if (!rows) throw new InputError(`${source}: expected a JSON array of row objects (e.g. [{"a": 1}, …]), found ${describe(value)}.`);
  const warnings: TableWarning[] = [];
  const objects: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const bad: number[] = [], deep: number[] = [];
  const skipped: SkippedRow[] = [];
  rows.forEach((r, i) => {
    if (!isObject(r)) { bad.push(i + 1); pushSkipped(skipped, i + 1, `${describe(r)}, not an object`); }
    else if (jsonValueTooDeep(r)) { deep.push(i + 1); pushSkipped(skipped, i + 1, tooDeepReason()); }
    else { objects.push(r); rowNumbers.push(i + 1); }
  });
  if (objects.length === 0 && bad.length > 0) throw new InputError(`${source}: the JSON array holds no row objects (its items are ${describe(rows[bad[0] - 1])}).`);
  if (bad.length) warnings.push({ kind: 'bad-json-line', message: `${source}: ${bad.length} array items are not objects; skipped: items ${listRows(bad)}.`, rows: bad.slice(0, MAX_LISTED_ROWS), count: bad.length });
  if (deep.length) warnings.push(tooDeepWarning(source, deep));
  return tableFromObjects(source, 'json', objects, rowNumbers, warnings, { list: skipped, count: bad.length + deep.length });
}

function tooDeepWarning(source: string, rows: number[]): TableWarning {
  const what = rows.length === 1 ? '1 row is' : `${rows.length} rows are`;
  return { kind: 'nested-too-deep', message: `${source}: ${what} nested deeper than ${MAX_JSON_DEPTH} levels; skipped: rows ${listRows(rows)}.`, rows: rows.slice(0, MAX_LISTED_ROWS), count: rows.length };
}

/** Byte offsets that cut `bytes` into chunks of about chunkBytes, each ending just after a line break. */
export function lineChunkEnds(bytes: Uint8Array, chunkBytes: number): number[] {
  const ends: number[] = [];
  for (let at = chunkBytes; at < bytes.length; ) {
    const lf = bytes.indexOf(0x0a, at - 1);
    if (lf === -1 || lf + 1 >= bytes.length) break;
    ends.push(lf + 1);
    at = lf + 1 + chunkBytes;
  }
  ends.push(bytes.length);
  return ends;
}

/** {"data": [...]} and similar: the one property that is an array of objects. */
function findRowArray(o: Record<string, unknown>): unknown[] | null {
  const arrays = Object.values(o).filter((v): v is unknown[] => Array.isArray(v) && v.length > 0 && isObject(v[0]));
  return arrays.length === 1 ? arrays[0] : null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function parseJsonLines(bytes: Uint8Array, source: string, opts: { chunkBytes?: number } = {}): RawTable {
  const warnings: TableWarning[] = [];
  const objects: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const bad: number[] = [], deep: number[] = [];
  const skipped: SkippedRow[] = [];
  const decoder = new TextDecoder('utf-8');
  let line = 0, start = 0, carry = '';
  // A JSON string holds no raw line break, so every line break ends a record.
  for (const end of lineChunkEnds(bytes, opts.chunkBytes ?? DEFAULT_CHUNK_BYTES)) {
    const text = carry + decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    start = end;
    const parts = text.split('\n');
    carry = end < bytes.length ? parts.pop()! : '';
    for (const raw of parts) {
      line++;
      const l = raw.trim();
      if (l === '') continue;
      if (jsonTextTooDeep(l)) { deep.push(line); pushSkipped(skipped, line, tooDeepReason()); continue; }
      let v: unknown;
      try { v = JSON.parse(l); } catch { bad.push(line); pushSkipped(skipped, line, 'not valid JSON'); continue; }
      if (isObject(v)) { objects.push(v); rowNumbers.push(line); }
      else { bad.push(line); pushSkipped(skipped, line, `${describe(v)}, not a JSON object`); }
    }
  }
  if (objects.length === 0) throw new InputError(`${source} is not JSON Lines: no line holds a JSON object.`);
  if (bad.length) warnings.push({ kind: 'bad-json-line', message: `${source}: ${bad.length} lines are not JSON objects; skipped: lines ${listRows(bad)}.`, rows: bad.slice(0, MAX_LISTED_ROWS), count: bad.length });
  if (deep.length) warnings.push(tooDeepWarning(source, deep));
  return tableFromObjects(source, 'jsonl', objects, rowNumbers, warnings, { list: skipped, count: bad.length + deep.length });
}
