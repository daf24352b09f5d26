// The HTML report of a table run, built from a real scoring of penguins (vega-datasets) against a
// synthetic set with known effects: flipper lengths stretched by 15% (the column that gives the
// data away), body masses with six decimals (a precision artefact), and 8 verbatim copies of real
// rows, one of them carrying a "<script>" cell that must arrive as text, never as markup.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReportHtml, utf8Length } from '../../../src/core/report-html.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import { splitVega } from '../../core/table/fixtures.ts';

const SCRIPT = '<script>alert("x")</script>';
const csv = (columns: string[], data: Cell[][]) => {
  const rows = Array.from({ length: data[0].length }, (_, r) => data.map((col) => col[r] ?? ''));
  return new TextEncoder().encode(Papa.unparse({ fields: columns, data: rows }));
};

describe('HTML report of a table run', async () => {
  const s = await splitVega('penguins.json', 1);
  const col = (name: string) => s.columns.indexOf(name);
  const columns = [...s.columns, 'Note'];
  const real = [...s.real.map((c) => [...c]), s.real[0].map((_, r) => (r === 0 ? SCRIPT : null))];
  const synth = [...s.holdout.map((c) => [...c]), s.holdout[0].map(() => null as Cell)];
  const flipper = col('Flipper Length (mm)'), mass = col('Body Mass (g)');
  synth[flipper] = synth[flipper].map((v) => (v === null ? null : Math.round(Number(v) * 1.15)));
  synth[mass] = synth[mass].map((v, r) => (v === null ? null : (Number(v) + ((r % 7) + 1) * 0.000123).toFixed(6)));
  for (let r = 0; r < 8; r++) for (let c = 0; c < columns.length; c++) synth[c][r] = real[c][r];
  const files: Record<string, Uint8Array> = { 'real.csv': csv(columns, real), 'stretched.csv': csv(columns, synth) };
  const report = await scoreTable(
    { real: 'real.csv', synthetic: [{ name: 'stretched', path: 'stretched.csv' }], folds: 5, seed: 0, bootstrap: 100 },
    { readFile: async (p) => files[p] },
  );
  const html = buildReportHtml(report);

  it('escapes cells: the <script> cell is text, and the file holds no script and no external reference', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('draws one chart per column, the stretched column first', () => {
    const order = [...html.matchAll(/<figure data-column="([^"]+)">/g)].map((m) => m[1]);
    expect(order[0]).toBe('Flipper Length (mm)');
    expect(order).toContain('Beak Depth (mm)');
    const first = html.slice(html.indexOf('<figure data-column="Flipper'));
    expect(first.slice(0, first.indexOf('</figure>'))).toMatch(/<svg[^>]*>(<g><title>[^<]*<\/title><rect class="real"[^>]*\/><rect class="synthetic"[^>]*\/><\/g>){2,}/);
  });

  it('lists the precision artefact as a finding', () => {
    const findings = html.slice(html.indexOf('<ul class="findings">'));
    expect(findings.slice(0, findings.indexOf('</ul>'))).toMatch(/data-kind="precision"><b>Body Mass \(g\)<\/b>/);
  });

  it('shows the top synthetic and real rows as small tables with their cells', () => {
    const table = (key: string) => { const t = html.slice(html.indexOf(`data-list="${key}"`)); return t.slice(0, t.indexOf('</table>')); };
    const unreal = table('unrealistic');
    expect(unreal.match(/<tr class="synthetic">/g)).toHaveLength(10);
    expect(unreal).toMatch(/stretched\.csv#row \d+/);
    // The rows are in p order, highest first.
    const ps = [...unreal.matchAll(/<tr class="synthetic"><td>\d+<\/td><td>([\d.]+)<\/td>/g)].map((m) => Number(m[1]));
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    expect(table('unrepresented').match(/<tr class="real">/g)).toHaveLength(10);
  });

  it('shows the copied rows as pairs whose every cell is highlighted as matching', () => {
    const pairs = [...html.matchAll(/<table class="rows" data-pair="unoriginal">(.*?)<\/table>/g)].map((m) => m[1]);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    const withScript = pairs.find((p) => p.includes('&lt;script&gt;'))!;
    expect(withScript).toBeDefined();
    expect(withScript).not.toContain('class="differs"');
    expect(withScript.match(/class="match"/g)!.length).toBe(2 * columns.length);
  });

  it('stays under its size bound by showing fewer rows', () => {
    const small = buildReportHtml(report, { maxBytes: 40_000 });
    expect(utf8Length(small)).toBeLessThanOrEqual(40_000);
    expect(utf8Length(html)).toBeGreaterThan(40_000);
    const shown = (h: string) => Number(/Highest out-of-fold p = P\(synthetic\)\. (\d+) of/.exec(h)?.[1]);
    expect(shown(html)).toBe(10);
    expect(shown(small)).toBeLessThan(10);
  });
});
