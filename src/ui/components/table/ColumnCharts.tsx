// Per-column real-versus-synthetic distributions (histogram or bars, from the report's column
// stats) with each column's shape similarity, worst first: the column that gives the data away
// comes first. The chart geometry is src/report/charts/column.ts, shared with the HTML export.
import type { ColumnStat } from '../../../report/schema.ts';
import { columnChart, columnRange } from '../../../report/charts/column.ts';
import { fmt } from '../../../report/meaning.ts';
import { columnsLeastSimilarFirst } from '../../../report/rankings.ts';
import { SvgChart } from '../charts/SvgChart.tsx';

const METRIC: Record<ColumnStat['metric'], string> = {
  ks: '1 − Kolmogorov–Smirnov',
  tv: '1 − total variation',
  'ks-length': '1 − KS on text lengths',
};

export function ColumnCharts({ columns }: { columns: ColumnStat[] }) {
  const sorted = columnsLeastSimilarFirst(columns);
  if (sorted.length === 0) return null;
  return (
    <section className="column-charts" data-testid="column-charts" aria-label="Columns, worst first">
      <h4>Columns, least similar first</h4>
      <p className="legend">
        <span className="swatch real" /> real <span className="swatch synthetic" /> synthetic · shape similarity 1 = same distribution
      </p>
      <div className="column-grid">
        {sorted.map((c) => (
          <figure key={c.column} className="column" data-testid={`column-${c.column}`} data-shape={c.shape}>
            <figcaption>
              <strong>{c.column}</strong> <span className="type">{c.type}</span>
              <span className={`shape${c.shape < 0.8 ? ' bad' : ''}`} title={METRIC[c.metric]} data-testid="shape">
                {' '}
                shape {fmt(c.shape, 2)}
              </span>
            </figcaption>
            <SvgChart chart={columnChart(c)} />
            <p className="range">
              {columnRange(c)}
              {(c.missing.real > 0 || c.missing.synthetic > 0) &&
                ` · missing ${fmt(c.missing.real, 2)} real, ${fmt(c.missing.synthetic, 2)} synthetic`}
            </p>
          </figure>
        ))}
      </div>
    </section>
  );
}
