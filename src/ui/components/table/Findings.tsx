// The table findings: format and precision artefacts of the synthetic set, real-side findings
// (all-missing or left-out columns), parse warnings and dropped columns.
import type { Report, Experiment } from '../../../report/schema.ts';

export function Findings({ report, ex }: { report: Report; ex: Experiment }) {
  const findings = [...(report.table?.findings ?? []), ...(ex.table?.findings ?? [])];
  const warnings = [...(report.table?.warnings ?? []).map((w) => `real: ${w}`), ...(ex.table?.warnings ?? []).map((w) => `synthetic: ${w}`)];
  const dropped = report.table?.droppedColumns ?? [];
  return (
    <section className="table-findings" data-testid="table-findings" data-count={findings.length}>
      <h4>Findings ({findings.length})</h4>
      {findings.length === 0 && <p className="about">No precision, format or missing-value artefacts were found.</p>}
      <ul>
        {findings.map((f, k) => (
          <li key={k} data-testid="finding" data-kind={f.kind}>
            <strong>{f.column}</strong> <span className="kind">{f.kind}</span> ({f.side}, {f.rows} rows, {(f.share * 100).toFixed(1)}%): {f.message}
            {f.normalised && <em> — normalised to the real format before scoring</em>}
            {f.examples.length > 0 && (
              <span className="examples"> e.g. {f.examples.slice(0, 3).map((e, j) => (
                <code key={j}>{e.value}{e.normalisedTo !== undefined ? ` → ${e.normalisedTo}` : ''}</code>
              ))}</span>
            )}
          </li>
        ))}
      </ul>
      {dropped.length > 0 && <p className="warn">Dropped columns: {dropped.map((d) => `${d.name} (only in ${d.presentIn.join(', ')})`).join('; ')}</p>}
      {warnings.length > 0 && (
        <details>
          <summary>{warnings.length} parse warning{warnings.length === 1 ? '' : 's'}</summary>
          <ul>{warnings.map((w, k) => <li key={k}>{w}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
