// "Open a report…" reads files the user picks: every part is checked against the report's shape,
// so a crafted or damaged report is refused with the reason instead of crashing a view.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportFormatError } from '../../src/core/report-parse.ts';
import { scoreTable } from '../../src/pipeline/table/score-table.ts';
import { nodeTableIo } from '../../src/ingest/table/node-read.ts';
import { fakeReport } from '../core/report-fixture.ts';

const VEGA = 'node_modules/vega-datasets/data';
const open = (r: unknown) => parseReport(JSON.stringify(r), '"crafted.json"');

describe('opening a report', () => {
  // Regression: `rows: [null]` or `nearDuplicateSets: [null]` passed, and the page fell into its error boundary.
  it('refuses a null row or a null near-duplicate set, naming where', () => {
    const r = fakeReport();
    expect(() => open({ ...r, experiments: [{ ...r.experiments[0], rows: [null] }] })).toThrow(/experiments\[0\]\.rows\[0\] is null, expected an object/);
    expect(() => open({ ...r, experiments: [{ ...r.experiments[0], nearDuplicateSets: [null] }] })).toThrow(ReportFormatError);
    expect(() => open({ ...r, experiments: [{ ...r.experiments[0], rows: [{ ...r.experiments[0].rows[0], side: 'fake' }] }] })).toThrow(/side is "fake"/);
    expect(() => open({ ...r, modality: 'audio' })).toThrow(/modality/);
    expect(() => open({ ...r, real: { ...r.real, classes: { a: 'x' } } })).toThrow(/real\.classes\["a"\] is "x", expected number/);
  });

  it('accepts what the engine writes: a hand-made report and a table run, through JSON', async () => {
    expect(open(fakeReport()).experiments).toHaveLength(2);
    const penguins = JSON.parse(await readFile(`${VEGA}/penguins.json`, 'utf8')) as Record<string, unknown>[];
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/synthscore-open-');
    await writeFile(`${dir}/real.json`, JSON.stringify(penguins.slice(0, 170)));
    await writeFile(`${dir}/synth.json`, JSON.stringify(penguins.slice(170)));
    const report = await scoreTable({ real: `${dir}/real.json`, synthetic: [{ name: 'half', path: `${dir}/synth.json` }], labelColumn: 'Species', bootstrap: 50, map: {} }, nodeTableIo);
    expect(open(report).modality).toBe('table');
  });
});
