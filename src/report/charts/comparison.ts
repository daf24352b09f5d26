// The comparison table as a chart: one small panel per score, a bar per experiment with its 95%
// interval, and the indistinguishable baseline (0.5 or 0) drawn across.
import { BASELINE, fmt, TABLE_KEYS } from '../meaning.ts';
import type { Experiment } from '../schema.ts';
import type { Chart, Shape } from './shapes.ts';

const W = 180,
  H = 120,
  PAD = { l: 24, r: 6, t: 16, b: 8 };

/** One panel per score, in the comparison table's order; `selected` marks one experiment. */
export function comparisonCharts(experiments: readonly Pick<Experiment, 'name' | 'scores'>[], selected?: number): Chart[] {
  const n = experiments.length;
  const plotW = W - PAD.l - PAD.r,
    plotH = H - PAD.t - PAD.b;
  const slot = plotW / Math.max(1, n);
  const bar = Math.max(3, Math.min(28, slot * 0.7));
  const y = (v: number) => PAD.t + (1 - Math.max(0, Math.min(1, v))) * plotH;
  return TABLE_KEYS.map((k) => {
    const shapes: Shape[] = [{ kind: 'text', x: PAD.l, y: 11, text: k, className: 'title' }];
    for (const t of [0, 0.5, 1])
      shapes.push({
        kind: 'group',
        children: [
          { kind: 'line', x1: PAD.l, x2: W - PAD.r, y1: y(t), y2: y(t), className: 'grid' },
          { kind: 'text', x: PAD.l - 3, y: y(t) + 3, text: String(t), className: 'tick', anchor: 'end' },
        ],
      });
    experiments.forEach((ex, i) => {
      const e = ex.scores[k];
      const cx = PAD.l + slot * (i + 0.5);
      shapes.push({
        kind: 'group',
        item: i,
        className: i === selected ? 'exp selected' : 'exp',
        data: { experiment: ex.name, value: e.value },
        title: `${ex.name}: ${fmt(e.value)} (95% ${fmt(e.lo)}–${fmt(e.hi)})`,
        children: [
          { kind: 'rect', x: cx - bar / 2, y: y(e.value), width: bar, height: Math.max(0.5, y(0) - y(e.value)), className: 'bar' },
          { kind: 'line', x1: cx, x2: cx, y1: y(e.lo), y2: y(e.hi), className: 'whisker' },
        ],
      });
    });
    shapes.push({
      kind: 'line',
      x1: PAD.l,
      x2: W - PAD.r,
      y1: y(BASELINE[k]),
      y2: y(BASELINE[k]),
      className: 'baseline',
      data: { baseline: BASELINE[k] },
      title: `indistinguishable ≈ ${BASELINE[k]}`,
    });
    return { width: W, height: H, label: `${k} by experiment`, data: { score: k }, shapes };
  });
}

/** The chart's caption: what the bars and the dashed line are. */
export function comparisonCaption(experiments: readonly Pick<Experiment, 'name'>[]): string {
  return `Bars: each experiment (${experiments.map((e) => e.name).join(', ')}), in table order, with 95% intervals; dashed line: what indistinguishable sets score (0.5 for the classifier scores, 0 for the duplicate scores).`;
}
