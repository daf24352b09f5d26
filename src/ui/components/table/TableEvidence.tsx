// A tabular experiment's own evidence: the detector, the findings, the per-column charts (worst
// first), the closest-real distances, the ranked rows and the duplicate pairs.
import type { Experiment, Report } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import { closestRealChart } from '../../../report/charts/column.ts';
import { SvgChart } from '../charts/SvgChart.tsx';
import { ColumnCharts } from './ColumnCharts.tsx';
import { Findings } from './Findings.tsx';
import { DuplicatePairs, RankedRows } from './RowTables.tsx';
import './table.css';

function ClosestReal({ ex }: { ex: Experiment }) {
  const c = ex.table?.closestReal;
  if (!c) return null;
  return (
    <section className="closest-real" data-testid="closest-real">
      <h4>Distance from each synthetic row to its closest real row</h4>
      <SvgChart chart={closestRealChart(c.histogram)} />
      <p className="about">
        median {fmt(c.summary.median, 3)} · 5% {fmt(c.summary.q05, 3)} · min {fmt(c.summary.min, 3)} ·
        {' '}{(c.summary.zeroShare * 100).toFixed(1)}% at distance 0 · {c.computed} rows{c.sampled ? ' (a sample)' : ''}
      </p>
    </section>
  );
}

export function TableEvidence({ report, experiment: ex }: { report: Report; experiment: Experiment }) {
  const t = ex.table;
  return (
    <div className="table-evidence" data-testid="table-evidence">
      {t && (
        <p className="about">
          Detector: {t.detector === 'trees' ? 'gradient-boosted trees' : 'logistic regression'} on {t.features} encoded features
          {t.pairTrendSimilarity !== null && <> · column-pair trend similarity {fmt(t.pairTrendSimilarity, 2)}</>}
        </p>
      )}
      <Findings report={report} ex={ex} />
      {t && <ColumnCharts columns={t.columns} />}
      <ClosestReal ex={ex} />
      <RankedRows ex={ex} side="synthetic" testId="unrealistic-rows" title="Most unrealistic synthetic rows"
        about="Synthetic rows the detector was surest are synthetic (highest p, out of fold)." />
      <RankedRows ex={ex} side="real" testId="unrepresented-rows" title="Least represented real rows"
        about="Real rows the detector was surest are real (lowest p): regions the synthetic set does not cover." />
      <DuplicatePairs ex={ex} />
    </div>
  );
}
