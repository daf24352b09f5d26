// Issue 12's headline cases end to end through the CLI: thresholds calibrated on the run's own
// real set keep genuine, distinct data out of unvaried/unoriginal, and still catch light copies.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../src/contracts/embedders.ts';
import { createRng } from '../../src/core/random.ts';
import { editText, TEXT_EDIT_KINDS } from '../../src/core/text/text-edits.ts';
import type { Report } from '../../src/report/schema.ts';
import { imageToPng, mnistImages, textCorpora } from '../../scripts/measure/datasets.ts';
import { runCli } from './run-cli.ts';

const PER_SIDE = 200;
let dir: string;

async function score(real: string, sets: Record<string, string>): Promise<Report> {
  const out = join(dir, `${Object.keys(sets).join('-')}.json`);
  const r = await runCli(['score', '--real', real, ...Object.entries(sets).flatMap(([k, v]) => ['--synthetic', `${k}=${v}`]), '--json', out, '--no-cache', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(await readFile(out, 'utf8')) as Report;
}
const scoresOf = (r: Report, name: string) => r.experiments.find((e) => e.name === name)!.scores;

/** The copies: each a real digit shifted by at most 1 px, with ±3 grey levels of noise. */
function shiftedNoisy(img: DecodedImage, rng: ReturnType<typeof createRng>): DecodedImage {
  const { width: w, height: h, data } = img;
  const dx = rng.int(3) - 1, dy = rng.int(3) - 1;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(w - 1, Math.max(0, x - dx)), sy = Math.min(h - 1, Math.max(0, y - dy));
      const v = Math.min(255, Math.max(0, data[(sy * w + sx) * 4] + rng.int(7) - 3));
      out.set([v, v, v, 255], (y * w + x) * 4);
    }
  return { data: out, width: w, height: h };
}

describe('near-duplicates on the user\'s own data (CLI)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synthscore-nd-'));
  });

  it('digits: another half of real digits is neither unvaried nor unoriginal; shifted noisy copies are caught', async () => {
    const digits = mnistImages(2 * PER_SIDE, createRng(1)), rng = createRng(2);
    const sets = { real: digits.slice(0, PER_SIDE), fresh: digits.slice(PER_SIDE) } as Record<string, DecodedImage[]>;
    sets.copies = sets.real.map((img) => shiftedNoisy(img, rng));
    for (const [name, imgs] of Object.entries(sets)) {
      await mkdir(join(dir, 'digits', name), { recursive: true });
      for (const [i, img] of imgs.entries()) await writeFile(join(dir, 'digits', name, `${i}.png`), await imageToPng(img));
    }
    const r = await score(join(dir, 'digits', 'real'), { fresh: join(dir, 'digits', 'fresh'), copies: join(dir, 'digits', 'copies') });
    expect(scoresOf(r, 'fresh').unvaried.value).toBeLessThanOrEqual(0.05);
    expect(scoresOf(r, 'fresh').unoriginal.value).toBeLessThanOrEqual(0.05);
    expect(scoresOf(r, 'copies').unoriginal.value).toBeGreaterThanOrEqual(0.9);
    const t = r.experiments[0].threshold;
    expect(t.source).toBe('calibrated');
    expect(t.signals?.find((s) => s.signal === 'copy')?.calibration?.falsePairRate).toBeLessThanOrEqual(0.01);
  }, 600_000);

  it('jokes: another half of real jokes is neither unvaried nor unoriginal; edited copies are caught', async () => {
    const jokes = textCorpora(2 * PER_SIDE)[0].texts, rng = createRng(3);
    const real = jokes.slice(0, PER_SIDE), fresh = jokes.slice(PER_SIDE, 2 * PER_SIDE);
    const copies = real.map((t, i) => editText(t, TEXT_EDIT_KINDS[i % TEXT_EDIT_KINDS.length], rng));
    const jsonl = (xs: string[]) => xs.map((text) => JSON.stringify({ text })).join('\n') + '\n';
    for (const [name, xs] of Object.entries({ real, fresh, copies })) await writeFile(join(dir, `${name}.jsonl`), jsonl(xs));
    const r = await score(join(dir, 'real.jsonl'), { fresh: join(dir, 'fresh.jsonl'), copies: join(dir, 'copies.jsonl') });
    expect(scoresOf(r, 'fresh').unvaried.value).toBeLessThanOrEqual(0.05);
    expect(scoresOf(r, 'fresh').unoriginal.value).toBeLessThanOrEqual(0.05);
    expect(scoresOf(r, 'copies').unoriginal.value).toBeGreaterThanOrEqual(0.9);
    // Every copy pair says which signal joined it and carries both values.
    const pairs = r.experiments.find((e) => e.name === 'copies')!.pairs!;
    expect(pairs.some((p) => p.reason === 'copy' || p.reason === 'embedding+copy')).toBe(true);
    expect(pairs.every((p) => p.distance !== null && p.copyDistance !== null)).toBe(true);
  }, 600_000);
});
