// The demo's extended panel (issue 14): a fresh profile opens on the demo's build-time report; under
// the first experiment's scorecard the panel shows precision with its interval and what real against
// real scores on the demo digits, the comparison table carries precision for the reference row, and
// the optional real holdout has its own drop zone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
import type { Report } from '../../src/report/schema.ts';

let page: Page;
let demo: Report;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, demo, consoleErrors, close } = await openDemoPage('.cache/dist-e2e-panel'));
});

afterAll(async () => {
  await close?.();
});

describe("the demo's panel", () => {
  it('shows precision with its interval, its sample size and the real-vs-real value', async () => {
    const ex = demo.experiments[0];
    const precision = ex.panel?.precision, reference = demo.reference?.panel?.precision;
    expect(precision, 'the demo report carries a panel').toBeDefined();
    expect(reference, 'and a reference panel').toBeDefined();
    await page.getByTestId('panel').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('panel-precision-value').textContent()).toBe(precision!.value.toFixed(3));
    expect(await page.getByTestId('panel-precision-interval').textContent()).toBe(` 95% ${precision!.lo.toFixed(3)}–${precision!.hi.toFixed(3)}`);
    expect(await page.getByTestId('panel-precision').textContent()).toContain(`n = ${precision!.n}`);
    expect(await page.getByTestId('panel-precision-reference').textContent()).toBe(`real vs real: ${reference!.value.toFixed(3)}`);
    // The panel sits under the scorecard.
    const below = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="score-unrealistic"]')!, panel = document.querySelector('[data-testid="panel"]')!;
      return card.getBoundingClientRect().bottom <= panel.getBoundingClientRect().top;
    });
    expect(below).toBe(true);
  });

  it('puts precision in the comparison table, the reference row included', async () => {
    const reference = demo.reference!.panel!.precision!;
    expect(await page.getByTestId('reference-precision').textContent()).toBe(reference.value.toFixed(3));
    for (const ex of demo.experiments) {
      expect(await page.getByTestId(`cell-${ex.name}-precision`).textContent()).toBe(ex.panel!.precision!.value.toFixed(3));
    }
  });

  it('offers a real holdout drop zone', async () => {
    expect(await page.getByTestId('holdout').locator('.label').textContent()).toBe('Real holdout (optional)');
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});
