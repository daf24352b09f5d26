// One big text used to kill the run: a 52 MB .txt (under the 50 MiB read cap) exhausted the V8 heap
// in the tokenizer (4.9 GB, exit 134), a 5 MB one took minutes and 2.3 GB. The embedder now reads
// a text's first 64 × 128 tokens only, tokenized in pieces, and the report says so.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { jokes } from '../models/text-samples.ts';

const BIG_BYTES = 52_000_000;
const TRUNCATED = '1 text was longer than 8,192 tokens: only its first 8,192 tokens were embedded, and only the first 65,536 characters go into the text statistics, the copy signal and the report.';
let dir: string;

/** Jokes, one after another, with a paragraph break now and then, to `bytes` bytes. */
function bigText(bytes: number): Buffer {
  const J = jokes();
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = J[i % J.length] + (i % 7 === 6 ? '\n\n' : ' ');
    parts.push(s);
    n += Buffer.byteLength(s);
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthscore-big-text-'));
  const J = jokes();
  mkdirSync(join(dir, 'real'));
  mkdirSync(join(dir, 'synthetic'));
  writeFileSync(join(dir, 'real', 'big.txt'), bigText(BIG_BYTES));
  for (let i = 0; i < 25; i++) {
    writeFileSync(join(dir, 'real', `small-${i}.txt`), J.slice(i * 3, i * 3 + 3).join(' '));
    writeFileSync(join(dir, 'synthetic', `s-${i}.txt`), J.slice(1000 + i * 3, 1000 + i * 3 + 3).join(' '));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `code` (an ES module that may import TypeScript) in a fresh Node with a capped heap. */
function nodeWithHeap(heapMb: number, code: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = join(dir, 'child.mts');
  writeFileSync(script, code);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout, stderr }));
  });
}

describe('a 52 MB text', () => {
  it('does not exhaust memory: the text embedder embeds it in a 256 MB heap, from its head', async () => {
    const src = (p: string) => JSON.stringify(fileURLToPath(new URL(`../../src/${p}`, import.meta.url)));
    const r = await nodeWithHeap(256, `
      import { readFileSync } from 'node:fs';
      import { createTextEmbedder } from ${src('models/ort-node.ts')};
      import { DEFAULT_TEXT_MODEL_DIR } from ${src('cli/node-text-env.ts')};
      const text = readFileSync(${JSON.stringify(join(dir, 'real', 'big.txt'))}, 'utf8');
      const emb = await createTextEmbedder(DEFAULT_TEXT_MODEL_DIR, { threads: 1 });
      const t0 = performance.now();
      const v = await emb.embed([text, 'a short one']);
      const ms = performance.now() - t0;
      const norm = Math.hypot(...v.subarray(0, 512));
      console.log(JSON.stringify({ ms, norm, truncated: emb.truncation.count([text, 'a short one']), maxTokens: emb.truncation.maxTokens }));
      await emb.release();
    `);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.truncated).toBe(1);
    expect(out.maxTokens).toBe(8192);
    expect(out.norm).toBeCloseTo(1, 4);
    expect(out.ms).toBeLessThan(60_000);
  });

  it('among 25 small texts: the CLI finishes, scores, and warns that only its head was embedded', async () => {
    const r = await runCli(['score', '--real', join(dir, 'real'), '--synthetic', join(dir, 'synthetic'), '--no-cache', '--quiet', '--bootstrap', '100', '--json', '-']);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${TRUNCATED}`);
    const report = JSON.parse(r.stdout);
    expect(report.warnings).toContain(TRUNCATED);
    expect(report.real.count).toBe(26);
  });
});
