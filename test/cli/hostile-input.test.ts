// The CLI against hostile or unlucky input (issue 16): a cache that cannot be opened, names that
// carry terminal escapes, report targets that cannot be written, sets that overlap. Each test is
// named after what broke.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { runCli } from './run-cli.ts';

let dir: string;
let real: string;
let fresh: string;
const fast = ['--bootstrap', '20', '--quiet'];
const TABLE_HEAD = /^experiment\s+unrepresentative/m;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-hostile-'));
  await buildDemoSets(join(dir, 'sets'), { perClass: 2, sets: ['fresh'] }); // 20 images per side
  real = join(dir, 'sets', 'real');
  fresh = join(dir, 'sets', 'fresh');
  await writeFile(join(dir, 'a-file'), 'not a folder');
}, 120_000);

describe('an unopenable vector cache', () => {
  it('a --cache-dir that names a file warns once and scores without the cache (it used to fail or hang)', async () => {
    const r = await runCli(['score', '--real', real, '--synthetic', fresh, '--cache-dir', join(dir, 'a-file'), ...fast]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/warning: the vector cache at .*a-file cannot be used \(.+\); running without it/g)).toHaveLength(1);
    expect(r.stdout).toMatch(TABLE_HEAD);
    expect(r.stdout).toContain('Embedded 40 item(s), 0 from cache.');
  });

  it('a text run whose default cache folder cannot be created warns and scores', async () => {
    const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
    const jsonl = (texts: { body: string }[]) => texts.map((j) => JSON.stringify({ text: j.body })).join('\n') + '\n';
    await writeFile(join(dir, 'real.jsonl'), jsonl(jokes.slice(0, 30)));
    await writeFile(join(dir, 'gen.jsonl'), jsonl(jokes.slice(30, 60)));
    // $XDG_CACHE_HOME under a file: the cache folder cannot be made, as with an unwritable HOME.
    const r = await runCli(['score', '--real', join(dir, 'real.jsonl'), '--synthetic', join(dir, 'gen.jsonl'), ...fast], {
      XDG_CACHE_HOME: join(dir, 'a-file', 'cache'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: the vector cache at .* cannot be used .*; running without it/);
    expect(r.stdout).toMatch(TABLE_HEAD);
  }, 180_000);
});

describe('terminal escapes in names', () => {
  it('a file name and an experiment name with ESC, BEL and CR are printed escaped, still recognisable', async () => {
    const synth = join(dir, 'escapes');
    await cp(fresh, synth, { recursive: true });
    await writeFile(join(synth, '0', 'a\x1b]0;pwned\x07\rforged.png'), 'not an image');
    const r = await runCli(['score', '--real', real, '--synthetic', `x\x1b[2Jy=${synth}`, '--no-cache', '--bootstrap', '20']);
    expect(r.code, r.stderr).toBe(0);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/); // eslint-disable-line no-control-regex
    expect(r.stderr).toContain('skipped synthetic 0/a\\x1b]0;pwned\\x07\\rforged.png:');
    expect(r.stdout).toMatch(/^x\\x1b\[2Jy\s/m);
  });
});

describe('report targets', () => {
  it('a --json, --csv or --html target that cannot be written fails before the run, naming it (it used to fail after)', async () => {
    const cases = [
      ['--json', join(dir, 'no-such-folder', 'r.json'), /does not exist/],
      ['--csv', join(dir, 'a-file', 'r.csv'), /is not a folder/],
      ['--html', dir, /it is a folder/],
    ] as const;
    for (const [flag, target, why] of cases) {
      const r = await runCli(['score', '--real', real, '--synthetic', fresh, '--no-cache', '--bootstrap', '20', flag, target]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${flag} ${target} cannot be written`);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).not.toMatch(/embed real/); // nothing was embedded
    }
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a report that cannot be written at the end still prints the table, then fails naming the file',
    async () => {
      const json = join(dir, 'written.json');
      const r = await runCli(['score', '--real', real, '--synthetic', fresh, '--no-cache', '--csv', '/dev/full', '--json', json, ...fast]);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(TABLE_HEAD);
      expect(r.stderr).toContain('--csv /dev/full could not be written: the disk is full.');
      expect(JSON.parse(await readFile(json, 'utf8')).experiments).toHaveLength(1); // the other report is written
    },
  );

  it('--json - and --csv - together are a usage error', async () => {
    const r = await runCli(['score', '--real', real, '--synthetic', fresh, '--json', '-', '--csv', '-']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Only one of --json and --csv can write to stdout/);
  });
});

describe('paths', () => {
  it('a synthetic folder with "=" in its path (data/year=2024) is read as a path, not NAME=PATH', async () => {
    const year = join(dir, 'data', 'year=2024');
    await mkdir(join(dir, 'data'));
    await cp(fresh, year, { recursive: true });
    const r = await runCli(['score', '--real', real, '--synthetic', year, '--no-cache', ...fast]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^year=2024\s/m);
  });

  it('warns when a synthetic set is the real folder itself, and still scores', async () => {
    const r = await runCli([
      'score',
      '--real',
      real,
      '--synthetic',
      `same=${real}/`,
      '--synthetic',
      `fresh=${fresh}`,
      '--no-cache',
      ...fast,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: the synthetic set "same" .* is the real set itself/);
    expect(r.stderr).not.toMatch(/"fresh"/);
    expect(r.stdout).toMatch(TABLE_HEAD);
  });
});
