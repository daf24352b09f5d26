// The optional real holdout (issue 14): dropped in its own zone, it goes to the run as its own set
// (with the page's listing, as every set does) and as `request.holdout`: the set's key for image and
// text runs, its table file's path for table runs, and the zone words its hint for tables.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import sharp from 'sharp';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { ListedSet } from '../../src/ingest/types.ts';
import { InputsSection } from '../../src/ui/components/InputsSection.tsx';
import { DEFAULT_TABLE_CHOICES } from '../../src/ui/components/table/table-run.ts';
import { useSets, type Sets, type SetState } from '../../src/ui/hooks/useSets.ts';
import { runInputOf } from '../../src/ui/run-input.ts';

afterEach(cleanup);

let png: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  png = Uint8Array.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#7a7' } }).png().toBuffer());
});

/** Files of one folder, as the folder picker gives them. */
function folder(name: string, count: number): File[] {
  return Array.from({ length: count }, (_, i) => {
    const f = new File([png], `${i}.png`, { type: 'image/png' });
    Object.defineProperty(f, 'webkitRelativePath', { value: `${name}/${i}.png` });
    return f;
  });
}

let sets: Sets;
function Page() {
  sets = useSets();
  return <InputsSection sets={sets} textPicker={null} tableRun={sets.allTables} />;
}

it('adds the dropped holdout to the run input: its own set and request.holdout', async () => {
  render(<Page />);
  fireEvent.change(screen.getByTestId('real-folder'), { target: { files: folder('digits', 3) } });
  fireEvent.change(screen.getByTestId('synthetic-folder'), { target: { files: folder('gan', 2) } });
  fireEvent.change(screen.getByTestId('holdout-folder'), { target: { files: folder('kept-back', 4) } });
  await waitFor(() => expect(sets.ready).toBe(true));
  expect(screen.getByTestId('summary-holdout').getAttribute('data-items')).toBe('4');

  const { files, request } = await runInputOf(sets.real!, sets.synthetic, null, DEFAULT_TABLE_CHOICES, sets.holdout);
  expect(Object.keys(files)).toEqual(['digits', 'gan', 'kept-back (holdout)']);
  expect(request).toMatchObject({ modality: 'image', real: 'digits', synthetic: [{ name: 'gan', path: 'gan' }], holdout: 'kept-back (holdout)' });
  expect(files['kept-back (holdout)'].files.map((f) => f.path)).toEqual(['0.png', '1.png', '2.png', '3.png']);
  // Each set's listing goes along, so the run does not sniff every file's head again.
  expect(files['kept-back (holdout)'].listed?.items).toHaveLength(4);
  expect(files.digits.listed?.items).toHaveLength(3);

  // Removed: the run goes without it.
  fireEvent.click(screen.getByTestId('holdout-remove'));
  await waitFor(() => expect(sets.holdout).toBeNull());
  const without = await runInputOf(sets.real!, sets.synthetic, null, DEFAULT_TABLE_CHOICES, sets.holdout);
  expect(Object.keys(without.files)).toEqual(['digits', 'gan']);
  expect('holdout' in without.request).toBe(false);
});

let id = 0;
function set(name: string, modality: ListedSet['modality'], files: [string, string][]): SetState {
  const refs = files.map(([path, body]) => ({ path, file: new File([body], path.split('/').pop()!) }));
  // A table set lists its table file (the run reads it); the other sets' items are not read here.
  const items: ListedSet['items'] = modality === 'table' ? files.map(([path, body]) => ({ path, className: null, size: body.length, kind: 'table', format: 'csv' })) : [];
  const listed: ListedSet = { root: name, items, skipped: [], classes: null, countsByKind: {}, modality };
  return { id: ++id, name, collected: { name, files: refs, skipped: [] }, listed };
}

it('sends the holdout with text runs, and with table runs as its table file', async () => {
  const jsonl = (tag: string) => Array.from({ length: 20 }, (_, i) => JSON.stringify({ text: `${tag} sentence number ${i}, long enough to read as free text.` })).join('\n') + '\n';
  const text = await runInputOf(set('real', 'text', [['real.jsonl', jsonl('real')]]), [set('llm', 'text', [['llm.jsonl', jsonl('llm')]])],
    null, DEFAULT_TABLE_CHOICES, set('real', 'text', [['held.jsonl', jsonl('held')]]));
  // A holdout named like the real set still gets a key of its own.
  expect(text.request).toMatchObject({ modality: 'text', real: 'real', holdout: 'real (holdout)' });
  expect(text.files['real (holdout)'].files[0].path).toBe('held.jsonl');

  const csv = 'a,b\n1,2\n3,4\n';
  const table = await runInputOf(set('real', 'table', [['real.csv', csv]]), [set('ctgan', 'table', [['ctgan.csv', csv]])],
    null, DEFAULT_TABLE_CHOICES, set('held', 'table', [['held.csv', csv]]));
  expect(table.request).toMatchObject({ modality: 'table', real: 'real/real.csv', holdout: 'held (holdout)/held.csv' });
  expect(Object.keys(table.files)).toEqual(['real', 'ctgan', 'held (holdout)']);
});

it('words the holdout hint for tables when the sets are tables', async () => {
  const csv = (name: string) => { const f = new File(['a,b\n1,2\n3,4\n5,6\n'], `${name}.csv`, { type: 'text/csv' }); return [f]; };
  render(<Page />);
  fireEvent.change(screen.getByTestId('real-files'), { target: { files: csv('real') } });
  fireEvent.change(screen.getByTestId('synthetic-files'), { target: { files: csv('ctgan') } });
  fireEvent.change(screen.getByTestId('holdout-files'), { target: { files: csv('held') } });
  await waitFor(() => expect(sets.allTables).toBe(true));
  expect(screen.getByTestId('holdout-hint').textContent).toMatch(/Real rows the generator never saw \(a table with the real set’s columns/);
});
