// The fields (JSON/JSONL) or columns (CSV/TSV) of the head of a record file, each with a sample
// value and its free-text evidence, and the one to read texts from by default: "text" when there
// is one, else the longest column when its content is free text (text-columns.ts), else none.
// Pure: the app's field picker and the CLI's rules see the same thing.
import Papa from 'papaparse';
import { columnEvidence, judgeTextColumn, type ColumnEvidence, type TextColumnVerdict } from './text-columns.ts';
import type { TextFormat } from './text-parse.ts';

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
  } else {
    try {
      const v = JSON.parse(head);
      objects = (Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { data?: unknown }).data) ? (v as { data: unknown[] }).data : []).slice(0, max);
    } catch { /* only part of a large file was read: no fields to offer */ }
  }
  const rows = objects.filter((o): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { rows, columns };
}

export function recordFields(head: string, format: RecordFields['format'], complete: boolean, maxRecords = 500): RecordFields {
  const { rows, columns } = records(head, format, complete, maxRecords);
  const evidence = columnEvidence(rows, columns);
  const fields = columns.map((name, i) => {
    const first = rows.map((r) => cell(r[name]).trim()).find((v) => v !== '') ?? '';
    return { name, sample: first.length > 120 ? `${first.slice(0, 120)}…` : first, evidence: evidence[i] };
  });
  const verdict = judgeTextColumn(rows, columns);
  const suggested = columns.includes('text') ? 'text' : verdict.isText ? verdict.evidence!.column : null;
  return { format, fields, records: rows.length, suggested, verdict };
}
