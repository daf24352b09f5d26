// Real and synthetic sets that are the same data: the same folder (by any path or link), or one
// folder inside the other, each get a warning; separate folders, sibling names included, none.
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { setOverlapWarnings } from '../../src/cli/set-overlap.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-overlap-'));
  for (const d of ['real/cats', 'real-2', 'gen']) await mkdir(join(dir, d), { recursive: true });
  await symlink(join(dir, 'real'), join(dir, 'link-to-real'));
});

const warn = (real: string, synthetic: string) => setOverlapWarnings(join(dir, real), [{ name: 's', path: join(dir, synthetic) }]);

it('the same folder, also through a link, is the real set itself', async () => {
  expect(await warn('real', 'real/')).toEqual([expect.stringMatching(/is the real set itself/)]);
  expect(await warn('real', 'link-to-real')).toEqual([expect.stringMatching(/is the real set itself/)]);
});

it('a synthetic folder inside the real one, and the real inside the synthetic, are named', async () => {
  expect(await warn('real', 'real/cats')).toEqual([expect.stringMatching(/synthetic set "s" .* is inside the real set/)]);
  expect(await warn('real/cats', 'real')).toEqual([expect.stringMatching(/the real set .* is inside the synthetic set "s"/)]);
});

it('separate folders, one name a prefix of the other, and missing paths give no warning', async () => {
  expect(await warn('real', 'gen')).toEqual([]);
  expect(await warn('real', 'real-2')).toEqual([]);
  expect(await warn('real', 'missing')).toEqual([]);
});
