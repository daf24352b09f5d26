// Tables: one column's real-versus-synthetic chart (a pair of bars per histogram bin or level,
// shares on one scale), its axis range in words, and the histogram of closest-real distances.
import { shorten } from '../cells.ts';
import { fmt } from '../meaning.ts';
import type { ColumnStat, TableExperimentInfo } from '../schema.ts';
import type { Chart, Shape } from './shapes.ts';

const W = 240,
  H = 72;

/** A bin edge as the axis shows it: a date for datetime columns, else a short number. */
export function axisLabel(v: number, type: ColumnStat['type']): string {
  if (!Number.isFinite(v)) return '–';
  if (type === 'datetime') return new Date(v).toISOString().slice(0, 10);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : String(Math.round(v * 1000) / 1000);
}

export function columnChart(stat: ColumnStat): Chart {
  const { chart } = stat;
  const n = chart.real.length;
  const max = Math.max(1e-12, ...chart.real, ...chart.synthetic);
  const slot = W / Math.max(1, n),
    bw = Math.max(1, slot / 2 - 0.5);
  const label = (i: number) =>
    chart.kind === 'bars'
      ? (chart.labels?.[i] ?? '')
      : `${axisLabel(chart.edges?.[i] ?? NaN, stat.type)} – ${axisLabel(chart.edges?.[i + 1] ?? NaN, stat.type)}`;
  const shapes: Shape[] = chart.real.map((r, i) => {
    const s = chart.synthetic[i] ?? 0;
    const hr = (r / max) * (H - 2),
      hs = (s / max) * (H - 2);
    return {
      kind: 'group',
      testId: 'chart-bin',
      title: `${shorten(label(i), 60)}: real ${fmt(r)}, synthetic ${fmt(s)}`,
      children: [
        { kind: 'rect', className: 'real', x: i * slot, y: H - hr, width: bw, height: hr },
        { kind: 'rect', className: 'synthetic', x: i * slot + bw, y: H - hs, width: bw, height: hs },
      ],
    };
  });
  shapes.push({ kind: 'line', className: 'axis', x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5, stroke: '#889' });
  return {
    width: W,
    height: H,
    className: 'column-chart',
    shapes,
    label: `${shorten(stat.column, 60)}: real versus synthetic ${chart.kind === 'bars' ? 'shares per level' : 'histogram'}`,
  };
}

/** What the chart's x axis spans: "30 … 60" (histograms) or "4 levels" (bars). */
export function columnRange(stat: ColumnStat): string {
  const { chart } = stat;
  if (chart.kind === 'histogram' && chart.edges?.length)
    return `${axisLabel(chart.edges[0], stat.type)} … ${axisLabel(chart.edges[chart.edges.length - 1], stat.type)}${stat.metric === 'ks-length' ? ' characters' : ''}`;
  const n = chart.real.length;
  return `${n} level${n === 1 ? '' : 's'}`;
}

/** The closest-real distances of the synthetic rows as a histogram of row counts. */
export function closestRealChart(histogram: TableExperimentInfo['closestReal']['histogram']): Chart {
  const { counts, edges } = histogram;
  const w = 240,
    h = 60;
  const max = Math.max(1, ...counts),
    slot = w / Math.max(1, counts.length);
  return {
    width: w,
    height: h,
    label: 'histogram of closest-real distances',
    shapes: counts.map((n, i) => ({
      kind: 'rect',
      className: 'synthetic',
      x: i * slot,
      y: h - (n / max) * h,
      width: Math.max(1, slot - 1),
      height: (n / max) * h,
      title: `${fmt(edges[i])} – ${fmt(edges[i + 1])}: ${n} rows`,
    })),
  };
}
