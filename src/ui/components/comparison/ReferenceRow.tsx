// The comparison table's first row: two halves of the real set scored against each other. It is
// what indistinguishable looks like with this model, these rows and these settings — a fairer
// target than the ideal 0.5 / 0, which a finite real set does not reach against itself.
// A run's headline comes before its reference (issue 17): while the page shows it, the row says
// the reference is being computed, unless the headline says none will come.
import { useContext } from 'react';
import type { ScoreKey } from '../../../report/meaning.ts';
import { fmt } from '../../../report/meaning.ts';
import type { Experiment } from '../../../report/schema.ts';
import { saysReferenceNotComputed } from '../../../pipeline/reference-note.ts';
import { PanelPendingContext } from '../../hooks/useRun.ts';
import type { MeasureKey } from '../panel/panel-measures.ts';
import { PanelCells } from './panel-columns.tsx';

export const REFERENCE_LABEL = 'real vs real';
export const REFERENCE_NOTE = 'what indistinguishable looks like here';

const TITLE = 'Two halves of the real set, one scored as if synthetic against the other: the scores a synthetic set as good as real data would get here.';

/**
 * Not selectable: it has no evidence frame of its own, only its four scores with their 95% intervals.
 * Without a reference: "computing…" while the shown report is the headline of the run in progress
 * (`experiments` tells which report the table shows) and that headline does not say it was skipped;
 * nothing otherwise (older reports, or a real set too small to halve).
 */
export function ReferenceRow({ reference, experiments, keys, panelKeys = [] }: {
  reference: Experiment | undefined;
  experiments?: readonly Experiment[];
  keys: readonly ScoreKey[];
  panelKeys?: readonly MeasureKey[];
}) {
  const headline = useContext(PanelPendingContext);
  if (!reference) {
    const computing = headline !== null && headline.experiments === experiments && !headline.reference && !saysReferenceNotComputed(headline.warnings);
    return computing ? (
      <tr className="reference pending" data-testid="reference-row-pending" title={TITLE}>
        <th scope="row">
          {REFERENCE_LABEL}{' '}
          <span className="note">{REFERENCE_NOTE}</span>
        </th>
        <td colSpan={keys.length + panelKeys.length} data-testid="reference-pending" role="status">computing…</td>
      </tr>
    ) : null;
  }
  return (
    <tr className="reference" data-testid="reference-row" title={TITLE}>
      <th scope="row">
        {REFERENCE_LABEL}{' '}
        <span className="note">{REFERENCE_NOTE}</span>
      </th>
      {keys.map((k) => {
        const e = reference.scores[k];
        return (
          <td key={k} data-testid={`reference-${k}`} data-value={e.value}>
            <span className="bar" style={{ width: `${Math.round(e.value * 100)}%` }} />
            {fmt(e.value)}
            <span className="interval" data-testid={`reference-${k}-interval`}> {fmt(e.lo)}–{fmt(e.hi)}</span>
          </td>
        );
      })}
      <PanelCells ex={reference} keys={panelKeys} testId={(k) => `reference-${k}`} />
    </tr>
  );
}
