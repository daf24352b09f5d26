// The fields (JSON/JSONL) or columns (CSV/TSV) of the head of a record file, each with a sample
// value and its free-text evidence, and the one to read texts from by default: for JSON, "text"
// when there is one, else the longest field when its content is free text (text-columns.ts); for
// CSV/TSV, the longest (or chosen) column when it holds free text; else none. Pure: the app's field
// picker and the CLI's rules see the same thing (ingest/modality.ts).
import Papa from 'papaparse';
import { columnEvidence, judgeTextColumn, type ColumnEvidence, type TextColumnVerdict } from './text-columns.ts';
import type { TextFormat } from './types.ts';

/** Bytes of a record file's head that its fields and the modality are judged on (ingest/modality.ts). */
export const RECORD_HEAD_BYTES = 256 * 1024;

/** The head of an already decoded file as the decision sees it: its first RECORD_HEAD_BYTES of UTF-8. */
export function textHead(text: string): { head: string; complete: boolean } {
  const bytes = new TextEncoder().encode(text.slice(0, RECORD_HEAD_BYTES));
  if (bytes.length <= RECORD_HEAD_BYTES && text.length <= RECORD_HEAD_BYTES) return { head: text, complete: true };
  return { head: new TextDecoder().decode(bytes.subarray(0, RECORD_HEAD_BYTES)), complete: false };
}

export interface FieldInfo {
  name: string;
  /** The first non-empty value, cut to 120 characters. */
  sample: string;
  evidence: ColumnEvidence;
}

export interface RecordFields {
  format: Exclude<TextFormat, 'text'>;
  fields: FieldInfo[];
  /** Records read from the head. */
  records: number;
  /** The field texts are read from by default, or null (the file looks like a table). */
  suggested: string | null;
  verdict: TextColumnVerdict;
}

const cell = (v: unknown) => (typeof v === 'string' ? v : v == null || typeof v === 'object' ? '' : String(v));

function records(head: string, format: RecordFields['format'], complete: boolean, max: number): { rows: Record<string, unknown>[]; columns: string[] } {
  const body = complete ? head : head.slice(0, Math.max(0, head.lastIndexOf('\n')));
  if (format === 'csv' || format === 'tsv') {
    const parsed = Papa.parse<Record<string, string>>(body, { header: true, delimiter: format === 'tsv' ? '\t' : '', skipEmptyLines: true, preview: max });
    return { rows: parsed.data, columns: parsed.meta.fields ?? [] };
  }
  let objects: unknown[] = [];
  if (format === 'jsonl') {
    for (const line of body.split('\n').slice(0, max)) {
      try { objects.push(JSON.parse(line)); } catch { /* a bad line: the reader reports it */ }
    }
  } else if (complete) {
    try {
      const v = JSON.parse(head);
      objects = (Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { data?: unknown }).data) ? (v as { data: unknown[] }).data : []).slice(0, max);
    } catch { /* not JSON: the reader reports it */ }
  } else {
    objects = jsonArrayHead(head, max);
  }
  const rows = objects.filter((o): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { rows, columns };
}

/**
 * The complete records at the start of a JSON array (top level, or the first array inside the top
 * object, as `{"data": [...]}`) of which only the head was read: a cut array does not parse, so
 * each complete element is parsed on its own.
 */
export function jsonArrayHead(head: string, max: number): unknown[] {
  const out: unknown[] = [];
  let depth = 0, inString = false, escaped = false, arrayDepth = -1, start = -1;
  for (let i = 0; i < head.length && out.length < max; i++) {
    const c = head[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (depth === arrayDepth && start < 0) start = i;
    } else if (c === '[' || c === '{') {
      if (c === '[' && arrayDepth < 0 && depth <= 1) arrayDepth = depth + 1;
      else if (depth === arrayDepth && start < 0) start = i;
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === arrayDepth && start >= 0) {
        try { out.push(JSON.parse(head.slice(start, i + 1))); } catch { /* malformed: the reader reports it */ }
        start = -1;
      }
      if (depth < arrayDepth) break;
    } else if (c === ',' && depth === arrayDepth) {
      start = -1;
    }
  }
  return out;
}

export function recordFields(head: string, format: RecordFields['format'], complete: boolean, maxRecords = 500, chosen?: string): RecordFields {
  const { rows, columns } = records(head, format, complete, maxRecords);
  const evidence = columnEvidence(rows, columns);
  const fields = columns.map((name, i) => {
    const first = rows.map((r) => cell(r[name]).trim()).find((v) => v !== '') ?? '';
    return { name, sample: first.length > 120 ? `${first.slice(0, 120)}…` : first, evidence: evidence[i] };
  });
  const verdict = judgeTextColumn(rows, columns, chosen);
  const json = format === 'json' || format === 'jsonl';
  const suggested = json && chosen === undefined && columns.includes('text') ? 'text' : verdict.isText ? verdict.evidence!.column : null;
  return { format, fields, records: rows.length, suggested, verdict };
}
