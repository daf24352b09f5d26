// Kept runs side by side (report/side-by-side.ts): each run's reference row first, and the
// cautions (another model, another real set) above the numbers, never hidden.
import type { Report } from '../../../report/schema.ts';
import { TABLE_KEYS, fmt } from '../../../report/meaning.ts';
import { sideBySide } from '../../../report/side-by-side.ts';

export function SideBySideTable({ runs }: { runs: { label: string; report: Report }[] }) {
  const s = sideBySide(runs);
  return (
    <div className="side-by-side" data-testid="side-by-side">
      {s.cautions.map((c) => <p key={c} className="caution" role="note" data-testid="side-by-side-caution">{c}</p>)}
      <table>
        <thead>
          <tr><th>run</th><th>model</th><th>experiment</th>{TABLE_KEYS.map((k) => <th key={k}>{k}</th>)}<th>AUC</th></tr>
        </thead>
        <tbody>
          {s.rows.map((r, i) => (
            <tr key={i} className={r.reference ? 'reference' : undefined}>
              <td>{r.run}</td><td>{r.model}</td><td>{r.experiment}</td>
              {TABLE_KEYS.map((k) => (
                <td key={k} title={`95% interval ${fmt(r.scores[k].lo)}–${fmt(r.scores[k].hi)}`}>{fmt(r.scores[k].value)}</td>
              ))}
              <td>{fmt(r.auc.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Higher is worse. Hover a score for its 95% interval; across runs, overlapping intervals mean no evidence of a difference.</p>
    </div>
  );
}
