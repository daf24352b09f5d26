// JSON (an array of row objects) and JSON Lines (one object per line).
// A .json file that is not one JSON value but parses line by line is read as JSON Lines, with a
// warning. Lines of a JSON Lines file that do not parse, or are not objects, are skipped and
// reported with their line numbers.
import { InputError } from '../types.ts';
import { recordChunkEnds } from './csv.ts';
import { type RawTable, type TableWarning, MAX_LISTED_ROWS, listRows, tableFromObjects } from './types.ts';

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
  const bad: number[] = [];
  rows.forEach((r, i) => {
    if (isObject(r)) { objects.push(r); rowNumbers.push(i + 1); }
    else bad.push(i + 1);
  });
  if (objects.length === 0 && rows.length > 0) throw new InputError(`${source}: the JSON array holds no row objects (its items are ${describe(rows[0])}).`);
  if (bad.length) warnings.push({ kind: 'bad-json-line', message: `${source}: ${bad.length} array items are not objects; skipped: items ${listRows(bad)}.`, rows: bad.slice(0, MAX_LISTED_ROWS), count: bad.length });
  return tableFromObjects(source, 'json', objects, rowNumbers, warnings);
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

export function parseJsonLines(bytes: Uint8Array, source: string): RawTable {
  const warnings: TableWarning[] = [];
  const objects: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  const bad: number[] = [];
  const decoder = new TextDecoder('utf-8');
  let line = 0, start = 0, carry = '';
  for (const end of recordChunkEnds(bytes, 16 * 1024 * 1024)) {
    const text = carry + decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    start = end;
    const parts = text.split('\n');
    carry = end < bytes.length ? parts.pop()! : '';
    for (const raw of parts) {
      line++;
      const l = raw.trim();
      if (l === '') continue;
      let v: unknown;
      try { v = JSON.parse(l); } catch { bad.push(line); continue; }
      if (isObject(v)) { objects.push(v); rowNumbers.push(line); }
      else bad.push(line);
    }
  }
  if (objects.length === 0) throw new InputError(`${source} is not JSON Lines: no line holds a JSON object.`);
  if (bad.length) warnings.push({ kind: 'bad-json-line', message: `${source}: ${bad.length} lines are not JSON objects; skipped: lines ${listRows(bad)}.`, rows: bad.slice(0, MAX_LISTED_ROWS), count: bad.length });
  return tableFromObjects(source, 'jsonl', objects, rowNumbers, warnings);
}
