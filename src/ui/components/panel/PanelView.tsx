// The extended panel under the scorecard (issue 14, docs/panel.md): each measure with its value,
// its 95% interval where one was computed, a one-line meaning, its ideal value, its sample size and
// what real against real scores here ("real vs real: 0.74"), so users read what good is on their
// data. DCR share only with a holdout; images add their issue rates and worst examples. A report
// without a panel (older, or the panel not computed) shows nothing, unless it is the headline of
// the run in progress: its panel comes after the scores (PanelPendingContext).
import { useContext } from 'react';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import type { Estimate, Experiment, Panel, Report } from '../../../report/schema.ts';
import { PanelPendingContext } from '../../hooks/useRun.ts';
import { REFERENCE_LABEL } from '../comparison/ReferenceRow.tsx';
import { ImageIssues } from './ImageIssues.tsx';
import { dcrVerdict, MEASURES, type Measure } from './panel-measures.ts';

export interface PanelViewProps {
  report: Report;
  experiment: Experiment;
  files: FileSets | null;
}

export function PanelView({ report, experiment, files }: PanelViewProps) {
  const panel = experiment.panel;
  const pending = useContext(PanelPendingContext) === report;
  if (!panel) {
    return pending ? <p className="hint" data-testid="panel-pending" role="status">The panel fills in after the scores…</p> : null;
  }
  const reference = report.reference?.panel;
  const shown = MEASURES.filter((m) => panel[m.key]);
  return (
    <section className="panel" data-testid="panel" aria-label={`More measures for ${experiment.name}`}>
      <h4>More measures{panel.k ? <span className="note"> · neighbourhoods of k = {panel.k}</span> : null}</h4>
      {shown.length > 0 && (
        <table className="panel-measures">
          <thead>
            <tr><th scope="col">measure</th><th scope="col">value</th><th scope="col">ideal</th><th scope="col">{REFERENCE_LABEL}</th><th scope="col">meaning</th></tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <MeasureRow key={m.key} measure={m} panel={panel} estimate={panel[m.key]!} reference={reference?.[m.key]} />
            ))}
          </tbody>
        </table>
      )}
      {!panel.dcrShare && (
        <p className="hint" data-testid="panel-dcr-hint">
          Add a real holdout (real data the generator never saw) to see the DCR share: the calibrated answer to “is it copying?”.
        </p>
      )}
      {panel.imageIssues && <ImageIssues report={report} experiment={experiment} issues={panel.imageIssues} files={files} />}
    </section>
  );
}

function MeasureRow({ measure: m, panel, estimate: e, reference }: { measure: Measure; panel: Panel; estimate: Estimate; reference?: Estimate }) {
  return (
    <tr data-testid={`panel-${m.key}`} data-value={e.value}>
      <th scope="row">{m.label}</th>
      <td>
        <span className="value" data-testid={`panel-${m.key}-value`}>{m.format(e.value)}</span>
        {e.method !== 'none' && <span className="interval" data-testid={`panel-${m.key}-interval`}> 95% {m.format(e.lo)}–{m.format(e.hi)}</span>}
        <span className="n"> · n = {e.n}</span>
        {m.key === 'vendi' && panel.vendiReal && <span className="n" data-testid="panel-vendi-real"> · real set {m.format(panel.vendiReal.value)} (n = {panel.vendiReal.n})</span>}
      </td>
      <td data-testid={`panel-${m.key}-ideal`}>{m.ideal(panel)}</td>
      <td className="reference-value" data-testid={`panel-${m.key}-reference`}
        title={reference && reference.method !== 'none' ? `95% ${m.format(reference.lo)}–${m.format(reference.hi)}` : undefined}>
        {reference ? `${REFERENCE_LABEL}: ${m.format(reference.value)}` : '–'}
      </td>
      <td className="meaning">
        {m.meaning}
        {m.key === 'dcrShare' && panel.dcrPValue !== undefined && (
          <span className="verdict" data-testid="panel-dcr-verdict"> {dcrVerdict(e.value, panel.dcrPValue)}</span>
        )}
      </td>
    </tr>
  );
}
