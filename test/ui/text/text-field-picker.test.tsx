// The text/label field picker: a CSV of jokes with their tags offers every column with its first
// value, picks the joke column (free text), and what the user picks becomes the request's
// --text-column / --label-column; a JSONL names fields instead; a table-like CSV offers no picker.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectedSet } from '../../../src/ingest/browser-walk.ts';
import { TextFieldPicker } from '../../../src/ui/components/text/TextFieldPicker.tsx';
import { inspectRecordSet, textRequestOf, type TextChoice } from '../../../src/ui/components/text/text-run.ts';
import { useTextChoice } from '../../../src/ui/components/text/useTextChoice.tsx';

afterEach(cleanup);

const jokes = (JSON.parse(readFileSync('node_modules/one-liner-joke/jokes.json', 'utf8')) as { body: string; tags: string[] }[]).slice(0, 200);
const set = (name: string, text: string): CollectedSet => ({ name, files: [{ path: name, file: new Blob([text]) }], skipped: [] });
const csv = set('jokes.csv', Papa.unparse(jokes.map((j, i) => ({ id: i + 1, joke: j.body, tags: j.tags[0] ?? '' }))));

function Harness({ onPick }: { onPick(c: TextChoice): void }) {
  const [fields, setFields] = useState<Awaited<ReturnType<typeof inspectRecordSet>>>(null);
  const [choice, setChoice] = useState<TextChoice>({ text: null, label: null });
  if (!fields) { void inspectRecordSet(csv).then((f) => { setFields(f); setChoice({ text: f!.suggested, label: null }); }); return null; }
  return <TextFieldPicker fields={fields} value={choice} onChange={(c) => { setChoice(c); onPick(c); }} />;
}

describe('TextFieldPicker', () => {
  it('lists the columns with a sample, picks the free-text one, and lets the user choose text and label', async () => {
    const picks: TextChoice[] = [];
    render(<Harness onPick={(c) => picks.push(c)} />);
    const picker = await screen.findByTestId('text-field-picker');
    expect(picker.getAttribute('data-text')).toBe('joke');
    const rows = within(picker).getAllByTestId('field-row');
    expect(rows.map((r) => r.getAttribute('data-field'))).toEqual(['id', 'joke', 'tags']);
    expect(rows[1].textContent).toContain(jokes[0].body.slice(0, 60));
    expect(within(picker).getByText(/joke \(free text\)/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('label-field'), { target: { value: 'tags' } });
    expect(picks.at(-1)).toEqual({ text: 'joke', label: 'tags' });
    // The label list leaves out the text column; picking the label as text clears the label.
    expect([...(screen.getByTestId('label-field') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'id', 'tags']);
    fireEvent.change(screen.getByTestId('text-field'), { target: { value: 'tags' } });
    expect(picks.at(-1)).toEqual({ text: 'tags', label: null });
  });

  it('turns the pick into the request options the CLI takes', async () => {
    const req = await textRequestOf(['jokes.csv', 'gen.csv'], { collected: csv, listed: null }, [{ name: 'gen' }], { text: 'joke', label: 'tags' });
    expect(req).toMatchObject({ textColumn: 'joke', labelColumn: 'tags', map: {} });
    expect(req!.textField).toBeUndefined();
    const jsonl = set('jokes.jsonl', jokes.map((j) => JSON.stringify({ body: j.body, tag: j.tags[0] })).join('\n'));
    expect((await inspectRecordSet(jsonl))!.suggested).toBe('body');
    expect(await textRequestOf(['a', 'b'], { collected: jsonl, listed: null }, [{ name: 'b' }], { text: 'body', label: 'tag' })).toMatchObject({ textField: 'body', labelColumn: 'tag' });
    // "Score as a table" on the jokes CSV: no text request.
    expect(await textRequestOf(['a', 'b'], { collected: csv, listed: null }, [{ name: 'b' }], { text: null, label: null })).toBeNull();
  });

  it('offers no text field for a table of short cells (vega-datasets seattle-weather.csv)', async () => {
    const weather = set('seattle-weather.csv', readFileSync('node_modules/vega-datasets/data/seattle-weather.csv', 'utf8'));
    const fields = (await inspectRecordSet(weather))!;
    expect(fields.suggested).toBeNull();
    expect(fields.verdict.reason).toMatch(/not free text/);
    expect(await textRequestOf(['a', 'b'], { collected: weather, listed: null }, [{ name: 'b' }])).toBeNull();
  });
});

describe('useTextChoice on a file judged a table', () => {
  const table = (name: string) => set(name, Papa.unparse(jokes.map((j, i) => ({ id: i + 1, opening: j.body.split(/\s+/).slice(0, 3).join(' '), tag: j.tags[0] ?? 'none' }))));
  const real = table('real.csv');
  function Probe({ synthetic, onChoice }: { synthetic: CollectedSet[]; onChoice(c: TextChoice | null): void }) {
    const { choice, picker } = useTextChoice(real, synthetic);
    onChoice(choice);
    return <>{picker}</>;
  }

  it('offers "score as text" with its string columns when every set is one record file; the table stays the default', async () => {
    let choice: TextChoice | null = null;
    render(<Probe synthetic={[table('gen.csv')]} onChoice={(c) => (choice = c)} />);
    const picker = await screen.findByTestId('text-field-picker');
    expect(picker.getAttribute('data-text')).toBe('');
    const select = screen.getByTestId('text-field') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'opening', 'tag']);
    expect(await textRequestOf(['r', 's'], { collected: real, listed: null }, [{ name: 'gen' }], choice)).toBeNull();
    fireEvent.change(select, { target: { value: 'opening' } });
    expect(choice).toEqual({ text: 'opening', label: null });
    expect(await textRequestOf(['r', 's'], { collected: real, listed: null }, [{ name: 'gen' }], choice)).toMatchObject({ textColumn: 'opening' });
  });

  it('offers nothing when a synthetic set is a folder', async () => {
    const folder: CollectedSet = { name: 'imgs', files: [{ path: 'imgs/a.png', file: new Blob(['x']) }, { path: 'imgs/b.png', file: new Blob(['y']) }], skipped: [] };
    let choice: TextChoice | null = null;
    render(<Probe synthetic={[folder]} onChoice={(c) => (choice = c)} />);
    await waitFor(() => expect(choice).toEqual({ text: null, label: null }));
    expect(screen.queryByTestId('text-field-picker')).toBeNull();
  });
});
