// Regression: the CSV export (--csv and the app's Export CSV) wrote paths and names verbatim, so a
// file named "=cmd|' /C calc'!A0.png" became a formula when the CSV was opened in a spreadsheet.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportToCsv } from '../../src/core/report-csv.ts';
import { fakeReport } from './report-fixture.ts';

const HOSTILE = ["=cmd|' /C calc'!A0.png", '@SUM(1+1)', '=HYPERLINK("http://x","y")', '+1', '-x', '\tfile.png', '\rfile.png'];

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: false }).data;
}

describe('reportToCsv', () => {
  it('a path or name that starts a formula is written as quoted text with a leading apostrophe', () => {
    const report = fakeReport(HOSTILE);
    for (const ex of report.experiments) {
      ex.rows[0].path = ex.name;
      ex.rows[0].className = ex.name;
    }
    const csv = reportToCsv(report);
    const rows = parse(csv);
    for (const name of HOSTILE) {
      expect(csv).toContain(`"'${name.replace(/"/g, '""')}"`); // quoted, as OWASP recommends
      const row = rows.find((r) => r[0] === `'${name}`);
      expect(row, name).toBeDefined();
      expect(row![2]).toBe(`'${name}`);
      expect(row![3]).toBe(`'${name}`);
    }
  });

  it('numbers stay numbers, a negative one included', () => {
    const report = fakeReport(['fresh']);
    report.experiments[0].rows[0].nearestDistance = -0.5;
    const line = reportToCsv(report).split('\n')[1];
    expect(line.split(',').at(-1)).toBe('-0.500000');
  });

  it('ordinary text is unchanged', () => {
    const rows = parse(reportToCsv(fakeReport(['fresh, copies'])));
    expect(rows[1].slice(0, 3)).toEqual(['fresh, copies', 'real', 'r/0.png']);
  });
});
