// Regression: a report of millions of rows was lost at the end of the run ("Invalid string
// length": V8 refuses one string over ~512 MB). Reports now go out in pieces of bounded size.
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/core/json-pieces.ts';
import { reportCsvLines, reportToCsv } from '../../src/core/report-csv.ts';
import { fakeReport } from './report-fixture.ts';

describe('a report in pieces', () => {
  it('joins to exactly what JSON.stringify writes, with no piece much over the bound', () => {
    const report = fakeReport(['fresh', 'copies']);
    const big = { ...report, experiments: report.experiments.map((ex) => ({ ...ex, rows: Array.from({ length: 20_000 }, (_, i) => ({ ...ex.rows[i % ex.rows.length], path: `r/${i}.png` })) })) };
    const pieces = [...jsonPieces(big, 4096)];
    expect(pieces.join('')).toBe(JSON.stringify(big));
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + 1000);
  });

  it('keeps JSON.stringify rules: undefined properties left out, undefined in a long array is null, NaN is null', () => {
    const value = { a: undefined, b: NaN, c: Array.from({ length: 300 }, (_, i) => (i === 5 ? undefined : i)), d: { e: [1, 2] } };
    expect([...jsonPieces(value, 16)].join('')).toBe(JSON.stringify(value));
  });

  it('gives the CSV a line at a time, the same as the whole CSV', () => {
    const report = fakeReport(['a', 'b']);
    expect([...reportCsvLines(report)].join('\n') + '\n').toBe(reportToCsv(report));
  });
});
