// Per-column real-versus-synthetic distributions (histogram or bars, from the report's column
// stats) with each column's shape similarity, worst first: the column that gives the data away
// comes first.
import type { ColumnStat } from '../../../core/table/report-types.ts';
import { fmt } from '../../meaning.ts';

const W = 240, H = 72;

function axisLabel(v: number, type: ColumnStat['type']): string {
  if (type === 'datetime') return new Date(v).toISOString().slice(0, 10);
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : String(Math.round(v * 1000) / 1000);
}

/** One column's small chart: a pair of bars per bin or level, real then synthetic. */
export function ColumnChart({ stat }: { stat: ColumnStat }) {
  const { chart } = stat;
  const n = chart.real.length;
  const max = Math.max(1e-12, ...chart.real, ...chart.synthetic);
  const slot = W / Math.max(1, n);
  const bw = Math.max(1, slot / 2 - 0.5);
  const label = (i: number): string => chart.kind === 'bars'
    ? chart.labels?.[i] ?? ''
    : `${axisLabel(chart.edges?.[i] ?? NaN, stat.type)} – ${axisLabel(chart.edges?.[i + 1] ?? NaN, stat.type)}`;
  return (
    <svg className="column-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img"
      aria-label={`${stat.column}: real versus synthetic ${chart.kind === 'bars' ? 'shares per level' : 'histogram'}`}>
      {chart.real.map((r, i) => {
        const s = chart.synthetic[i] ?? 0;
        const hr = (r / max) * (H - 2), hs = (s / max) * (H - 2);
        return (
          <g key={i} data-testid="chart-bin">
            <title>{`${label(i)}: real ${fmt(r, 3)}, synthetic ${fmt(s, 3)}`}</title>
            <rect className="real" x={i * slot} y={H - hr} width={bw} height={hr} />
            <rect className="synthetic" x={i * slot + bw} y={H - hs} width={bw} height={hs} />
          </g>
        );
      })}
      <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="axis" />
    </svg>
  );
}

const METRIC: Record<ColumnStat['metric'], string> = {
  ks: '1 − Kolmogorov–Smirnov',
  tv: '1 − total variation',
  'ks-length': '1 − KS on text lengths',
};

export function ColumnCharts({ columns }: { columns: ColumnStat[] }) {
  const sorted = [...columns].sort((a, b) => a.shape - b.shape || (a.column < b.column ? -1 : 1));
  if (sorted.length === 0) return null;
  return (
    <section className="column-charts" data-testid="column-charts" aria-label="Columns, worst first">
      <h4>Columns, least similar first</h4>
      <p className="legend"><span className="swatch real" /> real <span className="swatch synthetic" /> synthetic · shape similarity 1 = same distribution</p>
      <div className="column-grid">
        {sorted.map((c) => {
          const n = c.chart.real.length;
          return (
            <figure key={c.column} className="column" data-testid={`column-${c.column}`} data-shape={c.shape}>
              <figcaption>
                <strong>{c.column}</strong> <span className="type">{c.type}</span>
                <span className={`shape${c.shape < 0.8 ? ' bad' : ''}`} title={METRIC[c.metric]} data-testid="shape"> shape {fmt(c.shape, 2)}</span>
              </figcaption>
              <ColumnChart stat={c} />
              <p className="range">
                {c.chart.kind === 'histogram' && c.chart.edges?.length
                  ? <>{axisLabel(c.chart.edges[0], c.type)} … {axisLabel(c.chart.edges[c.chart.edges.length - 1], c.type)}{c.metric === 'ks-length' ? ' characters' : ''}</>
                  : `${n} level${n === 1 ? '' : 's'}`}
                {(c.missing.real > 0 || c.missing.synthetic > 0) && ` · missing ${fmt(c.missing.real, 2)} real, ${fmt(c.missing.synthetic, 2)} synthetic`}
              </p>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
