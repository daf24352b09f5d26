import { describe, expect, it } from 'vitest';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const io = (files: Record<string, string>) => ({ readFile: async (p: string) => enc(files[p]) });
const base = { folds: 5, seed: 0, bootstrap: 50 };

describe('scoreTable: bad input', () => {
  const real = 'a,b,c\n' + rows(40, (i) => `${i % 7},x${i % 3},${i * 1.5}`);
  it('names missing and extra columns; dropMismatchedColumns scores the shared ones', async () => {
    const synth = 'a,b,d\n' + rows(40, (i) => `${i % 5},x${i % 3},${i}`);
    await expect(scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], ...base }, io({ 'r.csv': real, 's.csv': synth })))
      .rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/"s" \(s\.csv\) lacks column "c" and has a column "d" that the real set lacks/) });
    const rep = await scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], dropMismatchedColumns: true, ...base }, io({ 'r.csv': real, 's.csv': synth }));
    expect(rep.table!.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(rep.table!.droppedColumns.map((d) => d.name)).toEqual(['c', 'd']);
  });
  it('a column numeric in one set and text in the other is a clear message; a type override accepts it', async () => {
    const synth = 'a,b,c\n' + rows(40, (i) => `${i % 7},x${i % 3},${i === 3 ? 'lots' : i}`);
    const files = io({ 'r.csv': real, 's.csv': synth });
    await expect(scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], ...base }, files))
      .rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/Column "c" is numeric in the real set .* "lots" \(row 4\)/) });
    const rep = await scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], types: { c: 'category' }, ...base }, files);
    expect(rep.table!.columns.find((c) => c.name === 'c')!.overridden).toBe(true);
  });
  it('too few rows is an InputError', async () => {
    await expect(scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], ...base }, io({ 'r.csv': real, 's.csv': 'a,b,c\n1,x,2' })))
      .rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/only 1 rows/) });
  });
});
