// Per class: counts on each side and the four scores (duplicate fractions at the threshold in
// force). Classes with no synthetic rows are called out: the generator dropped them.
import { useMemo } from 'react';
import type { Estimate, Experiment } from '../../../report/schema.ts';
import { fmt, SCORE_KEYS } from '../../../report/meaning.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import { classDuplicates } from './evidence.ts';

const cell = (e: Estimate | undefined) => (e ? <>{fmt(e.value)} <small>({fmt(e.lo, 2)}–{fmt(e.hi, 2)})</small></> : '–');

export function ClassTable({ ex, view, realClasses }: { ex: Experiment; view: NearDuplicateView; realClasses?: Record<string, number> | null }) {
  const dup = useMemo(() => (ex.classes ? classDuplicates(ex.classes, ex.rows, view.setIdPerRow, view.sets) : null), [ex, view]);
  if (!ex.classes || !dup) return null;
  const listed = new Set(ex.classes.map((c) => c.className));
  // Real classes the breakdown does not list at all (no row of that class made it into this experiment).
  const absent = Object.keys(realClasses ?? {}).filter((c) => !listed.has(c));
  const missing = [...ex.classes.filter((c) => c.counts.synthetic === 0).map((c) => c.className), ...absent];
  return (
    <section className="class-table" aria-label="Per class">
      <h4>Per class</h4>
      {missing.length > 0 && (
        <p className="warn" data-testid="missing-classes">Missing from the synthetic set: {missing.join(', ')}.</p>
      )}
      <table data-testid="class-table">
        <thead>
          <tr><th scope="col">class</th><th scope="col">real</th><th scope="col">synthetic</th>{SCORE_KEYS.map((k) => <th key={k} scope="col">{k}</th>)}</tr>
        </thead>
        <tbody>
          {ex.classes.map((c) => {
            const d = dup.get(c.className);
            const scores = c.scores ? { ...c.scores, ...(d ?? {}) } : null;
            return (
              <tr key={c.className} className={c.counts.synthetic === 0 ? 'missing' : undefined} data-class={c.className}>
                <th scope="row">{c.className}</th>
                <td>{c.counts.real}</td>
                <td>{c.counts.synthetic}</td>
                {scores ? SCORE_KEYS.map((k) => <td key={k}>{cell(scores[k])}</td>) : <td colSpan={4} className="note">{c.note ?? 'no scores'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
