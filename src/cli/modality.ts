// `--modality auto`: tell images, text and tables apart by what the real path holds, by content
// where the extension leaves it open.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Modality } from '../core/report.ts';
import { listSet } from '../ingest/node-walk.ts';
import { InputError } from '../ingest/types.ts';

const TABLE_FILES = new Set(['.csv', '.tsv', '.parquet', '.json', '.jsonl', '.ndjson']);

export async function detectModality(path: string, hints: { textField?: string; textColumn?: string }): Promise<Modality> {
  const info = await stat(path).catch(() => {
    throw new InputError(`The real path does not exist: ${path}`);
  });
  if (info.isDirectory()) {
    const listed = await listSet(path, 'real');
    if (!listed.modality) throw new InputError(`The real folder "${path}" has no usable images, texts or tables.`);
    // A folder of table files is scored as text only when one file per sample is plainly meant.
    return listed.modality === 'table' ? 'table' : listed.modality;
  }
  const ext = extname(path).toLowerCase();
  if (!TABLE_FILES.has(ext)) return 'text';
  if (hints.textField || hints.textColumn) return 'text';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return (await firstRecordHasText(path)) ? 'text' : 'table';
  return 'table';
}

/** JSON records whose only string-valued field of any length is `text` are text samples. */
async function firstRecordHasText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    const m = /"text"\s*:\s*"/.exec(head);
    return m !== null;
  } finally {
    await handle.close();
  }
}
