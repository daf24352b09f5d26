// Regression: a 200 MB CSV (6.58 M rows) scored with --json ran 23 minutes, then lost everything to
// "Invalid string length": the report was one JSON string, over V8's limit. The CLI now writes it
// in pieces (core/json-pieces.ts, cli/write-pieces.ts); here a report of 6 M rows goes to a file.
import { createReadStream } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { jsonPieces } from '../../src/core/json-pieces.ts';
import { writePieces } from '../../src/cli/write-pieces.ts';
import { fakeReport } from '../core/report-fixture.ts';

it('writes a report whose JSON is over the longest string V8 allows', async () => {
  const report = fakeReport(['huge']);
  const row = report.experiments[0].rows[0];
  report.experiments[0].rows = Array.from({ length: 6_000_000 }, (_, i) => ({ ...row, path: `penguins-200mb.csv#row ${i + 1}` }));
  expect(() => JSON.stringify(report)).toThrow(RangeError);

  const file = join(await mkdtemp(join(tmpdir(), 'synthscore-huge-')), 'report.json');
  await writePieces(file, jsonPieces(report));
  expect((await stat(file)).size).toBeGreaterThan(2 ** 29);
  // The file ends as the report does: its last row, then the closing of the report.
  let tail = '';
  for await (const chunk of createReadStream(file, { start: (await stat(file)).size - 4096 })) tail += chunk;
  expect(tail).toContain('"path":"penguins-200mb.csv#row 6000000"');
  expect(tail.trimEnd().endsWith('}')).toBe(true);
}, 600_000);
