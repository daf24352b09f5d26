// Browser text ingest: one text set from File objects (a dropped folder of .txt/.md files, or one
// dropped .jsonl/.json/.csv/.tsv file), read by the rules of text-set.ts as node-text.ts does, so
// the app and the CLI read the same samples under the same paths. Uses only Blob APIs: runs in a
// window or a worker.
import type { Side, SkippedItem } from '../report/schema.ts';
import { setFileOf, withoutHidden, type FileRef } from './browser-list.ts';
import { extensionOf } from './sniff.ts';
import { readRecordFile, readTextFolder, RECORD_EXT, type TextSet, type TextSetOptions } from './text-set.ts';

/** A set that is one record file (jsonl/json/csv/tsv): one sample per record, as the CLI's file path. */
export function recordFileOf(files: readonly FileRef[]): FileRef | null {
  const visible = files.filter((f) => !f.path.split('/').some((p) => p.startsWith('.')));
  return visible.length === 1 && RECORD_EXT.has(extensionOf(visible[0].path)) ? visible[0] : null;
}

export async function readTextFiles(
  root: string, files: readonly FileRef[], side: Side, opts: TextSetOptions & { skipped?: readonly SkippedItem[] } = {},
): Promise<TextSet> {
  const record = recordFileOf(files);
  if (record) return readRecordFile(root, setFileOf(record), record.path.slice(record.path.lastIndexOf('/') + 1), side, opts, opts.skipped);
  const { visible, skipped } = withoutHidden(files, side);
  return readTextFolder(root, visible.map(setFileOf), side, [...(opts.skipped ?? []), ...skipped], opts);
}
