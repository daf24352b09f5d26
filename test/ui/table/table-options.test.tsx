// The pre-run table options over a real inspection of penguins (vega-datasets): inferred types with
// a select per column, mismatched columns with the choice to drop them, type conflicts named, the
// detector and keep-formats choices, and overrides of columns the new sets lack pruned.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Papa from 'papaparse';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectTables } from '../../../src/pipeline/table/inspect.ts';
import { TableOptions } from '../../../src/ui/components/table/TableOptions.tsx';
import { DEFAULT_TABLE_CHOICES, inspectionMessage, inspectionNames, tableInspector, type TableChoices } from '../../../src/ui/components/table/table-run.ts';
import type { ListedSet } from '../../../src/ingest/types.ts';
import penguins from '../../../node_modules/vega-datasets/data/penguins.json';

afterEach(cleanup);

type Row = Record<string, string | number | null>;
const rows = penguins as Row[];
const csv = (data: Row[]) => new TextEncoder().encode(Papa.unparse(data));

function inspector(real: Row[], synth: Row[]) {
  const files: Record<string, Uint8Array> = { 'real.csv': csv(real), 'synth.csv': csv(synth) };
  return () => inspectTables({ real: 'real.csv', synthetic: [{ name: 'ctgan', path: 'synth.csv' }] }, { readFile: async (p) => files[p] });
}

let latest: TableChoices = DEFAULT_TABLE_CHOICES;
function Harness({ inspect, initial = DEFAULT_TABLE_CHOICES }: { inspect: ReturnType<typeof inspector>; initial?: TableChoices }) {
  const [v, setV] = useState(initial);
  latest = v;
  return <TableOptions inspect={inspect} value={v} onChange={setV} />;
}

describe('TableOptions', () => {
  it('lists each shared column with its inferred type and lets the user override it', async () => {
    render(<Harness inspect={inspector(rows.slice(0, 170), rows.slice(170))} />);
    const cols = await screen.findAllByTestId('column-type');
    expect(cols.map((c) => c.getAttribute('data-column'))).toEqual(Object.keys(rows[0]));
    const inferred = Object.fromEntries(cols.map((c) => [c.getAttribute('data-column'), c.getAttribute('data-inferred')]));
    expect(inferred).toMatchObject({ Species: 'category', 'Flipper Length (mm)': 'number', Sex: 'category' });
    expect(cols[2].textContent).toContain('every value is a number');
    expect(screen.queryByTestId('column-mismatch')).toBeNull();

    const select = screen.getByLabelText('type of Flipper Length (mm)') as HTMLSelectElement;
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'ignore' } });
    expect(latest.types).toEqual({ 'Flipper Length (mm)': 'ignore' });
    expect(screen.getByTestId('table-options').textContent).toContain('1 overridden');
    fireEvent.change(select, { target: { value: '' } });
    expect(latest.types).toEqual({});

    fireEvent.change(screen.getByTestId('detector'), { target: { value: 'logistic' } });
    fireEvent.click(screen.getByTestId('keep-formats'));
    expect(latest).toMatchObject({ detector: 'logistic', keepFormats: true, dropMismatchedColumns: false });
  });

  it('names the columns a synthetic set lacks or adds, and offers to drop them', async () => {
    const synth = rows.slice(170).map(({ Sex: _sex, ...r }) => ({ ...r, Note: 'generated' }));
    render(<Harness inspect={inspector(rows.slice(0, 170), synth)} />);
    const set = await screen.findByTestId('mismatch-set');
    expect(set.textContent).toMatch(/ctgan.*lacks “Sex”.*has “Note”, which the real set lacks/);
    expect(await screen.findAllByTestId('column-type')).toHaveLength(6);
    const drop = screen.getByTestId('drop-mismatched');
    expect(drop.closest('label')!.textContent).toContain('otherwise the run stops');
    fireEvent.click(drop);
    expect(latest.dropMismatchedColumns).toBe(true);
    expect(drop.closest('label')!.textContent).toContain('score the 6 shared columns');
  });

  it('names a column that is numeric in one set and text in the other', async () => {
    const synth = rows.slice(170).map((r, i) => ({ ...r, 'Body Mass (g)': i % 3 ? r['Body Mass (g)'] : 'heavy' }));
    render(<Harness inspect={inspector(rows.slice(0, 170), synth)} />);
    const cols = await screen.findAllByTestId('column-type');
    const mass = cols.find((c) => c.getAttribute('data-column') === 'Body Mass (g)')!;
    expect(within(mass).getByText(/is numeric in the real set .* but category \(text\) in the synthetic set "ctgan".*"heavy"/)).toBeTruthy();
    expect(cols.filter((c) => c.querySelector('.warn'))).toHaveLength(1);
  });

  it('drops overrides of columns the new sets do not share', async () => {
    render(<Harness inspect={inspector(rows.slice(0, 170), rows.slice(170))} initial={{ ...DEFAULT_TABLE_CHOICES, types: { Species: 'text', Gone: 'number' } }} />);
    await screen.findAllByTestId('column-type');
    expect(latest.types).toEqual({ Species: 'text' });
    expect((screen.getByLabelText('type of Species') as HTMLSelectElement).value).toBe('text');
  });

  it('says why the tables cannot be read', async () => {
    const files: Record<string, Uint8Array> = { 'real.csv': csv(rows), 'synth.parquet': csv(rows) };
    const inspect = () => inspectTables({ real: 'real.csv', synthetic: [{ name: 'x', path: 'synth.parquet' }] }, { readFile: async (p) => files[p] });
    render(<Harness inspect={inspect} />);
    expect((await screen.findByTestId('table-options-error')).textContent).toMatch(/synth\.parquet is named as a Parquet file but is not one/);
  });
});

