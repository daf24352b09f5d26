// The one modality decision: is a set images, text or a table? The CLI (a path) and the app (a
// dropped folder or file) both describe the set as a ModalitySource and get the same answer with
// the same reason, from the same bytes: the head of a record file, never the whole file.
import type { Modality } from '../report/schema.ts';
import { RECORD_HEAD_BYTES, recordFields, type RecordFields } from './text-fields.ts';
import { decodeTextBytes, textFormatOf } from './text-parse.ts';
import { InputError } from './types.ts';

export type ModalitySource =
  /** A folder: its listing decided by the most common usable kind of file (ingest/types.ts). */
  | { kind: 'folder'; path: string; listed: Modality | null }
  /** One file: `head(n)` reads its first n bytes. */
  | { kind: 'file'; path: string; size: number; head(bytes: number): Promise<Uint8Array> };

export interface ModalityHints {
  /** --text-field: the user says "text". */
  textField?: string;
  /** --text-column: this column is judged, and its being named says "text". */
  textColumn?: string;
}

export interface ModalityDecision {
  modality: Modality;
  /** One line for the user: why. */
  reason: string;
  /** A record file's fields (the app's picker lists them), else null. */
  fields: RecordFields | null;
}

/** The fields of a record file's head, or null when the file is not a record file. */
export async function recordFieldsOf(src: Extract<ModalitySource, { kind: 'file' }>, chosen?: string): Promise<RecordFields | null> {
  const format = textFormatOf(src.path);
  if (format === 'text') return null;
  const { text } = decodeTextBytes(await src.head(RECORD_HEAD_BYTES), src.path);
  return recordFields(text, format, src.size <= RECORD_HEAD_BYTES, 500, chosen);
}

export async function decideModality(src: ModalitySource, hints: ModalityHints = {}): Promise<ModalityDecision> {
  if (src.kind === 'folder') {
    if (!src.listed) throw new InputError(`The real folder "${src.path}" has no usable images, texts or tables.`);
    return { modality: src.listed, reason: `most of its usable files are ${src.listed === 'image' ? 'images' : src.listed === 'text' ? 'texts' : 'tables'}`, fields: null };
  }
  if (/\.parquet$/i.test(src.path)) return { modality: 'table', reason: 'a Parquet file is a table', fields: null };
  const csv = /\.(csv|tsv|tab)$/i.test(src.path);
  const fields = await recordFieldsOf(src, csv ? hints.textColumn : undefined);
  if (!fields) return { modality: 'text', reason: 'one text file', fields: null };
  if (hints.textField) return { modality: 'text', reason: `--text-field names "${hints.textField}"`, fields };
  if (csv && hints.textColumn) {
    if (!fields.verdict.evidence) throw new InputError(`${src.path} has no column "${hints.textColumn}"; its columns are: ${fields.fields.map((f) => f.name).join(', ')}`);
    // A column named with --text-column is the user saying "text"; the evidence is still shown.
    return { modality: 'text', reason: fields.verdict.isText ? fields.verdict.reason : `--text-column names it, though ${fields.verdict.reason}`, fields };
  }
  const modality = fields.suggested !== null ? 'text' : 'table';
  const reason = fields.suggested === 'text' && !csv ? 'its records have a "text" field' : csv ? fields.verdict.reason : fields.verdict.reason.replace(/column/g, 'field');
  return { modality, reason, fields };
}
