// The comparison table's panel columns (issue 14): one per panel measure any row has, a chosen few
// shown by default (precision and recall; tables' column shapes and pair trends), the rest behind
// the "columns" toggle. Older reports have no panel, hence no such column and no toggle.
import type { Experiment } from '../../../report/schema.ts';
import { MEASURE_BY_KEY, MEASURES, type MeasureKey } from '../panel/panel-measures.ts';

export const DEFAULT_PANEL_COLUMNS: readonly MeasureKey[] = ['precision', 'recall', 'columnShapes', 'columnPairTrends'];

/** The panel measures any experiment or the reference has, in the panel's order. */
export function panelKeysOf(experiments: readonly Experiment[], reference?: Experiment): MeasureKey[] {
  const rows = reference ? [...experiments, reference] : experiments;
  return MEASURES.map((m) => m.key).filter((k) => rows.some((ex) => ex.panel?.[k]));
}

export function PanelHeaders({ keys }: { keys: readonly MeasureKey[] }) {
  return <>{keys.map((k) => <th key={k} scope="col" className="panel-col" title={MEASURE_BY_KEY[k].meaning}>{MEASURE_BY_KEY[k].label}</th>)}</>;
}

/** One row's panel cells; '–' where its panel lacks the measure. */
export function PanelCells({ ex, keys, testId }: { ex: Experiment; keys: readonly MeasureKey[]; testId: (k: MeasureKey) => string }) {
  return (
    <>
      {keys.map((k) => {
        const e = ex.panel?.[k], m = MEASURE_BY_KEY[k];
        return (
          <td key={k} className="panel-col" data-testid={testId(k)} data-value={e?.value}
            title={e && e.method !== 'none' ? `95% ${m.format(e.lo)}–${m.format(e.hi)} · n = ${e.n}` : e ? `n = ${e.n}` : undefined}>
            {e ? m.format(e.value) : '–'}
          </td>
        );
      })}
    </>
  );
}
