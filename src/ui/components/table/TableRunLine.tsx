// What a table run did, in place of the image line "N embedded, M from the cache" (nothing is
// embedded or cached for tables): rows parsed and encoded per experiment, the encoded width, the
// detector and how long encoding and the detector took.
import type { Report } from '../../../report/schema.ts';

const secs = (ms: number | undefined) => (ms === undefined ? '' : ` in ${(ms / 1000).toFixed(1)} s`);

export function TableRunLine({ report }: { report: Report }) {
  const skipped = report.skipped.length + report.experiments.reduce((a, e) => a + e.skipped.length, 0);
  const parsed = report.real.count + report.experiments.reduce((a, e) => a + e.counts.synthetic, 0);
  return (
    <div className="embedding table-run-line" data-testid="table-run-line" data-rows-parsed={parsed}>
      <p>{parsed.toLocaleString('en-US')} rows parsed ({report.real.count.toLocaleString('en-US')} real{report.experiments.map((e) => ` + ${e.counts.synthetic.toLocaleString('en-US')} ${e.name}`).join('')})
        {skipped > 0 && `, ${skipped} skipped (see the findings)`}</p>
      {report.experiments.map((e) => e.table && (
        <p key={e.name} data-testid="table-run-experiment" data-rows-encoded={e.counts.real + e.counts.synthetic} data-features={e.table.features}>
          {e.name}: {(e.counts.real + e.counts.synthetic).toLocaleString('en-US')} rows encoded into {e.table.features} features{secs(e.timings.encode)} ·
          {' '}detector {e.table.detector === 'trees' ? 'gradient-boosted trees' : 'logistic regression'}, {e.table.perFold.length} folds{secs(e.timings.detector)}
        </p>
      ))}
    </div>
  );
}
