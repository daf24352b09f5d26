import { memo, useMemo } from 'react';
import type { Comparison, Experiment } from '../../report/schema.ts';
import { fmt, TABLE_KEYS } from '../../report/meaning.ts';
import { ReferenceRow } from './comparison/ReferenceRow.tsx';
import { VerdictList } from './comparison/VerdictList.tsx';
import { betterCells, cellVerdicts, isBetter } from '../../report/comparison-verdicts.ts';

const NONE: Comparison[] = [];

/**
 * experiment | unrepresentative | unrealistic | unvaried | unoriginal; click a row to select it.
 * With a report's reference, its "real vs real" row comes first; with its comparisons, the better
 * value of each score is marked where the 95% interval of the difference says so, each cell's
 * verdicts are on hover, and the verdicts are listed under the table. Older reports have neither
 * and look as before. Memoised: the page re-renders during a run, the results need not.
 */
export const ComparisonTable = memo(function ComparisonTable(props: {
  experiments: Experiment[];
  selected: number;
  onSelect(i: number): void;
  reference?: Experiment;
  comparisons?: Comparison[];
}) {
  const comparisons = props.comparisons ?? NONE;
  const better = useMemo(() => betterCells(comparisons), [comparisons]);
  return (
    <>
      <table className="comparison" data-testid="comparison">
        <thead>
          <tr>
            <th scope="col">experiment</th>
            {TABLE_KEYS.map((k) => <th key={k} scope="col">{k}</th>)}
          </tr>
        </thead>
        <tbody>
          {props.reference && <ReferenceRow reference={props.reference} keys={TABLE_KEYS} />}
          {props.experiments.map((ex, i) => (
            <tr key={ex.name} className={i === props.selected ? 'selected' : ''} onClick={() => props.onSelect(i)}
              tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(i)} aria-selected={i === props.selected}>
              <th scope="row">{ex.name}</th>
              {TABLE_KEYS.map((k) => {
                const marked = isBetter(better, ex.name, k);
                return (
                  <td key={k} data-testid={`cell-${ex.name}-${k}`} className={marked ? 'better' : undefined}
                    data-better={marked || undefined} title={cellVerdicts(comparisons, ex.name, k) || undefined}>
                    <span className="bar" style={{ width: `${Math.round(ex.scores[k].value * 100)}%` }} />
                    {fmt(ex.scores[k].value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <VerdictList comparisons={comparisons} />
    </>
  );
});
