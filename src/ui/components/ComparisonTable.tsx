import { memo } from 'react';
import type { Experiment } from '../../report/schema.ts';
import { fmt, TABLE_KEYS } from '../../report/meaning.ts';

/** experiment | unrepresentative | unrealistic | unvaried | unoriginal; click a row to select it. Memoised: the page re-renders during a run, the results need not. */
export const ComparisonTable = memo(function ComparisonTable(props: { experiments: Experiment[]; selected: number; onSelect(i: number): void }) {
  return (
    <table className="comparison" data-testid="comparison">
      <thead>
        <tr>
          <th scope="col">experiment</th>
          {TABLE_KEYS.map((k) => <th key={k} scope="col">{k}</th>)}
        </tr>
      </thead>
      <tbody>
        {props.experiments.map((ex, i) => (
          <tr key={ex.name} className={i === props.selected ? 'selected' : ''} onClick={() => props.onSelect(i)}
            tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(i)} aria-selected={i === props.selected}>
            <th scope="row">{ex.name}</th>
            {TABLE_KEYS.map((k) => (
              <td key={k} data-testid={`cell-${ex.name}-${k}`}>
                <span className="bar" style={{ width: `${Math.round(ex.scores[k].value * 100)}%` }} />
                {fmt(ex.scores[k].value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
