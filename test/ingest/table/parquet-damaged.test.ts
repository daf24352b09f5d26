// Regression: a garbled Parquet file reached the user as the reader's raw "Cannot read properties
// of undefined (reading 'map')"; each kind of damage is now a sentence naming the file.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseParquet } from '../../../src/ingest/table/parquet.ts';

const file = readFileSync('node_modules/vega-datasets/data/flights-3m.parquet');

it.each([
  ['data pages zeroed', (b: Buffer) => Buffer.from(b).fill(0, 1000, 200_000), /^x\.parquet: its Parquet data is damaged or cut short \(/],
  ['footer garbled', (b: Buffer) => { const y = Buffer.from(b); for (let i = y.length - 2000; i < y.length - 8; i += 7) y[i] ^= 0x5a; return y; }, /^x\.parquet is not a readable Parquet file: its footer .* is damaged or cut short \(/],
  ['cut short', (b: Buffer) => Buffer.concat([b.subarray(0, 5000), b.subarray(b.length - 8)]), /^x\.parquet is not a readable Parquet file: its footer/],
])('%s: a sentence that names the file and the damage', async (_, damage, message) => {
  const err = await parseParquet(new Uint8Array(damage(file)), 'x.parquet', { rowEnd: 1000 }).then(() => null, (e: Error) => e);
  expect(err?.name).toBe('InputError');
  expect(err?.message).toMatch(message);
  expect(err?.message).not.toMatch(/Cannot read properties/);
});
