// The comparison table as a chart (geometry in src/report/charts/comparison.ts, shared with the
// HTML export): one panel per score, a bar per experiment; a click on a bar selects its experiment.
import { memo } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { comparisonCaption, comparisonCharts } from '../../../report/charts/comparison.ts';
import { SvgChart } from '../charts/SvgChart.tsx';
import './evidence.css';

// Memoised: the page re-renders while a run goes on; the results shown need not.
export const ComparisonChart = memo(function ComparisonChart(props: {
  experiments: Experiment[];
  selected?: number;
  onSelect?(i: number): void;
}) {
  const { experiments, selected, onSelect } = props;
  return (
    <figure className="comparison-chart" data-testid="comparison-chart">
      {comparisonCharts(experiments, selected).map((c) => (
        <SvgChart key={c.label} chart={c} onItem={onSelect} />
      ))}
      <figcaption>{comparisonCaption(experiments)}</figcaption>
    </figure>
  );
});
