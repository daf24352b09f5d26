// Text samples from bytes: encoding detection and record formats. Pure (no Node, no DOM), so the
// browser ingest can use it as is. One sample per .txt/.md file, per JSON Lines line, per JSON
// array element, per CSV/TSV record. Every sample has a stable path: `file.jsonl#L12`,
// `file.json#3`, `file.csv#row 7` (data rows counted from 1, header excluded).
import Papa from 'papaparse';
import { jsonTextTooDeep, jsonValueTooDeep, tooDeepReason } from './json-depth.ts';
import { judgeTextColumn } from './text-columns.ts';
import { recordFields, textHead } from './text-fields.ts';
import { InputError, type TextFormat } from './types.ts';

export interface TextRecord {
  path: string;
  text: string;
  /** From the label column (CSV/TSV) or label field (JSON), else null. */
  label: string | null;
}

export interface TextParseResult {
  records: TextRecord[];
  /** Records not used, with the reason (empty text, missing field, bad JSON line …). */
  skipped: { path: string; reason: string }[];
  /** File-level problems that did not stop reading (replaced bytes, truncation …). */
  warnings: string[];
}

export interface TextFieldOptions {
  /** JSON/JSONL field holding the text (default 'text'). */
  textField?: string;
  /** CSV/TSV column holding the text (default 'text' when present, else the only column, else the one column of free text). */
  textColumn?: string;
  /** CSV/TSV column (or JSON field) with a class label. */
  labelColumn?: string;
}


export function textFormatOf(name: string): TextFormat {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  return 'text';
}

/**
 * Decodes a file's bytes: a UTF-8, UTF-16 LE or UTF-16 BE byte-order mark picks the encoding (and
 * is dropped); otherwise UTF-8. Invalid byte sequences become U+FFFD and add a warning naming the
 * file (e.g. a Latin-1 file, or a file of mixed encodings).
 */
export function decodeTextBytes(bytes: Uint8Array, source: string): { text: string; encoding: string; warnings: string[] } {
  const warnings: string[] = [];
  let enc = 'utf-8', start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { enc = 'utf-16le'; start = 2; }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { enc = 'utf-16be'; start = 2; }
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body), encoding: enc, warnings };
  } catch {
    const text = new TextDecoder(enc, { ignoreBOM: true }).decode(body);
    let n = 0;
    for (const ch of text) if (ch === '\ufffd') n++;
    warnings.push(`${source}: ${n} invalid ${enc.toUpperCase()} byte sequence${n === 1 ? '' : 's'} replaced with U+FFFD (is it another encoding, or mixed encodings?)`);
    return { text, encoding: enc, warnings };
  }
}

/** Why a text is not usable, or null. Whitespace-only counts as empty. */
export function emptyReason(text: string): string | null {
  return text.trim().length === 0 ? (text.length === 0 ? 'empty text' : 'text is only whitespace') : null;
}

