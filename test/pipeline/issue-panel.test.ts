// The panel's image issue rates come from the scores the embedding pass stored per image: a dark
// synthetic image is counted in the synthetic rate, listed worst first by its Experiment.rows index
// (real rows first), and odd-size is judged within each set.
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../src/contracts/embedders.ts';
import { createRng } from '../../src/core/random.ts';
import { issueFields, type EmbeddedSet } from '../../src/pipeline/image/embed-set.ts';
import { imageIssuePanel, WORST_LISTED } from '../../src/pipeline/image/issue-panel.ts';

/** A colour gradient with noise (no issue), scaled by `gain` (a small gain makes it dark). */
function picture(seed: number, w: number, h: number, gain = 1): DecodedImage {
  const rng = createRng(seed), data = new Uint8Array(w * h * 4);
  const base = [rng.int(120), rng.int(120), rng.int(120)];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4, v = [base[0] + 3 * x, base[1] + 3 * y, base[2] + x + y];
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(gain * (v[c] + 12 * rng.normal()))));
      data[i + 3] = 255;
    }
  return { data, width: w, height: h };
}

/** An EmbeddedSet holding only what the panel reads: the issue scores and sizes embedSet stores. */
function setOf(images: DecodedImage[], side: 'real' | 'synthetic'): EmbeddedSet {
  const fields = images.map(issueFields);
  const issues = new Float32Array(images.length * 5), sizes = new Int32Array(images.length * 2);
  fields.forEach((f, i) => { issues.set(f.issues, i * 5); sizes.set(f.size, i * 2); });
  const items = images.map((_, i) => ({ path: `${side}-${i}.png`, className: null, size: 1, kind: 'image', format: 'png' })) as EmbeddedSet['items'];
  return { root: '/', side, items, vectors: new Float32Array(0), descriptors: new Float32Array(0), issues, sizes, fileHashes: [], pixelHashes: [], skipped: [], embedded: 0, fromCache: 0 };
}

describe('imageIssuePanel', () => {
  const real = setOf(Array.from({ length: 20 }, (_, i) => picture(i, 48, 36)), 'real');

  it('flags dark synthetic images, darkest first, by their row in Experiment.rows', () => {
    const synth = Array.from({ length: 12 }, (_, i) => picture(100 + i, 48, 36));
    synth[7] = picture(7, 48, 36, 0.25);
    synth[3] = picture(3, 48, 36, 0.1); // darker: listed first
    const panel = imageIssuePanel(real, setOf(synth, 'synthetic'));
    expect(panel.dark.worst).toEqual([20 + 3, 20 + 7]);
    expect(panel.dark.synthetic).toMatchObject({ value: 2 / 12, n: 12, method: 'wilson' });
    expect(panel.dark.synthetic.lo).toBeGreaterThan(0);
    expect(panel.dark.real).toMatchObject({ value: 0, lo: 0, n: 20, method: 'wilson' });
    expect(panel.dark.real.hi).toBeGreaterThan(0.1); // 0 of 20 still allows up to ~16%
    // Nothing else is wrong with these pictures.
    for (const kind of ['light', 'blurry', 'low-information', 'odd-aspect-ratio', 'odd-size'] as const) {
      expect([kind, panel[kind].synthetic.value, panel[kind].real.value]).toEqual([kind, 0, 0]);
      expect(panel[kind].worst).toEqual([]);
    }
  });

  it('judges odd size within each set: a set of larger images is not odd, one outlier in it is', () => {
    const synth = Array.from({ length: 12 }, (_, i) => picture(200 + i, 96, 72));
    expect(imageIssuePanel(real, setOf(synth, 'synthetic'))['odd-size'].synthetic.value).toBe(0);
    synth[5] = picture(205, 480, 360);
    const odd = imageIssuePanel(real, setOf(synth, 'synthetic'))['odd-size'];
    expect(odd.worst).toEqual([20 + 5]);
    expect(odd.real.value).toBe(0);
  });

  it('lists at most WORST_LISTED rows', () => {
    const synth = Array.from({ length: WORST_LISTED + 6 }, (_, i) => picture(300 + i, 24, 18, 0.1));
    const panel = imageIssuePanel(real, setOf(synth, 'synthetic'));
    expect(panel.dark.synthetic.value).toBe(1);
    expect(panel.dark.worst).toHaveLength(WORST_LISTED);
  });
});
