// The harness itself: Debian's Chromium starts, runs script and offers the APIs the app needs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser/chromium.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

it('starts Chromium and runs a page with WebAssembly, workers and OffscreenCanvas', async () => {
  const page = await browser.newPage();
  await page.setContent('<p id="x">hello</p>');
  const got = await page.evaluate(() => ({
    text: document.getElementById('x')!.textContent,
    wasm: typeof WebAssembly.instantiate,
    worker: typeof Worker,
    offscreen: typeof OffscreenCanvas,
  }));
  expect(got).toEqual({ text: 'hello', wasm: 'function', worker: 'function', offscreen: 'function' });
});
