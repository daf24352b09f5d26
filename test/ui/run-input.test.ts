// What Run sends to the worker: every set under its own key (two folders may share a name), and
// one request whose modality follows the real set.
import { expect, it } from 'vitest';
import type { ListedSet } from '../../src/ingest/types.ts';
import type { SetState } from '../../src/ui/hooks/useSets.ts';
import { DEFAULT_TABLE_CHOICES } from '../../src/ui/components/table/table-run.ts';
import { runInputOf } from '../../src/ui/run-input.ts';

let id = 0;
function set(name: string, modality: ListedSet['modality'], files: [string, string][]): SetState {
  const refs = files.map(([path, body]) => ({ path, file: new File([body], path.split('/').pop()!) }));
  const listed: ListedSet = { root: name, items: [], skipped: [], classes: null, countsByKind: {}, modality };
  return { id: ++id, name, collected: { name, files: refs, skipped: [] }, listed };
}

it('keys two sets of the same name apart and sends an image request for image folders', async () => {
  const real = set('digits', 'image', [['a.png', 'x']]);
  const synth = [set('digits', 'image', [['b.png', 'y']]), set('gan', 'image', [['c.png', 'z']])];
  const { files, request } = await runInputOf(real, synth, null, DEFAULT_TABLE_CHOICES);
  expect(Object.keys(files)).toEqual(['digits', 'digits (2)', 'gan']);
  expect(files['digits (2)'].files[0].path).toBe('b.png');
  expect(request).toMatchObject({ modality: 'image', real: 'digits', synthetic: [{ name: 'digits', path: 'digits (2)' }, { name: 'gan', path: 'gan' }] });
});

it('sends a text request for a record file of texts and a table request for tables', async () => {
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const texts = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} sentence number ${i}, long enough to read as free text.`);
  const text = await runInputOf(set('real', 'text', [['real.jsonl', jsonl(texts(20, 'real'))]]),
    [set('llm', 'text', [['llm.jsonl', jsonl(texts(20, 'llm'))]])], null, DEFAULT_TABLE_CHOICES);
  expect(text.request).toMatchObject({ modality: 'text', real: 'real', synthetic: [{ name: 'llm', path: 'llm' }] });

  const csv = 'a,b\n1,2\n3,4\n';
  const table = await runInputOf(set('real', 'table', [['real.csv', csv]]), [set('ctgan', 'table', [['ctgan.csv', csv]])], null, DEFAULT_TABLE_CHOICES);
  expect(table.request.modality).toBe('table');
});

it("follows the user's pick in a record file: a file of texts scored as a table when asked", async () => {
  const jsonl = Array.from({ length: 20 }, (_, i) => JSON.stringify({ text: `sentence number ${i}, long enough to read as free text.` })).join('\n');
  const real = set('real', 'table', [['real.jsonl', jsonl]]);
  const synth = [set('llm', 'table', [['llm.jsonl', jsonl]])];
  expect((await runInputOf(real, synth, null, DEFAULT_TABLE_CHOICES)).request.modality).toBe('text');
  expect((await runInputOf(real, synth, { text: null, label: null }, DEFAULT_TABLE_CHOICES)).request.modality).toBe('table');
  expect((await runInputOf(real, synth, { text: 'text', label: null }, DEFAULT_TABLE_CHOICES)).request).toMatchObject({ modality: 'text', textField: 'text' });
});