it('offers to read the tables again when a cancelled run stopped the reading', async () => {
  let calls = 0;
  const ok = inspector(rows.slice(0, 170), rows.slice(170));
  const inspect = () => (++calls === 1 ? Promise.reject(Object.assign(new Error('The run was cancelled.'), { name: 'AbortError' })) : ok());
  render(<Harness inspect={inspect} />);
  fireEvent.click(await screen.findByText('Read them again'));
  expect(await screen.findAllByTestId('column-type')).toHaveLength(7);
  expect(calls).toBe(2);
});

it('renaming a synthetic set after the drop shows its new name in the mismatch and conflict lists, without reading the tables again', async () => {
  // As the app inspects: tableInspector names the synthetic sets by their keys ("t1"…).
  const synth = rows.slice(170).map(({ Sex: _sex, ...r }, i) => ({ ...r, 'Body Mass (g)': i % 3 ? r['Body Mass (g)'] : 'heavy' }));
  const files: Record<string, Uint8Array> = { 't0/real.csv': csv(rows.slice(0, 170)), 't1/synth.csv': csv(synth) };
  const bridge = { inspectTables: (sets: unknown, req: Parameters<typeof inspectTables>[0]) => inspectTables(req, { readFile: async (p) => files[p] }) };
  const collected = (path: string) => ({ collected: { files: [] }, listed: { modality: 'table', items: [{ path }] } as unknown as ListedSet });
  const inspect = tableInspector(bridge, [collected('real.csv'), collected('synth.csv')]);
  let calls = 0;
  const counted = () => { calls++; return inspect(); };
  function Named({ name }: { name: string }) {
    const [v, setV] = useState(DEFAULT_TABLE_CHOICES);
    return <TableOptions inspect={counted} names={inspectionNames([{ name }])} value={v} onChange={setV} />;
  }
  const view = render(<Named name="synth.csv" />);
  expect((await screen.findByTestId('mismatch-set')).textContent).toMatch(/^synth\.csv \(synth\.csv\) lacks “Sex”/);
  for (const name of ['c', 'ct', 'ctgan v2']) view.rerender(<Named name={name} />); // keystrokes
  const set = screen.getByTestId('mismatch-set');
  expect(set.getAttribute('data-set')).toBe('ctgan v2');
  expect(set.textContent).toMatch(/^ctgan v2 \(synth\.csv\) lacks “Sex”/);
  const mass = screen.getAllByTestId('column-type').find((c) => c.getAttribute('data-column') === 'Body Mass (g)')!;
  expect(mass.textContent).toContain('(real.csv) but category (text) in the synthetic set "ctgan v2" (synth.csv)');
  expect(screen.getByTestId('table-options').textContent).not.toMatch(/"t1"|t[01]\//);
  expect(calls).toBe(1);
});

// Regression: errors before a table run showed the worker's keys ("t1/synth.csv", set "t1").
it('names files and sets in inspection errors as the user dropped them, without internal keys', () => {
  expect(inspectionMessage('t1/synth.parquet is not a readable Parquet file: its data is damaged.', { t1: 'ctgan' }))
    .toBe('synth.parquet is not a readable Parquet file: its data is damaged.');
  expect(inspectionMessage('The set "t1" holds no table file (.csv, …).', { t1: 'ctgan' })).toBe('The set "ctgan" holds no table file (.csv, …).');
  expect(inspectionMessage('No file was given for "t0/real.csv".', {})).toBe('No file was given for "real.csv".');
});
