// The chart geometry both views draw from: bars proportional to their values on one scale, the
// indistinguishable baselines where the scores put them, and the SVG string the HTML export writes.
import { describe, expect, it } from 'vitest';
import { columnChart, columnRange } from '../../src/report/charts/column.ts';
import { comparisonCharts } from '../../src/report/charts/comparison.ts';
import type { Group, Line, Rect, Shape } from '../../src/report/charts/shapes.ts';
import { chartSvg } from '../../src/report/charts/svg.ts';
import { textFindingFigures } from '../../src/report/charts/text-findings.ts';
import type { ColumnStat, TextFindings } from '../../src/report/schema.ts';
import { fakeExperiment } from '../core/report-fixture.ts';

const all = (shapes: Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === 'group' ? [s, ...all(s.children)] : [s]));
const rects = (shapes: Shape[]) => all(shapes).filter((s): s is Rect => s.kind === 'rect');

describe('comparison chart', () => {
  const a = fakeExperiment('a'),
    b = fakeExperiment('b');
  b.scores.unvaried = { ...b.scores.unvaried, value: 0.4 };
  const panels = comparisonCharts([a, b], 1);

  it('draws a panel per score in table order, a bar per experiment, and the 0.5 / 0 baselines', () => {
    expect(panels.map((p) => p.data?.score)).toEqual(['unrepresentative', 'unrealistic', 'unvaried', 'unoriginal']);
    for (const p of panels) {
      const bars = all(p.shapes).filter((s): s is Group => s.kind === 'group' && s.item !== undefined);
      expect(bars.map((g) => g.data?.experiment)).toEqual(['a', 'b']);
      expect(bars.map((g) => g.className)).toEqual(['exp', 'exp selected']);
      const baseline = p.shapes.find((s): s is Line => s.kind === 'line' && s.className === 'baseline')!;
      const bottom = rects(bars[0].children)[0];
      const zeroY = bottom.y + bottom.height;
      // 0.5 sits halfway between the 0 and 1 grid lines; 0 on the bars' foot.
      if (p.data?.score === 'unvaried' || p.data?.score === 'unoriginal') expect(baseline.y1).toBeCloseTo(zeroY);
      else expect(baseline.y1).toBeCloseTo((zeroY + 16) / 2);
    }
    const unvaried = rects(panels[2].shapes);
    expect(unvaried[1].height / unvaried[0].height).toBeCloseTo(0.4 / 0.05);
  });
});

describe('column chart', () => {
  const stat: ColumnStat = {
    column: 'a<b',
    type: 'number',
    shape: 0.7,
    metric: 'ks',
    missing: { real: 0, synthetic: 0 },
    chart: { kind: 'histogram', edges: [0, 10, 20], real: [0.25, 0.75], synthetic: [0.5, 0.5] },
  };

  it('draws a real and a synthetic bar per bin, the largest share at full height', () => {
    const c = columnChart(stat);
    const [real0, synth0, real1] = rects(c.shapes);
    expect(real1.height).toBeCloseTo(c.height - 2);
    expect(real0.height).toBeCloseTo((c.height - 2) / 3);
    expect(synth0.x).toBeGreaterThan(real0.x);
    expect(columnRange(stat)).toBe('0 … 20');
    expect(columnRange({ ...stat, chart: { kind: 'bars', labels: ['x'], real: [1], synthetic: [1] } })).toBe('1 level');
  });

  it('becomes an escaped SVG string with coordinates to one decimal and no test ids', () => {
    const svg = chartSvg(columnChart(stat));
    expect(svg).toMatch(/^<svg class="column-chart" viewBox="0 0 240 72" [^>]*aria-label="a&lt;b: real versus synthetic histogram"/);
    expect(svg).not.toContain('a<b');
    expect(svg).not.toContain('testid');
    expect(svg).toContain('<title>0 – 10: real 0.250, synthetic 0.500</title>');
    for (const m of svg.matchAll(/ (?:x|y|width|height)="([^"]+)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
  });
});

describe('text findings', () => {
  const summary = (counts: number[]) => ({
    n: counts.reduce((x, y) => x + y, 0),
    chars: { mean: 0, p05: 0, median: 0, p95: 0 },
    words: { mean: 0, p05: 0, median: 3, p95: 0 },
    histogram: { upper: [1, 2, 4, Number.MAX_SAFE_INTEGER], counts },
  });
  const findings = (real: number[], synthetic: number[]): TextFindings => ({
    length: { real: summary(real), synthetic: summary(synthetic) },
    distinct: { real: { d1: 0.5, d2: 0.8 }, synthetic: { d1: 0.25, d2: 0.4 } },
    overused: [],
  });

  it('draws the used word-count buckets only, and says so when no phrase stands out', () => {
    const [lengths, distinct, overused] = textFindingFigures(findings([0, 2, 2, 0], [0, 0, 4, 0]));
    expect(lengths.key).toBe('lengths');
    expect(rects(lengths.chart!.shapes).map((r) => r.title)).toEqual([
      'real 2 words: 50.0%',
      'synthetic 2 words: 0.0%',
      'real 3–4 words: 50.0%',
      'synthetic 3–4 words: 100.0%',
    ]);
    const [d1real, d1synth] = rects(distinct.chart!.shapes);
    expect(d1real.width).toBeCloseTo(2 * d1synth.width);
    expect(overused).toMatchObject({ key: 'overused', chart: null, empty: 'None stands out.' });
    expect(textFindingFigures(findings([0, 0, 0, 0], [0, 0, 0, 0])).map((f) => f.key)).toEqual(['distinct', 'overused']);
  });
});
