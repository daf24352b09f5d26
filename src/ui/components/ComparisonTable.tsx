import { memo, useMemo, useState } from 'react';
import type { Comparison, Experiment } from '../../report/schema.ts';
import { fmt, TABLE_KEYS } from '../../report/meaning.ts';
import { DEFAULT_PANEL_COLUMNS, PanelCells, PanelHeaders, panelKeysOf } from './comparison/panel-columns.tsx';
import { ReferenceRow } from './comparison/ReferenceRow.tsx';
import { VerdictList } from './comparison/VerdictList.tsx';
import { betterCells, cellVerdicts, isBetter } from '../../report/comparison-verdicts.ts';

const NONE: Comparison[] = [];

/**
 * experiment | unrepresentative | unrealistic | unvaried | unoriginal; click a row to select it.
 * With a report's reference, its "real vs real" row comes first; with its comparisons, the better
 * value of each score is marked where the 95% interval of the difference says so, each cell's
 * verdicts are on hover, and the verdicts are listed under the table. Older reports have neither
 * and look as before. Reports with a panel add its measures as columns: a chosen few, the rest
 * behind the "columns" toggle. Memoised: the page re-renders during a run, the results need not.
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
  const [allColumns, setAllColumns] = useState(false);
  const panelKeys = useMemo(() => panelKeysOf(props.experiments, props.reference), [props.experiments, props.reference]);
  const defaultKeys = panelKeys.filter((k) => DEFAULT_PANEL_COLUMNS.includes(k));
  const shownKeys = allColumns ? panelKeys : defaultKeys;
  const hidden = panelKeys.length - defaultKeys.length;
  return (
    <>
      {hidden > 0 && (
        <p className="panel-columns">
          <button className="link" data-testid="panel-columns-toggle" aria-pressed={allColumns} onClick={() => setAllColumns((a) => !a)}>
            {allColumns ? 'columns: fewer measures' : `columns: ${hidden} more measure${hidden === 1 ? '' : 's'}`}
          </button>
        </p>
      )}
      <table className="comparison" data-testid="comparison">
        <thead>
          <tr>
            <th scope="col">experiment</th>
            {TABLE_KEYS.map((k) => <th key={k} scope="col">{k}</th>)}
            <PanelHeaders keys={shownKeys} />
          </tr>
        </thead>
        <tbody>
          <ReferenceRow reference={props.reference} experiments={props.experiments} keys={TABLE_KEYS} panelKeys={shownKeys} />
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
              <PanelCells ex={ex} keys={shownKeys} testId={(k) => `cell-${ex.name}-${k}`} />
            </tr>
          ))}
        </tbody>
      </table>
      <VerdictList comparisons={comparisons} />
    </>
  );
});
