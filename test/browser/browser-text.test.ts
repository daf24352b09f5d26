// The app's text reader and the CLI's must read the same folder the same way: samples, classes,
// warnings and every skip reason (hidden entries, empty and binary files, other kinds of file).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readTextFiles } from '../../src/ingest/browser-text.ts';
import { readTextSet } from '../../src/ingest/node-text.ts';
import { fileRefsOf, tempTree } from './files.ts';

let dir: string;

beforeAll(async () => {
  const tree = await tempTree('synthscore-btext-');
  dir = tree.dir;
  const put = tree.put;
  await put('pos/a.txt', 'Great product.');
  await put('pos/b.md', '# Title\n\nLoved it.');
  await put('pos/.draft.txt', 'not read');
  await put('neg/c.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9])); // Latin-1: a warning
  await put('neg/empty.txt', '');
  await put('neg/bin.txt', Buffer.from([0x00, 0x01, 0x02, 0xff]));
  await put('neg/data.csv', 'text\nhello\n');
  await put('neg/pic.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await put('.cache/x.txt', 'not read');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

it('reads a folder of text files like the Node reader', async () => {
  const node = await readTextSet(dir, 'real');
  const web = await readTextFiles(dir, await fileRefsOf(dir), 'real');
  expect(web).toEqual(node);
  expect(node.samples.map((s) => [s.path, s.className])).toEqual([['neg/c.txt', 'neg'], ['pos/a.txt', 'pos'], ['pos/b.md', 'pos']]);
  expect(node.skipped.map((s) => [s.path, s.reason])).toEqual([
    ['.cache', 'hidden folder, not scanned'],
    ['neg/bin.txt', 'binary data, not text'],
    ['neg/data.csv', 'not a .txt or .md file (give a record file as the set on its own)'],
    ['neg/empty.txt', 'empty file (0 bytes)'],
    ['neg/pic.png', 'not a .txt or .md file'],
    ['pos/.draft.txt', 'hidden file'],
  ]);
  expect(node.warnings).toHaveLength(1);
});
