// The demo's comparison table (issue 13): a fresh profile opens on the demo's build-time report,
// whose table starts with the real-vs-real reference row (two halves of the real digits scored
// against each other) and states which differences between the demo's sets are real: the better
// value marked with its verdict on hover, every difference listed under the table.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
import type { Report } from '../../src/report/schema.ts';
import { betterCells, isBetter } from '../../src/report/comparison-verdicts.ts';

const KEYS = ['unrepresentative', 'unrealistic', 'unvaried', 'unoriginal'] as const;
let page: Page;
let demo: Report;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, demo, consoleErrors, close } = await openDemoPage('.cache/dist-e2e-comparison'));
});

afterAll(async () => {
  await close?.();
});

describe("the demo's comparison table", () => {
  it('starts with the real-vs-real row, explained, with the report’s reference scores and intervals', async () => {
    expect(demo.reference, 'the demo report carries a reference').toBeDefined();
    const rows = page.getByTestId('comparison').locator('tbody tr');
    expect(await rows.count()).toBe(1 + demo.experiments.length);
    const first = rows.first();
    expect(await first.getAttribute('data-testid')).toBe('reference-row');
    expect(await first.locator('th').textContent()).toBe('real vs real what indistinguishable looks like here');
    for (const k of KEYS) {
      const e = demo.reference!.scores[k];
      expect(await page.getByTestId(`reference-${k}`).textContent()).toBe(`${e.value.toFixed(3)} ${e.lo.toFixed(3)}–${e.hi.toFixed(3)}`);
    }
    // The experiments follow in the report's order, their cells reading their values as before.
    expect(await rows.locator('th').allTextContents()).toEqual(['real vs real what indistinguishable looks like here', ...demo.experiments.map((ex) => ex.name)]);
    for (const ex of demo.experiments) {
      for (const k of KEYS) expect(await page.getByTestId(`cell-${ex.name}-${k}`).textContent()).toBe(ex.scores[k].value.toFixed(3));
    }
  });

  it('lists every real difference, marks the better values, and counts the rest', async () => {
    const comparisons = demo.comparisons ?? [];
    const n = demo.experiments.length;
    expect(comparisons.length).toBe(((n * (n - 1)) / 2) * KEYS.length); // every pair, every score
    // The demo's copies repeat real digits and the fresh set does not: at least that verdict is a difference.
    const copies = comparisons.find((c) => c.score === 'unoriginal' && [c.a, c.b].sort().join() === 'copies,fresh')!;
    expect(copies.verdict).toBe(copies.b === 'copies' ? 'higher' : 'lower');
    const differences = comparisons.filter((c) => c.verdict !== 'no difference detected');
    const listed = await page.getByTestId('verdict').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(differences.map((c) => c.text).sort());
    expect(listed).toContain(copies.text);
    const none = comparisons.length - differences.length;
    if (none > 0) expect(await page.getByTestId('no-difference').locator('summary').textContent()).toBe(`No difference detected: ${none} of ${comparisons.length} comparisons`);
    // The marked cells are the better ones by the report's verdicts, each with its verdict on hover.
    const better = betterCells(comparisons);
    let marked = 0;
    for (const ex of demo.experiments) {
      for (const k of KEYS) {
        const cell = page.getByTestId(`cell-${ex.name}-${k}`);
        const expected = isBetter(better, ex.name, k);
        expect(await cell.getAttribute('data-better'), `${ex.name} ${k}`).toBe(expected ? 'true' : null);
        if (expected) marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
    expect(await page.getByTestId('cell-fresh-unoriginal').getAttribute('title')).toContain(copies.text);
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});
