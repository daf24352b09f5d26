// `synthscore score --html` on text: real one-liner jokes against a synthetic set holding long
// texts (the detector ranks them first), light edits of real jokes (near-duplicate pairs) and a
// joke carrying a <script> tag. The HTML shows scorecards, text cards with full text in <details>,
// the pairs with the edited characters marked, the findings as inline SVG; nothing runs.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportHtml, utf8Length } from '../../src/core/report-html.ts';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './run-cli.ts';

const EXTERNAL = /(?:src|href|action|poster|srcset|xlink:href)\s*=\s*["']?(?!data:)[^\s"'>]|url\(|@import|<script|<link|<iframe|<object|<embed|https?:\/\//i;
const SCRIPT = '<script>alert("pwned")</script>';

let html = '';
let report: Report;
let jokes: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-text-html-'));
  jokes = (JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8')) as { body: string }[]).map((j) => j.body);
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const real = jokes.slice(0, 80);
  const synthetic = jokes.slice(100, 160);
  // Ten long texts, each six jokes run together: far longer than any real one-liner.
  for (let k = 0; k < 10; k++) synthetic.push(jokes.slice(200 + 6 * k, 206 + 6 * k).join(' '));
  // Five real jokes with one word changed: near-copies.
  for (let k = 0; k < 5; k++) synthetic.push(real[k * 7].replace(/\b(\w{4,})\b/, '$1s'));
  // Twice: an exact repeat is a near-duplicate set, which the report always shows.
  synthetic.push(`${jokes[300]} ${SCRIPT}`, `${jokes[300]} ${SCRIPT}`);
  await writeFile(join(dir, 'real.jsonl'), jsonl(real));
  await writeFile(join(dir, 'gen.jsonl'), jsonl(synthetic));
  const out = join(dir, 'report.html');
  const r = await runCli(['score', '--real', join(dir, 'real.jsonl'), '--synthetic', `gen=${join(dir, 'gen.jsonl')}`, '--html', out, '--json', '-', '--quiet', '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  report = JSON.parse(r.stdout);
  html = await readFile(out, 'utf8');
}, 240_000);

describe('HTML report for text', () => {
  it('has the scorecard and no script or external reference; a <script> in a text is shown as text', () => {
    expect(report.modality).toBe('text');
    for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) expect(html).toContain(`<div class="card" data-score="${k}">`);
    expect(html).not.toMatch(EXTERNAL);
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
  });

  it('shows text cards as snippets, a long text in full inside <details>', () => {
    const gallery = /data-gallery="unrealistic">(.*?)<\/div><h3>/s.exec(html)?.[1] ?? '';
    const cards = gallery.split('<div class="tcard"').slice(1);
    expect(cards.length).toBe(12);
    const ex = report.experiments[0];
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    let long = 0;
    for (const c of cards) {
      const text = ex.text!.texts[Number(/data-row="(\d+)"/.exec(c)![1])];
      if (text.length <= 240) { expect(c).not.toContain('<details>'); expect(c).toContain(`<p>${esc(text)}</p>`); continue; }
      long++;
      const snippet = /<\/p><p>(.*?)<\/p><details>/s.exec(c)![1];
      expect(snippet.length).toBeLessThan(esc(text).length);
      expect(c).toContain(`<details><summary>Full text (${text.length} characters)</summary><p>${esc(text)}</p></details>`);
    }
    expect(long).toBeGreaterThan(0); // some of the ten long texts are among the twelve shown
  });

  it('shows the edited copies beside their real jokes with the changed characters marked', () => {
    const pairs = html.split('<div class="tpair"').slice(1);
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    const cross = pairs.filter((p) => /<b style="color:#2b6cb0">real<\/b>.*<b style="color:#dd6b20">synthetic<\/b>/s.test(p));
    expect(cross.length).toBeGreaterThanOrEqual(4);
    // The edit added one "s": marked on the synthetic side only, as one character.
    expect(cross.some((p) => p.includes('<mark class="ins">s</mark>') && !p.includes('<mark class="del">'))).toBe(true);
  });

  it('draws the findings as inline SVG: lengths, distinct-1/2, over-used phrases', () => {
    for (const f of ['lengths', 'distinct', 'overused']) expect(html).toContain(`data-finding="${f}"`);
    const lengths = /data-finding="lengths".*?<\/figure>/s.exec(html)![0];
    expect(lengths).toMatch(/<svg[^>]*>.*<rect/s);
    // The long synthetic texts fill a word-count bucket the real one-liners leave empty.
    expect(lengths).toMatch(/synthetic (65–128|33–64) words: [1-9]/);
  });

  it('stays under the size bound with very long texts by shortening them, and says so', () => {
    // Every long synthetic text becomes the whole joke corpus (~700 KB): ten of them would be 7 MB.
    const big: Report = structuredClone(report);
    const t = big.experiments[0].text!;
    const corpus = jokes.join(' ');
    t.texts = t.texts.map((x) => (x.length > 240 ? corpus : x));
    const out = buildReportHtml(big);
    expect(utf8Length(out)).toBeLessThanOrEqual(5_000_000);
    expect(utf8Length(out)).toBeGreaterThan(500_000); // still as much full text as the allowance holds
    expect(out).toMatch(/long texts were shortened to keep this file under 5 MB/);
    expect(out).toContain('more characters in the JSON report]');
  });
});
