// One modality decision for the CLI and the app (ingest/modality.ts): the same files, described
// by each platform's adapter, get the same modality and the same reason.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideModality, type ModalitySource } from '../../src/ingest/modality.ts';
import { browserModalitySource } from '../../src/ingest/browser-modality.ts';
import { nodeModalitySource } from '../../src/cli/modality.ts';

const VEGA = 'node_modules/vega-datasets/data';

/** The app's view of a dropped file: a set of one File. */
async function appSource(path: string): Promise<ModalitySource> {
  const file = new File([await readFile(path)], basename(path));
  return browserModalitySource(basename(path), [{ path: basename(path), file }], null);
}

async function both(path: string) {
  const cli = await decideModality(await nodeModalitySource(path));
  const app = await decideModality(await appSource(path));
  return { cli, app };
}

describe('the modality of a file, from the CLI and from the app', () => {
  it('agree on vega-datasets tables', async () => {
    for (const name of ['penguins.json', 'cars.json', 'movies.json', 'seattle-weather.csv', 'unemployment.tsv', 'flights-2k.json']) {
      const { cli, app } = await both(join(VEGA, name));
      expect(cli.modality, name).toBe('table');
      expect(app.modality, name).toBe(cli.modality);
      expect(app.reason).toBe(cli.reason);
    }
  });

  it('agree on jokes as JSON Lines, as a CSV column and as a JSON array', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthscore-modality-'));
    const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    await writeFile(join(dir, 'jokes.jsonl'), jokes.slice(0, 300).map((j) => JSON.stringify({ body: j.body })).join('\n'));
    await writeFile(join(dir, 'jokes.csv'), 'id,joke\n' + jokes.slice(0, 300).map((j, i) => `${i},${csvCell(j.body)}`).join('\n'));
    await writeFile(join(dir, 'jokes.json'), JSON.stringify(jokes.slice(0, 300).map((j) => ({ text: j.body }))));
    for (const name of ['jokes.jsonl', 'jokes.csv', 'jokes.json']) {
      const { cli, app } = await both(join(dir, name));
      expect(cli.modality, name).toBe('text');
      expect(app).toEqual(cli);
    }
  });

  // Regression: the CLI read up to 64 MB of a .json to decide, the app 8 MB: a 10.7 MB JSON array
  // of {text} records was text in the CLI and a table in the app. Both now read the same head.
  it('agree on a JSON array of texts larger than either old limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthscore-modality-big-'));
    const quote = 'The only way to do great work is to love what you do, and to keep looking until you find it. ';
    const records = Array.from({ length: 110_000 }, (_, i) => ({ id: i, text: `${i}: ${quote}` }));
    const path = join(dir, 'big.json');
    await writeFile(path, JSON.stringify(records));
    expect((await readFile(path)).length).toBeGreaterThan(10e6);
    const { cli, app } = await both(path);
    expect(cli.modality).toBe('text');
    expect(app.modality).toBe('text');
    expect(app.reason).toBe(cli.reason);
  });
});
