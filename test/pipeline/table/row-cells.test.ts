// The report's bounded row-cell sample: the most unrealistic synthetic rows, the least represented
// real rows and the near-duplicate members, with one cell per column.
import { describe, expect, it } from 'vitest';
import type { Experiment, RowScore } from '../../../src/report/schema.ts';
import { rowCellSample } from '../../../src/pipeline/table/row-cells.ts';

function experiment(nReal: number, nSynth: number): Experiment {
  const rows: RowScore[] = Array.from({ length: nReal + nSynth }, (_, i) => ({
    path: `r${i}`, side: i < nReal ? 'real' : 'synthetic', p: ((i * 37) % 101) / 100, labelIssue: 0, nearDuplicateSet: -1, nearestDistance: null,
  }));
  return {
    rows,
    nearDuplicateSets: [{ id: 0, members: [3, nReal + 5], hasReal: true, kind: 'unoriginal', minDistance: 0, maxDistance: 0, exact: true }],
  } as unknown as Experiment;
}

describe('rowCellSample', () => {
  it('keeps the top rows of each list, the duplicate members, and their cells', () => {
    const ex = experiment(300, 300);
    const s = rowCellSample(ex, ['a', 'b'], (i, c) => (c === 0 ? i : `x${i}`), 20);
    const idx = s.rows.map((r) => r.index);
    expect(s.columns).toEqual(['a', 'b']);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    const synth = ex.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.side === 'synthetic').sort((a, b) => b.r.p - a.r.p || a.i - b.i).slice(0, 20).map(({ i }) => i);
    const real = ex.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.side === 'real').sort((a, b) => a.r.p - b.r.p || a.i - b.i).slice(0, 20).map(({ i }) => i);
    for (const i of [...synth, ...real, 3, 305]) expect(idx).toContain(i);
    expect(s.rows.length).toBeLessThanOrEqual(42);
    expect(s.rows.find((r) => r.index === 305)!.cells).toEqual([305, 'x305']);
  });
});

describe('fileSetsTableIo', () => {
  it('reads "<set key>/<path>" and names a set without a table file', async () => {
    const { fileSetsTableIo, tablePath } = await import('../../../src/pipeline/table/browser-table-io.ts');
    const io = fileSetsTableIo({ real: { files: [{ path: 'd/a.csv', file: new Blob(['x,y\n1,2\n']) }] }, pics: { files: [] } });
    expect(new TextDecoder().decode(await io.readFile(tablePath('real', 'd/a.csv')))).toBe('x,y\n1,2\n');
    expect(await io.size!('real/d/a.csv')).toBe(8);
    await expect(io.readFile(tablePath('pics', ''))).rejects.toThrow(/"pics" holds no table file/);
  });
});
