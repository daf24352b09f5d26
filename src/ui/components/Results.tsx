// The results of the shown report: the demo banner, the run line, the exports, the comparison of
// the experiments, and the evidence frame of the selected one.
import { memo } from 'react';
import type { FileSets } from '../../pipeline/browser-env.ts';
import type { Experiment, Report } from '../../report/schema.ts';
import type { PrecomputedDemo } from '../demo.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
import { ComparisonChart } from './evidence/ComparisonChart.tsx';
import { EvidenceFrame } from './evidence/EvidenceFrame.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { HtmlExportButton } from './export/HtmlExportButton.tsx';
import { TableRunLine } from './table/TableRunLine.tsx';
import { ReportModel } from './model/ReportModel.tsx';

export interface ResultsProps {
  report: Report;
  experiment: Experiment;
  demo: PrecomputedDemo | null;
  isDemo: boolean;
  selected: number;
  onSelect(i: number): void;
  /** The shown report's dropped files, if this page has them. */
  files: FileSets | null;
}

// Memoised: state that changes during a run (the phase) re-renders the page but not the results,
// galleries and map (~40 ms of CPU). Every prop is stable between runs.
export const Results = memo(function Results({ report, experiment, demo, isDemo, selected, onSelect, files }: ResultsProps) {
  return (
    <section className="results" data-testid="results">
      {isDemo && (
        <div className="demo-banner" data-testid="demo-banner">
          <p><strong>Demo: MNIST digits — drop your own folders to score them.</strong> Scored when this app was built,
            by the same engine; “Run the demo live” scores it again in this page.</p>
          <ul>{report.experiments.map((ex) => demo?.effects[ex.name] && <li key={ex.name}><strong>{ex.name}</strong>: {demo.effects[ex.name]}</li>)}</ul>
        </div>
      )}
      <h2>Results · real set “{report.real.path}” ({report.real.count} items) · {new Date(report.createdAt).toLocaleString()}</h2>
      {report.modality === 'table' ? <TableRunLine report={report} /> : (
        <p className="embedding" data-testid="embedding" data-embedded={report.embedding.embedded} data-from-cache={report.embedding.fromCache}>
          {report.embedding.embedded} embedded, {report.embedding.fromCache} from the cache · <ReportModel report={report} />
        </p>
      )}
      {report.warnings?.map((w) => <p key={w} className="warn" role="status" data-testid="report-warning">{w}</p>)}
      <ExportButtons report={report} />
      <HtmlExportButton report={report} files={files} />
      <ComparisonTable experiments={report.experiments} selected={selected} onSelect={onSelect}
        reference={report.reference} comparisons={report.comparisons} />
      <ComparisonChart experiments={report.experiments} selected={selected} onSelect={onSelect} />
      <h3>{experiment.name}</h3>
      <EvidenceFrame report={report} experiment={experiment} files={files} />
    </section>
  );
});
