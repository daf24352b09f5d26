// `--modality auto`: tell images, text and tables apart by what the real path holds, by content
// where the extension leaves it open. A CSV/TSV is text when its named or longest column holds free
// text (ingest/text-columns.ts), or a column is named with --text-column; the choice and its reason
// are printed on stderr.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Modality } from '../core/report.ts';
import { listSet } from '../ingest/node-walk.ts';
import { judgeCsvHead } from '../ingest/text-columns.ts';
import { recordFields } from '../ingest/text-fields.ts';
import { InputError } from '../ingest/types.ts';

const HEAD_BYTES = 256 * 1024, JSON_BYTES = 64 * 1024 * 1024;

const TABLE_FILES = new Set(['.csv', '.tsv', '.parquet', '.json', '.jsonl', '.ndjson']);

export async function detectModality(path: string, hints: { textField?: string; textColumn?: string; quiet?: boolean }): Promise<Modality> {
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
  if (hints.textField) return 'text';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') {
    // A whole .json file up to 64 MB is read (a cut array does not parse); JSON Lines by their head.
    const { head, complete } = await readHead(path, ext === '.json' ? JSON_BYTES : HEAD_BYTES);
    const found = recordFields(head, ext === '.json' ? 'json' : 'jsonl', complete);
    const modality = found.suggested !== null ? 'text' : 'table';
    const why = found.suggested === 'text' ? 'its records have a "text" field' : found.verdict.reason.replace(/column/g, 'field');
    if (!hints.quiet) process.stderr.write(`modality: ${modality} (${path}: ${why}; --modality sets it)\n`);
    return modality;
  }
  if (ext === '.csv' || ext === '.tsv') {
    const { head, complete } = await readHead(path);
    const verdict = judgeCsvHead(head, ext === '.tsv' ? '\t' : '', complete, hints.textColumn);
    if (hints.textColumn && !verdict.evidence) throw new InputError(`${path} has no column "${hints.textColumn}"; its columns are: ${verdict.columns.join(', ')}`);
    // A column named with --text-column is the user saying "text"; the evidence is still shown.
    const modality = verdict.isText || hints.textColumn ? 'text' : 'table';
    const why = hints.textColumn && !verdict.isText ? `--text-column names it, though ${verdict.reason}` : verdict.reason;
    if (!hints.quiet) process.stderr.write(`modality: ${modality} (${path}: ${why}; --modality sets it)\n`);
    return modality;
  }
  return 'table';
}

async function readHead(path: string, max = HEAD_BYTES): Promise<{ head: string; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const buf = Buffer.alloc(Math.min(size, max));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return { head: buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, ''), complete: bytesRead >= size };
  } finally {
    await handle.close();
  }
}
