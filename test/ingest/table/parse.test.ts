import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable, tableFormatOf } from '../../../src/ingest/table/parse.ts';
import { parseParquet } from '../../../src/ingest/table/parquet.ts';
import { nodeTableIo } from '../../../src/ingest/table/node-read.ts';
import { parseDelimited, recordChunkEnds } from '../../../src/ingest/table/csv.ts';

const VEGA = 'node_modules/vega-datasets/data';
const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV / TSV', () => {
  it('reads vega seattle-weather.csv and unemployment.tsv', async () => {
    const t = await parseTable(readFileSync(`${VEGA}/seattle-weather.csv`), 'seattle-weather.csv');
    expect(t.columns).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
    expect(t.nRows).toBe(1461);
    expect(t.data[5][0]).toBe('drizzle');
    const u = await parseTable(readFileSync(`${VEGA}/unemployment.tsv`), 'unemployment.tsv');
    expect(u.columns).toEqual(['id', 'rate']);
    expect(u.data[1][0]).toBe('.097');
  });
  it('strips a BOM, sniffs ";" and keeps quoted newlines', async () => {
    const t = await parseTable(enc('\uFEFFa;b\n"x\ny";2\n"q""r";3\n'), 'x.csv');
    expect(t.columns).toEqual(['a', 'b']);
    expect(t.data[0]).toEqual(['x\ny', 'q"r']);
  });
  it('ragged rows: fewer fields kept with missing cells, more fields skipped, row numbers reported', async () => {
    const t = await parseTable(enc('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,\n'), 'r.csv');
    expect(t.nRows).toBe(3);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2, 4]);
    expect(t.data[2]).toEqual(['3', null, '12']);
    const msgs = t.warnings.filter((w) => w.kind === 'ragged-row');
    expect(msgs.map((w) => w.rows)).toEqual([[2], [3]]);
    expect(msgs[1].message).toMatch(/skipped: rows 3/);
  });
  it('parses in record-aligned chunks identically to one pass', () => {
    const lines = ['h1,h2'];
    for (let i = 0; i < 500; i++) lines.push(`${i},"multi\nline ${i}"`);
    const bytes = enc(lines.join('\n'));
    expect(recordChunkEnds(bytes, 100, { delimiter: ',', newline: '\n' }).length).toBeGreaterThan(10);
    const a = parseDelimited(bytes, 'c.csv', 'csv', { chunkBytes: 100 });
    const b = parseDelimited(bytes, 'c.csv', 'csv');
    expect(a.data).toEqual(b.data);
    expect(a.nRows).toBe(500);
  });
});

describe('JSON, JSONL, Parquet', () => {
  it('reads vega penguins/cars/movies JSON', async () => {
    for (const [f, n] of [['penguins.json', 344], ['cars.json', 406], ['movies.json', 3201]] as const) {
      const t = await parseTable(readFileSync(`${VEGA}/${f}`), f);
      expect(t.nRows).toBe(n);
    }
  });
  it('reads JSONL and reports bad lines', async () => {
    const t = await parseTable(enc('{"a":1,"b":"x"}\nnot json\n{"a":2}\n'), 'x.jsonl');
    expect(t.columns).toEqual(['a', 'b']);
    expect(t.data[1]).toEqual(['x', null]);
    expect(t.warnings.find((w) => w.kind === 'bad-json-line')?.rows).toEqual([2]);
  });
  it('reads the vega Parquet file (ZSTD, INT64, timestamps)', async () => {
    const bytes = readFileSync(`${VEGA}/flights-3m.parquet`);
    expect(tableFormatOf(bytes, 'flights-3m.parquet')).toBe('parquet');
    const t = await parseParquet(bytes, 'flights-3m.parquet', { rowEnd: 20_000 });
    expect(t.columns).toEqual(['date', 'delay', 'distance', 'origin', 'destination']);
    expect(t.nRows).toBe(20_000);
    expect(t.data[1][0]).toBe(33);
    expect(t.data[0][0]).toBe('2001-01-01T00:01:00.000Z');
  });
});

describe('bad input', () => {
  it('a file that is not the format its name says is an InputError naming it', async () => {
    const png = readFileSync(`${VEGA}/7zip.png`);
    await expect(parseTable(png, 'fake.csv')).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/fake\.csv.*PNG image/) });
    await expect(parseTable(enc('a,b\n1,2\n'), 'fake.parquet')).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/fake\.parquet.*not one/) });
    await expect(parseTable(enc('{"a": 1,'), 'broken.json')).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/broken\.json is not valid JSON/) });
  });
  it('refuses a table over the size limit with the reason', async () => {
    await expect(parseTable(enc('a\n1\n'), 'big.csv', { maxBytes: 2 })).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/over the .* limit.*held in memory/) });
    await expect(nodeTableIo.readFile('/nonexistent/x.csv')).rejects.toMatchObject({ name: 'InputError' });
  });
});
