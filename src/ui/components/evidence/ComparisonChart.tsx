// The comparison table as a chart: one small SVG panel per score, a bar per experiment (with its
// 95% interval), and the indistinguishable baseline (0.5 or 0) drawn across.
import { memo } from 'react';
import type { Experiment } from '../../../core/report.ts';
import { BASELINE, fmt, TABLE_KEYS } from '../../meaning.ts';
import './evidence.css';

const W = 180, H = 120, PAD = { l: 24, r: 6, t: 16, b: 8 };

// Memoised: the page re-renders while a run goes on; the results shown need not.
export const ComparisonChart = memo(function ComparisonChart(props: { experiments: Experiment[]; selected?: number; onSelect?(i: number): void }) {
  const { experiments, selected } = props;
  const n = experiments.length;
  const plotW = W - PAD.l - PAD.r, plotH = H - PAD.t - PAD.b;
  const slot = plotW / Math.max(1, n);
  const bar = Math.max(3, Math.min(28, slot * 0.7));
  const y = (v: number) => PAD.t + (1 - Math.max(0, Math.min(1, v))) * plotH;
  return (
    <figure className="comparison-chart" data-testid="comparison-chart">
      {TABLE_KEYS.map((k) => (
        <svg key={k} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${k} by experiment`} data-score={k}>
          <text x={PAD.l} y={11} className="title">{k}</text>
          {[0, 0.5, 1].map((t) => (
            <g key={t}>
              <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="grid" />
              <text x={PAD.l - 3} y={y(t) + 3} className="tick" textAnchor="end">{t}</text>
            </g>
          ))}
          {experiments.map((ex, i) => {
            const e = ex.scores[k];
            const cx = PAD.l + slot * (i + 0.5);
            return (
              <g key={ex.name} className={i === selected ? 'exp selected' : 'exp'} onClick={() => props.onSelect?.(i)}
                data-experiment={ex.name} data-value={e.value}>
                <title>{`${ex.name}: ${fmt(e.value)} (95% ${fmt(e.lo)}–${fmt(e.hi)})`}</title>
                <rect x={cx - bar / 2} y={y(e.value)} width={bar} height={Math.max(0.5, y(0) - y(e.value))} className="bar" />
                <line x1={cx} x2={cx} y1={y(e.lo)} y2={y(e.hi)} className="whisker" />
              </g>
            );
          })}
          <line x1={PAD.l} x2={W - PAD.r} y1={y(BASELINE[k])} y2={y(BASELINE[k])} className="baseline" data-baseline={BASELINE[k]}>
            <title>{`indistinguishable ≈ ${BASELINE[k]}`}</title>
          </line>
        </svg>
      ))}
      <figcaption>
        Bars: each experiment ({experiments.map((e) => e.name).join(', ')}), in table order, with 95% intervals; dashed line:
        what indistinguishable sets score (0.5 for the classifier scores, 0 for the duplicate scores).
      </figcaption>
    </figure>
  );
});
