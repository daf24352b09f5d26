import type { Report } from '../../report/schema.ts';
import { reportToCsv } from '../../core/report-csv.ts';
import { download } from './export/download.ts';

/** The JSON report (the CLI's schema) and the per-row CSV, saved from the page: nothing is uploaded. */
export function ExportButtons({ report }: { report: Report }) {
  const stamp = report.createdAt.replace(/[:.]/g, '-');
  return (
    <p className="export">
      <button data-testid="export-json" onClick={() => download(`synthscore-${stamp}.json`, 'application/json', JSON.stringify(report, null, 2))}>
        Download JSON report
      </button>
      <button data-testid="export-csv" onClick={() => download(`synthscore-${stamp}.csv`, 'text/csv', reportToCsv(report))}>
        Download per-row CSV
      </button>
    </p>
  );
}
