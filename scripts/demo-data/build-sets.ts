// The demo and test datasets: a real set of MNIST digits in class folders, and synthetic sets
// built so that each shows one problem, with a known size of effect.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawnDigit } from './drawn-digits.ts';
import { nearCopy, NEAR_COPY_KINDS as NEAR_COPIES } from '../../src/ingest/node-augment.ts';
import { digitCount, digitPixels, greyToPng } from './mnist-images.ts';

export const DEMO_SETS = ['fresh', 'copies', 'repeats', 'dropped', 'drawn'] as const;
export type DemoSet = (typeof DEMO_SETS)[number];

/** What each set is built to show, and the share of synthetic rows it affects. */
export const DEMO_EFFECTS: Record<DemoSet, string> = {
  fresh: 'other real digits: the 0.5 / 0 baseline',
  // Measured with the thresholds calibrated on the demo's real set: 0.51 and 0.51 (docs/near-duplicates.md).
  copies: 'half the rows are lightly edited copies of real digits: unoriginal ≈ 0.5, the share that are copies',
  repeats: 'half the rows are edits of three digits per class: unvaried ≈ 0.5, the share that are repeats',
  dropped: 'only digits 0–4: unrepresentative rises',
  drawn: 'digits drawn from one stroke template per class, moved and scaled: unrealistic rises, and unvaried too (each class repeats its template)',
};

export interface BuildOptions {
  perClass?: number;
  seed?: number;
  sets?: readonly DemoSet[];
}

// MNIST digits come in runs by the same writer, so a contiguous range is its own population
// (two ranges tell apart at AUC ≈ 0.6). Every role therefore takes every STRIDE-th digit of the
// whole class, at its own offset: the same mix of writers, and no digit shared between roles.
const ROLE = { real: 0, fresh: 1, extra: 2, source: 3 } as const;

export async function buildDemoSets(out: string, opts: BuildOptions = {}): Promise<void> {
  const perClass = opts.perClass ?? 30;
  const rand = seeded(opts.seed ?? 1);
  await rm(out, { recursive: true, force: true });
  const put = async (set: string, digit: number, name: string, png: Buffer) => {
    await mkdir(join(out, set, String(digit)), { recursive: true });
    await writeFile(join(out, set, String(digit), name), png);
  };
  const stride = Math.floor(Math.min(...Array.from({ length: 10 }, (_, d) => digitCount(d))) / perClass);
  if (stride < 4) throw new RangeError(`perClass ${perClass} is too large for the MNIST package`);
  const digit = (role: keyof typeof ROLE) => (d: number, i: number) => greyToPng(digitPixels(d, i * stride + ROLE[role]));
  const [real, fresh, extra, source] = [digit('real'), digit('fresh'), digit('extra'), digit('source')];

  for (let d = 0; d < 10; d++) {
    for (let i = 0; i < perClass; i++) await put('real', d, `r${i}.png`, await real(d, i));
    for (const set of opts.sets ?? DEMO_SETS) {
      for (let i = 0; i < perClass; i++) {
        const half = i < perClass / 2;
        let png: Buffer | null = null;
        if (set === 'fresh') png = await fresh(d, i);
        else if (set === 'copies') png = half ? await nearCopy(await real(d, i), NEAR_COPIES[i % NEAR_COPIES.length]) : await fresh(d, i);
        // A few source digits, each emitted several times with a re-encode or a tiny shift.
        else if (set === 'repeats') png = half ? await nearCopy(await source(d, i % 3), i < 3 ? 'brighten' : NEAR_COPIES[i % 5]) : await fresh(d, i);
        else if (set === 'dropped') {
          // Classes 5–9 are left out; 0–4 get twice as many rows so the set keeps its size.
          if (d < 5) await put(set, d, `s${i}b.png`, await extra(d, i));
          png = d < 5 ? await fresh(d, i) : null;
        } else png = await drawnDigit(d, rand);
        if (png) await put(set, d, `s${i}.png`, png);
      }
    }
  }
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
