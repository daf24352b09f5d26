// The app's table choices (TableOptions → tableRequest) are the CLI's flags (--type, --detector,
// --drop-mismatched-columns, --keep-formats), and the report records them the same way.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCli, type CliOptions } from '../../../src/cli/args.ts';
import { cliTableRequest } from '../../../src/cli/run-score.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import type { ListedSet } from '../../../src/ingest/types.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import { tableRequest } from '../../../src/ui/components/table/table-run.ts';
import { splitVega } from '../../core/table/fixtures.ts';

const FLIPPER = 'Flipper Length (mm)', MASS = 'Body Mass (g)';
const csv = (columns: string[], data: Cell[][]) =>
  new TextEncoder().encode(Papa.unparse({ fields: columns, data: Array.from({ length: data[0].length }, (_, r) => data.map((c) => c[r] ?? '')) }));
const listed = (path: string) => ({ modality: 'table', items: [{ path }] }) as unknown as ListedSet;

describe('table choices: app and CLI', async () => {
  const s = await splitVega('penguins.json', 1);
  // Synthetic: flippers stretched by 15% (the giveaway), masses with extra decimals, an extra column.
  const synth = s.holdout.map((col, c) => col.map((v) => (v === null ? null
    : s.columns[c] === FLIPPER ? Math.round(Number(v) * 1.15)
      : s.columns[c] === MASS ? (Number(v) + 0.123457).toFixed(6) : v)));
  const files: Record<string, Uint8Array> = {
    'real/real.csv': csv(s.columns, s.real),
    'ctgan/synth.csv': csv([...s.columns, 'Note'], [...synth, synth[0].map(() => 'made by ctgan')]),
  };
  const io = { readFile: async (p: string) => files[p] };
  const sets = [{ name: 'real', listed: listed('real.csv') }, { name: 'ctgan', listed: listed('synth.csv') }];
  const opts = { folds: 5, seed: 0, bootstrap: 100 };
  const cli = parseCli(['score', '--real', 'real/real.csv', '--synthetic', 'ctgan=ctgan/synth.csv', '--type', `${FLIPPER}=ignore`,
    '--detector', 'logistic', '--drop-mismatched-columns', '--keep-formats']) as CliOptions;
  const app = tableRequest(['real', 'ctgan'], sets, { types: { [FLIPPER]: 'ignore' }, detector: 'logistic', dropMismatchedColumns: true, keepFormats: true });

  it('sends the same request as the equivalent flags', () => {
    const { folds: _f, seed: _s, bootstrap: _b, labelColumn: _l, ...fromCli } = cliTableRequest(cli);
    const { map, ...fromApp } = app;
    expect(fromApp).toEqual(fromCli);
    expect(map).toEqual({}); // the app also draws the 2-D map (the CLI draws none, as for images)
  });

  it('records the choices in the report, and the override moves the score the right way', async () => {
    const chosen = await scoreTable({ ...app, ...opts }, io);
    const t = chosen.table!;
    expect(t.columns.find((c) => c.name === FLIPPER)).toMatchObject({ type: 'ignore', inferredType: 'number', overridden: true, inDetector: false });
    expect(t.droppedColumns).toEqual([{ name: 'Note', presentIn: ['ctgan'] }]);
    expect(chosen.model.id).toBe('table-logistic');
    expect(chosen.experiments[0].table!.detector).toBe('logistic');
    const precision = chosen.experiments[0].table!.findings.find((f) => f.kind === 'precision' && f.column === MASS)!;
    expect(precision.normalised).toBe(false); // formats kept as written

    // The defaults, dropping only the extra column: the stretched flippers are seen and give the set away.
    const plain = await scoreTable({ ...tableRequest(['real', 'ctgan'], sets, { types: {}, detector: 'trees', dropMismatchedColumns: true, keepFormats: false }), ...opts }, io);
    expect(plain.table!.columns.find((c) => c.name === FLIPPER)).toMatchObject({ type: 'number', overridden: false, inDetector: true });
    expect(plain.experiments[0].table!.findings.find((f) => f.kind === 'precision' && f.column === MASS)!.normalised).toBe(true);
    expect(plain.experiments[0].table!.columns.map((c) => c.column)).toContain(FLIPPER);
    expect(chosen.experiments[0].table!.columns.map((c) => c.column)).not.toContain(FLIPPER);
    console.info(`unrealistic with flippers ${plain.experiments[0].scores.unrealistic.value.toFixed(3)}, flippers ignored ${chosen.experiments[0].scores.unrealistic.value.toFixed(3)}`);
    expect(chosen.experiments[0].scores.unrealistic.value).toBeLessThan(plain.experiments[0].scores.unrealistic.value - 0.1);
  });

  it('without the choice to drop, the extra column stops the run with its name', async () => {
    const req = tableRequest(['real', 'ctgan'], sets);
    await expect(scoreTable({ ...req, ...opts }, io)).rejects.toThrow(/has a column "Note" that the real set lacks/);
  });
});
