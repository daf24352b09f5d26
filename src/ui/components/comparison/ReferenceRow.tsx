// The comparison table's first row: two halves of the real set scored against each other. It is
// what indistinguishable looks like with this model, these rows and these settings — a fairer
// target than the ideal 0.5 / 0, which a finite real set does not reach against itself.
import type { ScoreKey } from '../../../report/meaning.ts';
import { fmt } from '../../../report/meaning.ts';
import type { Experiment } from '../../../report/schema.ts';
import type { MeasureKey } from '../panel/panel-measures.ts';
import { PanelCells } from './panel-columns.tsx';

export const REFERENCE_LABEL = 'real vs real';
export const REFERENCE_NOTE = 'what indistinguishable looks like here';

/** Not selectable: it has no evidence frame of its own, only its four scores with their 95% intervals. */
export function ReferenceRow({ reference, keys, panelKeys = [] }: { reference: Experiment; keys: readonly ScoreKey[]; panelKeys?: readonly MeasureKey[] }) {
  return (
    <tr className="reference" data-testid="reference-row"
      title="Two halves of the real set, one scored as if synthetic against the other: the scores a synthetic set as good as real data would get here.">
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
