// Decides whether a run is a text run (ingest/modality.ts, as the CLI's `--modality auto` does) and
// builds its request: the real set is a folder whose usable files are text (.txt/.md), or one
// .jsonl/.json/.csv/.tsv file with a field of free text — or the field the user picked. The picked
// text and label fields go into the request as --text-field / --text-column / --label-column would.
import type { CollectedSet } from '../../../ingest/browser-walk.ts';
import { decideSetModality, recordSetFields } from '../../../ingest/browser-modality.ts';
import type { RecordFields } from '../../../ingest/text-fields.ts';
import type { ListedSet } from '../../../ingest/types.ts';
import type { RequestOf } from '../../../pipeline/run-request.ts';
import type { Modality } from '../../../report/schema.ts';
import type { TextScoreRequest } from '../../../pipeline/text/score-text.ts';

/** The user's pick: the field (or column) holding the text, and an optional label field. */
export interface TextChoice { text: string | null; label: string | null }

/** The fields of a set that is one record file, or null (a folder, or not a record file). */
export function inspectRecordSet(collected: CollectedSet): Promise<RecordFields | null> {
  return recordSetFields(collected.files);
}

/** The set's modality by the one decision (ingest/modality.ts), or by the user's pick in a record
 *  file's field picker; null while it cannot be told. */
export function setModalityOf(collected: CollectedSet, listed: ListedSet | null, choice?: TextChoice | null): Promise<Modality | null> {
  return decideSetModality(collected.name, collected.files, listed?.modality ?? null, choice ? { textField: choice.text } : undefined);
}

/** Whether the run is a text run. */
export async function isTextSet(collected: CollectedSet, listed: ListedSet | null, choice?: TextChoice | null): Promise<boolean> {
  return (await setModalityOf(collected, listed, choice)) === 'text';
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

/** The text request for a run whose sets go to the worker under `keys` (real first). */
export async function textRequest(
  keys: string[], real: { collected: CollectedSet }, synthetic: { name: string }[], choice?: TextChoice | null,
): Promise<RequestOf<'text'>> {
  const fields = await inspectRecordSet(real.collected);
  return {
    modality: 'text',
    real: keys[0],
    synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
    threshold: { kind: 'manifest' },
    map: {},
    ...choiceOptions(fields?.format ?? null, choice),
  };
}

/** The text request, or null when the real set is not text (by the one decision or the user's pick). */
export async function textRequestOf(
  keys: string[], real: { collected: CollectedSet; listed: ListedSet | null }, synthetic: { name: string }[], choice?: TextChoice | null,
): Promise<RequestOf<'text'> | null> {
  return (await isTextSet(real.collected, real.listed, choice)) ? textRequest(keys, real, synthetic, choice) : null;
}
