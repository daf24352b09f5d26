// The browser lister and the Node walker must agree on the same folder: items, classes, modality
// and every skip reason (hidden entries, empty files, other kinds).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { comparePaths, listFileRefs } from '../../src/ingest/browser-list.ts';
import { listSet } from '../../src/ingest/node-walk.ts';
import { fileRefsOf, tempTree } from './files.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
let dir: string;

beforeAll(async () => {
  const tree = await tempTree('synthscore-blist-');
  dir = tree.dir;
  const put = tree.put;
  for (const c of ['cat', 'dog', 'a.b']) for (let i = 0; i < 3; i++) await put(`${c}/${i}.png`, PNG);
  await put('cat/notes.txt', 'hello');
  await put('cat/empty.png', '');
  await put('dog/.DS_Store', 'x');
  await put('.hidden/1.png', PNG);
  await put('dog/sub/deep.png', PNG);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

it('lists like the Node walker', async () => {
  const node = await listSet(dir, 'synthetic');
  const web = await listFileRefs(dir, await fileRefsOf(dir), 'synthetic');
  expect(web.items).toEqual(node.items);
  expect(web.skipped).toEqual(node.skipped);
  expect(web.classes).toEqual(node.classes);
  expect(web.modality).toBe(node.modality);
  expect(web.countsByKind).toEqual(node.countsByKind);
});

it('orders paths depth-first by name', () => {
  const paths = ['b/x', 'a.b/y', 'a/z', 'a', 'a/b/c'];
  expect([...paths].sort(comparePaths)).toEqual(['a', 'a/b/c', 'a/z', 'a.b/y', 'b/x']);
});
