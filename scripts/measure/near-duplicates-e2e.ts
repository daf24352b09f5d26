// Issue 12's acceptance table, end to end through the CLI (docs/near-duplicates.md): per data set,
// two disjoint halves of real data (one scored as synthetic: unvaried and unoriginal should be
// ≤ 0.05), and edited copies of the real half (each synthetic row a light edit of a distinct real
// row: unoriginal is the share caught, target ≥ 0.9).
//   npx tsx scripts/measure/near-duplicates-e2e.ts [--per-side 300] [--only images|text]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { editImage, IMAGE_EDIT_KINDS } from '../../src/core/image/pixel-edits.ts';
import { createRng } from '../../src/core/random.ts';
import { editText, TEXT_EDIT_KINDS } from '../../src/core/text/text-edits.ts';
import type { Report } from '../../src/report/schema.ts';
import { imageToPng, mnistImages, sceneImages, textCorpora } from './datasets.ts';
import type { DecodedImage } from '../../src/contracts/embedders.ts';

const { values } = parseArgs({ options: { 'per-side': { type: 'string' }, only: { type: 'string' } } });
const perSide = Number(values['per-side'] ?? 300);
const root = await mkdtemp(join(tmpdir(), 'synthscore-nd-'));

function score(real: string, fresh: string, copies: string): Report {
  const out = join(root, `r${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['bin/synthscore.mjs', 'score', '--real', real, '--synthetic', `fresh=${fresh}`, '--synthetic', `copies=${copies}`, '--json', out, '--no-cache', '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function row(name: string, report: Report): string {
  const fresh = report.experiments.find((e) => e.name === 'fresh')!, copies = report.experiments.find((e) => e.name === 'copies')!;
  const signals = (fresh.threshold.signals ?? []).map((s) => `${s.signal} ${s.used ? s.value.toFixed(4) : 'off'} (catches ${s.calibration ? pct(s.calibration.catchRate) : '–'})`).join('; ');
  return `| ${name} | ${report.real.count} | ${pct(fresh.scores.unvaried.value)} | ${pct(fresh.scores.unoriginal.value)} | ${pct(copies.scores.unoriginal.value)} | ${pct(copies.scores.unvaried.value)} | ${signals} |`;
}

async function imageCase(name: string, images: DecodedImage[]): Promise<string> {
  const dir = join(root, name), rng = createRng(5);
  const real = images.slice(0, perSide), fresh = images.slice(perSide, 2 * perSide);
  for (const [set, imgs] of [['real', real], ['fresh', fresh], ['copies', real.map((img, i) => editImage(img, IMAGE_EDIT_KINDS[i % IMAGE_EDIT_KINDS.length], rng))]] as const) {
    await mkdir(join(dir, set), { recursive: true });
    for (const [i, img] of imgs.entries()) await writeFile(join(dir, set, `${i}.png`), await imageToPng(img));
  }
  return row(name, score(join(dir, 'real'), join(dir, 'fresh'), join(dir, 'copies')));
}

async function textCase(name: string, texts: string[]): Promise<string> {
  const dir = join(root, name.replace(/\W+/g, '-')), rng = createRng(5);
  await mkdir(dir, { recursive: true });
  const half = Math.min(perSide, Math.floor(texts.length / 2));
  const real = texts.slice(0, half), fresh = texts.slice(half, 2 * half);
  const copies = real.map((t, i) => editText(t, TEXT_EDIT_KINDS[i % TEXT_EDIT_KINDS.length], rng));
  const jsonl = (xs: string[]) => xs.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  await writeFile(join(dir, 'real.jsonl'), jsonl(real));
  await writeFile(join(dir, 'fresh.jsonl'), jsonl(fresh));
  await writeFile(join(dir, 'copies.jsonl'), jsonl(copies));
  return row(name, score(join(dir, 'real.jsonl'), join(dir, 'fresh.jsonl'), join(dir, 'copies.jsonl')));
}

console.log('| data | real rows | real vs real: unvaried | real vs real: unoriginal | edited copies caught (unoriginal) | copies: unvaried | thresholds in force (calibration catch rate) |');
console.log('|---|---|---|---|---|---|---|');
if (values.only !== 'text') {
  console.log(await imageCase('MNIST digits', mnistImages(2 * perSide, createRng(1))));
  console.log(await imageCase('drawn colour scenes (64×64)', await sceneImages(2 * perSide, createRng(2))));
}
if (values.only !== 'images') for (const c of textCorpora(2 * perSide)) console.log(await textCase(c.name, c.texts));
