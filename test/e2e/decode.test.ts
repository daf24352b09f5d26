// Browser decoding against the Node decoder on the same bytes: EXIF orientation is read, not
// applied (createImageBitmap with imageOrientation 'none'), pixels agree, hashes match, and a
// broken file fails with a DecodeError. Runs the source modules through the Vite dev server.
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeImageBytes, hashBytes, hashPixels } from '../../src/ingest/node-decode.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { freePort } from '../../scripts/browser/server.ts';

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const port = await freePort();
  server = await createServer({ logLevel: 'warn', server: { port, strictPort: true, host: '127.0.0.1' } });
  await server.listen();
  browser = await launchChromium();
  page = await browser.newPage();
  // The dev server compiles the source module; the dev CSP allows this inline module script.
  // A cold dev server may optimise dependencies and reload the page once: then try again.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.addScriptTag({ type: 'module', content: "import * as m from '/src/ingest/browser-decode.ts'; window.__decode = m;" });
    try {
      await page.waitForFunction(() => '__decode' in window, null, { timeout: 20_000 });
      // A late dependency optimisation reloads the page after the module loaded: a decode that
      // survives a short wait means the page is settled.
      await page.waitForTimeout(1500);
      await page.waitForFunction(() => '__decode' in window, null, { timeout: 1000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface WebDecoded { width: number; height: number; orientation?: number; data: number[]; fileHash: string; pixelHash: string }

function decodeInBrowser(bytes: Uint8Array, name: string): Promise<WebDecoded | { error: string; name: string }> {
  return page.evaluate(async ([b, n]) => {
    const m = (window as unknown as { __decode: typeof import('../../src/ingest/browser-decode.ts') }).__decode;
    const u8 = new Uint8Array(b);
    try {
      const img = await m.decodeImageBytes(u8, n);
      return { width: img.width, height: img.height, orientation: img.orientation, data: Array.from(img.data as Uint8ClampedArray),
        fileHash: await m.hashBytes(u8), pixelHash: await m.hashPixels(img) };
    } catch (e) {
      return { error: (e as Error).message, name: (e as Error).name };
    }
  }, [Array.from(bytes), name] as const);
}

/** A 40×20 picture: red left half, blue right half, a green stripe at the top. */
async function picture(format: 'png' | 'jpeg', orientation?: number): Promise<Uint8Array> {
  const w = 40, h = 20;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = (y * w + x) * 3;
    if (y < 3) px[o + 1] = 255; else if (x < w / 2) px[o] = 255; else px[o + 2] = 255;
  }
  let s = sharp(px, { raw: { width: w, height: h, channels: 3 } });
  s = format === 'png' ? s.png() : s.jpeg({ quality: 95 });
  if (orientation) s = s.withMetadata({ orientation });
  return new Uint8Array(await s.toBuffer());
}

it('decodes a PNG to the same pixels and hashes as Node', async () => {
  const bytes = await picture('png');
  const web = await decodeInBrowser(bytes, 'a.png') as WebDecoded;
  const node = await decodeImageBytes(bytes, 'a.png');
  expect([web.width, web.height]).toEqual([node.width, node.height]);
  expect(web.fileHash).toBe(hashBytes(bytes));
  expect(web.pixelHash).toBe(hashPixels(node.data, node.width, node.height));
});

it('reads EXIF orientation without applying it, as the Node decoder does', async () => {
  for (const o of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const bytes = await picture('jpeg', o);
    const web = await decodeInBrowser(bytes, 'a.jpg') as WebDecoded;
    const node = await decodeImageBytes(bytes, 'a.jpg');
    expect({ o, w: web.width, h: web.height, orientation: web.orientation }).toEqual({ o, w: 40, h: 20, orientation: node.orientation });
    let maxDiff = 0;
    for (let i = 0; i < web.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(web.data[i] - node.data[i]));
    expect(maxDiff).toBe(0); // same stored pixels as sharp (both decode with libjpeg-turbo)
  }
});

it('fails a truncated file with a DecodeError and a reason', async () => {
  const bytes = await picture('png');
  const r = await decodeInBrowser(bytes.subarray(0, bytes.length >> 1), 'b.png') as { error: string; name: string };
  expect(r.name).toBe('DecodeError');
  expect(r.error).toMatch(/truncated or corrupt PNG/);
});