function fieldText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function parseTextRecords(text: string, source: string, format: TextFormat, opts: TextFieldOptions = {}): TextParseResult {
  const out: TextParseResult = { records: [], skipped: [], warnings: [] };
  const add = (path: string, t: string | null, label: string | null, missing: string) => {
    if (t === null) return void out.skipped.push({ path, reason: missing });
    const why = emptyReason(t);
    if (why) out.skipped.push({ path, reason: why });
    else out.records.push({ path, text: t, label });
  };
  let field = opts.textField ?? 'text';
  if (!opts.textField && (format === 'json' || format === 'jsonl')) {
    // No "text" field: the one field of free text, as --modality auto and the app judge it.
    const { head, complete } = textHead(text);
    const found = recordFields(head, format, complete);
    if (found.suggested && found.suggested !== 'text') {
      field = found.suggested;
      out.warnings.push(`${source}: no field is named "text"; using field "${field}" (${found.verdict.reason.replace(/^the longest column "[^"]*" holds /, '')}). Name another with --text-field.`);
    }
  }
  const labelOf = (o: Record<string, unknown>) => (opts.labelColumn ? fieldText(o[opts.labelColumn]) : null);
  const fromObject = (path: string, v: unknown) => {
    if (typeof v === 'string') return add(path, v, null, '');
    if (!v || typeof v !== 'object' || Array.isArray(v)) return void out.skipped.push({ path, reason: 'not a JSON object or string' });
    const o = v as Record<string, unknown>;
    const t = fieldText(o[field]);
    add(path, t, labelOf(o), field in o ? `field "${field}" is not text` : `no "${field}" field (fields: ${Object.keys(o).join(', ') || 'none'})`);
  };

  if (format === 'text') {
    add(source, text, null, '');
  } else if (format === 'jsonl') {
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      const path = `${source}#L${i + 1}`;
      if (line.trim() === '') {
        if (i < lines.length - 1) out.skipped.push({ path, reason: 'blank line' });
        return;
      }
      if (jsonTextTooDeep(line)) return void out.skipped.push({ path, reason: tooDeepReason() });
      let v: unknown;
      try { v = JSON.parse(line); } catch (e) { return void out.skipped.push({ path, reason: `not valid JSON (${(e as Error).message})` }); }
      fromObject(path, v);
    });
  } else if (format === 'json') {
    let v: unknown;
    try { v = JSON.parse(text); } catch (e) { throw new InputError(`${source} is not valid JSON: ${(e as Error).message}`); }
    const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { data?: unknown }).data) ? (v as { data: unknown[] }).data : null;
    if (!arr) throw new InputError(`${source}: expected a JSON array of records (or {"data": [...]})`);
    arr.forEach((r: unknown, i: number) => {
      if (jsonValueTooDeep(r)) out.skipped.push({ path: `${source}#${i + 1}`, reason: tooDeepReason() });
      else fromObject(`${source}#${i + 1}`, r);
    });
  } else {
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: format === 'tsv' ? '\t' : '', skipEmptyLines: false });
    const columns = parsed.meta.fields ?? [];
    let col = opts.textColumn ?? (columns.includes('text') ? 'text' : columns.length === 1 ? columns[0] : null);
    if (col === null) {
      // No column named: the longest one, when its content is free text (as --modality auto judges it).
      const verdict = judgeTextColumn(parsed.data.slice(0, 500), columns);
      if (verdict.isText && verdict.evidence) {
        col = verdict.evidence.column;
        out.warnings.push(`${source}: no column is named "text"; using column "${col}" (${verdict.reason.replace(/^the longest column "[^"]*" holds /, '')}). Name another with --text-column.`);
      }
    }
    if (col === null || !columns.includes(col)) {
      const err = new InputError(col === null
        ? `${source}: which column holds the text? Name it with --text-column; the columns are: ${columns.join(', ')}`
        : `${source} has no column "${col}"; its columns are: ${columns.join(', ')}`);
      throw err;
    }
    if (opts.labelColumn && !columns.includes(opts.labelColumn)) {
      throw new InputError(`${source} has no label column "${opts.labelColumn}"; its columns are: ${columns.join(', ')}`);
    }
    // Why a record is malformed, by data-row index. Quote errors count the header as row 0; field-count errors do not.
    const bad = new Map<number, string>();
    for (const e of parsed.errors) {
      if (e.type !== 'Quotes' || e.row === undefined) continue;
      bad.set(e.row - 1, e.code === 'MissingQuotes'
        ? 'malformed CSV record (a quote is never closed: the record runs to the end of the file)'
        : 'malformed CSV record (unbalanced quotes)');
    }
    parsed.data.forEach((row, i) => {
      const path = `${source}#row ${i + 1}`;
      const t = row[col];
      if (Object.keys(row).length === 1 && (t ?? '') === '' && i === parsed.data.length - 1) return; // trailing newline
      if (bad.has(i)) return void out.skipped.push({ path, reason: bad.get(i)! });
      add(path, t ?? null, opts.labelColumn ? (row[opts.labelColumn] ?? null) : null, `no value in column "${col}"`);
    });
  }
  return out;
}
