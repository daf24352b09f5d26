// One entry point for every table format: check that the content is what the name says, then
// hand it to the right reader. Content decides; a mismatch with the name is an InputError that
// names the file and says what the content looks like.
import { extensionOf, looksLikeText, sniffKind, SNIFF_BYTES } from '../sniff.ts';
import { InputError } from '../types.ts';
import { parseDelimited } from './csv.ts';
import { parseJson, parseJsonLines } from './json.ts';
import { parseParquet } from './parquet.ts';
import { MAX_TABLE_BYTES, type RawTable, type TableFormat } from './types.ts';

const NAMED: Record<string, TableFormat> = { csv: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', parquet: 'parquet', pq: 'parquet' };
const LABEL: Record<TableFormat, string> = { csv: 'CSV', tsv: 'TSV', json: 'JSON', jsonl: 'JSON Lines', parquet: 'Parquet' };

export function sizeLimitMessage(source: string, size: number, limit = MAX_TABLE_BYTES): string {
  const mb = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
  return `${source} is ${mb(size)}, over the ${mb(limit)} limit for one table: every row is held in memory, because the detector and the near-duplicate search need all rows at once. Take a random sample of the rows (e.g. 200,000) and score that.`;
}

/** The format a file will be read as: from its name, else from its content. */
export function tableFormatOf(bytes: Uint8Array, source: string): TableFormat {
  const ext = extensionOf(source);
  const head = bytes.subarray(0, SNIFF_BYTES);
  const isParquet = bytes.length >= 8 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
  const named = NAMED[ext];
  if (named === 'parquet') {
    if (!isParquet) throw new InputError(`${source} is named as a Parquet file but is not one (no PAR1 magic number); its content looks like ${sniffKind(head, 'x').label}.`);
    return 'parquet';
  }
  if (isParquet) {
    if (named) throw new InputError(`${source} is named as ${LABEL[named]} but its content is a Parquet file; rename it to .parquet.`);
    return 'parquet';
  }
  if (!looksLikeText(head)) {
    const what = sniffKind(head, 'x').label;
    throw new InputError(`${source} is ${named ? `named as ${LABEL[named]}` : 'not a table'}: its content is ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}, not text.`);
  }
  if (named) return named;
  const lead = new TextDecoder().decode(head).trimStart();
  if (lead.startsWith('[')) return 'json';
  if (lead.startsWith('{')) return 'jsonl';
  return 'csv';
}

export async function parseTable(bytes: Uint8Array, source: string, opts: { maxBytes?: number } = {}): Promise<RawTable> {
  const limit = opts.maxBytes ?? MAX_TABLE_BYTES;
  if (bytes.length > limit) throw new InputError(sizeLimitMessage(source, bytes.length, limit));
  if (bytes.length === 0) throw new InputError(`${source} is empty.`);
  const format = tableFormatOf(bytes, source);
  switch (format) {
    case 'parquet':
      return parseParquet(bytes, source);
    case 'json':
      return parseJson(bytes, source);
    case 'jsonl':
      return parseJsonLines(bytes, source);
    default:
      return parseDelimited(bytes, source, format);
  }
}
