// Decides whether a run is a text run (as the CLI's `--modality auto` does) and builds its request:
// the real set is a folder whose usable files are text (.txt/.md), or one .jsonl/.json/.csv/.tsv
// file with a "text" field or a field of free text (ingest/text-fields.ts) — or the field the user
// picked. The picked text and label fields go into the request as --text-field / --text-column /
// --label-column would.
import type { CollectedSet } from '../../../ingest/browser-walk.ts';
import { recordFileOf } from '../../../ingest/browser-text.ts';
import { recordFields, type RecordFields } from '../../../ingest/text-fields.ts';
import { decodeTextBytes, textFormatOf } from '../../../ingest/text-parse.ts';
import type { ListedSet } from '../../../ingest/types.ts';
import type { TextScoreRequest } from '../../../pipeline/text/score-text.ts';

/** Bytes read to list a record file's fields; a whole .json file up to 8 MB (a partial array does not parse). */
const HEAD_BYTES = 256 * 1024, JSON_BYTES = 8 * 1024 * 1024;

/** The user's pick: the field (or column) holding the text, and an optional label field. */
export interface TextChoice { text: string | null; label: string | null }

/** The fields of a set that is one record file, or null (a folder, or not a record file). */
export async function inspectRecordSet(collected: CollectedSet): Promise<RecordFields | null> {
  const record = recordFileOf(collected.files);
  if (!record) return null;
  const format = textFormatOf(record.path);
  if (format === 'text') return null;
  const max = format === 'json' ? JSON_BYTES : HEAD_BYTES;
  const bytes = new Uint8Array(await record.file.slice(0, max).arrayBuffer());
  const { text } = decodeTextBytes(bytes, record.path);
  return recordFields(text, format, record.file.size <= max);
}

export async function isTextSet(collected: CollectedSet, listed: ListedSet | null, choice?: TextChoice | null): Promise<boolean> {
  const fields = await inspectRecordSet(collected);
  if (fields) return (choice ? choice.text : fields.suggested) !== null; // the user may pick "score as a table"
  if (recordFileOf(collected.files)) return false;
  return listed?.modality === 'text';
}

/** The request fields for a pick: JSON fields and CSV columns are named by different options. */
export function choiceOptions(format: RecordFields['format'] | null, choice: TextChoice | null | undefined): Pick<TextScoreRequest, 'textField' | 'textColumn' | 'labelColumn'> {
  if (!format || !choice) return {};
  const csv = format === 'csv' || format === 'tsv';
  return {
    ...(choice.text ? (csv ? { textColumn: choice.text } : { textField: choice.text }) : {}),
    ...(choice.label ? { labelColumn: choice.label } : {}),
  };
}

/** The text request for a run whose sets go to the worker under `keys` (real first), or null. */
export async function textRequestOf(
  keys: string[], real: { collected: CollectedSet; listed: ListedSet | null }, synthetic: { name: string }[], choice?: TextChoice | null,
): Promise<TextScoreRequest | null> {
  if (!(await isTextSet(real.collected, real.listed, choice))) return null;
  const fields = await inspectRecordSet(real.collected);
  return {
    real: keys[0],
    synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
    threshold: { kind: 'manifest' },
    map: {},
    ...choiceOptions(fields?.format ?? null, choice),
  };
}
