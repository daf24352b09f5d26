// `--modality auto` on CSV/TSV decides by content: every vega-datasets table (short numeric and
// categorical cells, names, dates, addresses) is a table; a CSV of one-liner jokes with their tags
// is text, whatever its text column is called, and the run reads that column.
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectModality } from '../../src/cli/modality.ts';
import { parseTextRecords } from '../../src/ingest/text-parse.ts';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './run-cli.ts';

const VEGA = 'node_modules/vega-datasets/data';
let dir = '';
let jokes: { body: string; tags: string[] }[] = [];
const jokesCsv = (rows: { body: string; tags: string[] }[], textName: string) =>
  Papa.unparse(rows.map((j) => ({ id: rows.indexOf(j) + 1, [textName]: j.body, tags: j.tags.join(';') })));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-modality-'));
  jokes = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
});

describe('--modality auto on CSV/TSV', () => {
  it('calls every vega-datasets CSV/TSV a table', async () => {
    const files = readdirSync(VEGA).filter((f) => /\.(csv|tsv)$/.test(f));
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) expect(`${f}: ${await detectModality(join(VEGA, f), { quiet: true })}`).toBe(`${f}: table`);
  });

  it('calls a CSV of jokes text, and the same jokes cut to two words a table', async () => {
    const path = join(dir, 'jokes.csv');
    await writeFile(path, jokesCsv(jokes.slice(0, 300), 'joke'));
    expect(await detectModality(path, { quiet: true })).toBe('text');
    // A column named with --text-column is scored as text, even one of short cells.
    expect(await detectModality(path, { quiet: true, textColumn: 'tags' })).toBe('text');
    await expect(detectModality(path, { quiet: true, textColumn: 'body' })).rejects.toThrow(/has no column "body"; its columns are: id, joke, tags/);
    // The same jokes cut to their first two words are no longer free text.
    const stubs = join(dir, 'stubs.csv');
    await writeFile(stubs, jokesCsv(jokes.slice(0, 300).map((j) => ({ ...j, body: j.body.split(' ').slice(0, 2).join(' ') })), 'joke'));
    expect(await detectModality(stubs, { quiet: true })).toBe('table');
  });

  it('calls every vega-datasets JSON a table, and JSON Lines of jokes under any field name text', async () => {
    const files = readdirSync(VEGA).filter((f) => /\.json$/.test(f));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) expect(`${f}: ${await detectModality(join(VEGA, f), { quiet: true })}`).toBe(`${f}: table`);
    const path = join(dir, 'jokes.jsonl');
    await writeFile(path, jokes.slice(0, 200).map((j) => JSON.stringify({ body: j.body, tags: j.tags })).join('\n'));
    expect(await detectModality(path, { quiet: true })).toBe('text');
    // The reader takes the same field, and says so.
    const read = parseTextRecords(await readFile(path, 'utf8'), 'jokes.jsonl', 'jsonl');
    expect(read.records.length).toBe(200);
    expect(read.records[0].text).toBe(jokes[0].body);
    expect(read.warnings.join('\n')).toMatch(/no field is named "text"; using field "body"/);
  }, 120_000);

  it('scores a jokes CSV as text from the column it found, and says why', async () => {
    const real = join(dir, 'real.csv'), synth = join(dir, 'synth.csv');
    await writeFile(real, jokesCsv(jokes.slice(0, 80), 'joke'));
    await writeFile(synth, jokesCsv(jokes.slice(80, 160), 'joke'));
    const r = await runCli(['score', '--real', real, '--synthetic', `gen=${synth}`, '--json', '-', '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/modality: text \(.*real\.csv: the longest column "joke" holds free text: \d+% of its cells have 4\+ words/);
    const report: Report = JSON.parse(r.stdout);
    expect(report.modality).toBe('text');
    expect(report.experiments[0].text!.texts[0]).toBe(jokes[0].body);
    expect(report.warnings?.some((w) => /using column "joke"/.test(w))).toBe(true);
  }, 180_000);
});
