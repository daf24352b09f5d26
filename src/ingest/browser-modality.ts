// The app's sets as the one modality decision sees them (ingest/modality.ts, the CLI's too): a set
// that is one record file is judged by its head, any other set by its listing. Blob APIs only.
import type { Modality } from '../report/schema.ts';
import { setFileOf, type FileRef } from './browser-list.ts';
import { recordFileOf } from './browser-text.ts';
import { decideModality, recordFieldsOf, type ModalitySource } from './modality.ts';
import type { RecordFields } from './text-fields.ts';

export function browserModalitySource(name: string, files: readonly FileRef[], listed: Modality | null): ModalitySource {
  const record = recordFileOf(files);
  if (!record) return { kind: 'folder', path: name, listed };
  return { kind: 'file', ...setFileOf(record) };
}

/** The fields of a set that is one record file, or null (a folder, or not a record file). */
export async function recordSetFields(files: readonly FileRef[]): Promise<RecordFields | null> {
  const src = browserModalitySource('', files, null);
  return src.kind === 'file' ? recordFieldsOf(src) : null;
}

/**
 * The set's modality, or null while it cannot be told (a folder not listed yet, or nothing usable).
 * `textField`: the user's pick in a record file's field picker (null: "score as a table").
 */
export async function decideSetModality(name: string, files: readonly FileRef[], listed: Modality | null, pick?: { textField: string | null }): Promise<Modality | null> {
  const src = browserModalitySource(name, files, listed);
  if (src.kind === 'file' && pick) return pick.textField !== null ? 'text' : 'table';
  if (src.kind === 'folder' && !listed) return null;
  return (await decideModality(src)).modality;
}
