// Parquet through hyparquet (pure JS), with hyparquet-compressors for ZSTD, gzip, Brotli, LZ4.
// INT64 becomes a number when it is a safe integer (else its decimal text); timestamps become
// ISO-8601 text, typed as date/time downstream; nested values become their JSON text.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../types.ts';
import { type RawTable, type TableWarning, tableFromObjects } from './types.ts';

/** The reader's detail, for the end of a sentence: a JS error inside the reader ("Cannot read
 *  properties of undefined") only means the file's parts do not fit together. */
function readerDetail(e: unknown): string {
  const err = e as Error;
  return err instanceof TypeError || err instanceof RangeError ? 'its parts do not fit together' : `the reader says: ${err.message}`;
}

/** rowEnd: read only the first rowEnd rows (tests, previews). */
export async function parseParquet(bytes: Uint8Array, source: string, opts: { rowEnd?: number } = {}): Promise<RawTable> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let meta;
  try {
    meta = parquetMetadata(file);
  } catch (e) {
    throw new InputError(`${source} is not a readable Parquet file: its footer (the schema and row-group metadata) is damaged or cut short (${readerDetail(e)}).`);
  }
  const columns = meta.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file, compressors, rowEnd: opts.rowEnd })) as Record<string, unknown>[];
  } catch (e) {
    throw new InputError(`${source}: its Parquet data is damaged or cut short (${readerDetail(e)}).`);
  }
  const warnings: TableWarning[] = [];
  const t = tableFromObjects(source, 'parquet', rows, rows.map((_, i) => i + 1), warnings);
  // Keep the schema's column order even when the first rows lack a column.
  if (t.columns.length === columns.length && columns.every((c) => t.columns.includes(c))) {
    const order = columns.map((c) => t.columns.indexOf(c));
    t.data = order.map((i) => t.data[i]);
    t.columns = columns;
  }
  return t;
}
