// Launches Debian's Chromium (apt-get install chromium) through playwright-core. Playwright's own
// browser downloads are not used: nothing is fetched by the tests. Shared by the e2e tests and
// the browser benchmarks (scripts/bench-browser*.ts).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** With CHROMIUM_ARGS (even --disable-gpu), this gives headless Chromium a WebGPU adapter: SwiftShader,
 * Vulkan on the CPU (vendor google, architecture swiftshader, a fallback adapter). */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu'];

export async function launchChromium(opts: { webgpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  const args = opts.webgpu ? [...CHROMIUM_ARGS, ...WEBGPU_ARGS] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args, headless: true });
}

/** Records the page's console errors and uncaught exceptions ("pageerror: …") into `errors`. */
export function collectErrors(page: Page, errors: string[]): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return page;
}
