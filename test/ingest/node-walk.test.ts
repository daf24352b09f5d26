import { spawnSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSet } from '../../src/ingest/node-walk.ts';
import { buildFixture, digit, encode, type Fixture } from './fixtures.ts';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let fx: Fixture;

beforeAll(async () => { fx = await buildFixture(); });
afterAll(async () => { await rm(fx.dir, { recursive: true, force: true }); });

const reasonOf = (set: { skipped: { path: string; reason: string }[] }, p: string) =>
  set.skipped.find((s) => s.path === p)?.reason;

describe('listSet', () => {
  it('lists images with classes from the first sub-folder, sorted', async () => {
    const set = await listSet(fx.classes, 'real');
    const paths = set.items.map((i) => i.path);
    expect(paths).toEqual(['0/a.png', '0/b.jpg', '0/broken.jpg', '1/c.webp', '1/d.gif', '1/e.bmp', '2/two.png']);
    expect(set.modality).toBe('image');
    expect(set.items.map((i) => i.format)).toEqual(['png', 'jpeg', 'jpeg', 'webp', 'gif', 'bmp', 'png']);
    expect(set.items[0]).toMatchObject({ className: '0', kind: 'image' });
    expect(set.items[0].size).toBeGreaterThan(0);
    expect(set.classes).toEqual({ 0: 3, 1: 3, 2: 1 });
    expect(set.root).toBe(path.resolve(fx.classes));
  });

  it('names every skipped file and the reason; nothing is dropped silently', async () => {
    const set = await listSet(fx.classes, 'synthetic');
    expect(set.skipped.every((s) => s.side === 'synthetic')).toBe(true);
    expect(reasonOf(set, '.DS_Store')).toBe('hidden file');
    expect(reasonOf(set, '.cache')).toBe('hidden folder, not scanned');
    expect(reasonOf(set, '1/empty.png')).toBe('empty file (0 bytes)');
    expect(reasonOf(set, '1/notes.txt')).toBe('not an image (looks like text)');
    expect(reasonOf(set, '1/mislabelled.png')).toBe('not an image (looks like text)');
    // The truncated JPEG has a valid header: listing keeps it, decoding rejects it (see node-decode tests).
    expect(set.items.some((i) => i.path === '0/broken.jpg')).toBe(true);
    expect(set.countsByKind).toEqual({ image: 7, text: 2 });
  });

  // chmod does not stop root, so as root the same check runs in a child process as user nobody.
  it('lists an unreadable folder and an unreadable file as skipped with the OS reason', async () => {
    const perm = path.join(fx.dir, 'perm');
    await mkdir(path.join(perm, 'sealed'), { recursive: true });
    await writeFile(path.join(perm, 'ok.png'), await encode.png(digit(0)));
    await writeFile(path.join(perm, 'secret.png'), await encode.png(digit(1)));
    await writeFile(path.join(perm, 'sealed', 'inside.png'), await encode.png(digit(2)));
    await chmod(path.join(perm, 'secret.png'), 0o000);
    await chmod(path.join(perm, 'sealed'), 0o000);
    let skipped: { path: string; reason: string }[];
    if (!isRoot) {
      skipped = (await listSet(perm, 'real')).skipped;
    } else {
      await chmod(fx.dir, 0o755);
      const script = `import { listSet } from ${JSON.stringify(path.resolve('src/ingest/node-walk.ts'))};
        const set = await listSet(process.argv[1], 'real'); console.log(JSON.stringify(set.skipped));`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, perm], {
        uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, HOME: '/tmp' },
      });
      if (r.status !== 0 && /EACCES|EPERM/.test(r.stderr) && !r.stdout) return; // nobody cannot run node here
      expect(r.status, r.stderr).toBe(0);
      skipped = JSON.parse(r.stdout.trim().split('\n').pop()!);
    }
    await chmod(path.join(perm, 'sealed'), 0o755);
    expect(skipped).toEqual([
      { path: 'sealed', side: 'real', reason: 'cannot read folder: permission denied (EACCES)' },
      { path: 'secret.png', side: 'real', reason: 'cannot read file: permission denied (EACCES)' },
    ]);
  });

  it('has no classes when root-level files are mixed with sub-folders', async () => {
    const set = await listSet(fx.flat, 'real');
    expect(set.items.map((i) => [i.path, i.className])).toEqual([['sub/inner.png', null], ['top.png', null]]);
    expect(set.classes).toBeNull();
  });

  it('picks the majority kind as modality and skips the rest by name', async () => {
    const set = await listSet(fx.tables, 'real');
    expect(set.modality).toBe('table');
    expect(set.items.map((i) => i.path)).toEqual(['a.csv', 'b.csv']);
    expect(reasonOf(set, 'c.png')).toBe('not a table (looks like PNG image)');
    expect(set.classes).toBeNull();
  });

  it('throws InputError for a missing root or a file given as root', async () => {
    const missing = path.join(fx.dir, 'nope');
    await expect(listSet(missing, 'real')).rejects.toMatchObject({
      name: 'InputError', message: `The real folder does not exist: ${missing}`,
    });
    await expect(listSet(fx.text, 'synthetic')).rejects.toMatchObject({
      name: 'InputError', message: `The synthetic path is not a folder: ${fx.text}`,
    });
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(listSet(fx.classes, 'real', { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
