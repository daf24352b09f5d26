// One fresh page on the built app, opened on the demo's build-time report: the setup the demo's
// e2e tests share. Each test file builds into its own folder (other tests rebuild theirs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DIR, DEMO_REPORT, ensureAppDemo, type DemoReportFile } from '../../scripts/build-app-demo.ts';
import { collectErrors, launchChromium } from '../../scripts/browser/chromium.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';
import type { Report } from '../../src/report/schema.ts';

export interface DemoPage {
  served: Served;
  browser: Browser;
  page: Page;
  /** The demo report the page serves, as built for this model, demo data and engine. */
  demo: Report;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openDemoPage(distDir: string): Promise<DemoPage> {
  await ensureAppDemo(); // the demo report is rebuilt if the model, the demo data or the engine changed
  const demo = (JSON.parse(await readFile(join(DEMO_DIR, DEMO_REPORT), 'utf8')) as DemoReportFile).report;
  const served = await buildAndPreview(distDir);
  const browser = await launchChromium();
  const page = await (await browser.newContext()).newPage();
  const consoleErrors: string[] = [];
  collectErrors(page, consoleErrors);
  await page.goto(served.url);
  await page.getByTestId('demo-banner').waitFor({ timeout: 30_000 });
  return { served, browser, page, demo, consoleErrors, close: async () => { await browser.close(); await served.close(); } };
}
