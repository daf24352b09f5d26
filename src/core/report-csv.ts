// The per-row table of a Report as CSV (RFC 4180 quoting), one row per item per experiment.
// Text cells come from the user's data (paths, experiment and class names): one that a
// spreadsheet would read as a formula is neutralised as OWASP recommends (CSV injection).
import type { Report } from '../report/schema.ts';

const COLUMNS = ['experiment', 'side', 'path', 'class', 'p_synthetic', 'label_issue', 'near_duplicate_set', 'set_kind', 'nearest_distance'];

/** A cell a spreadsheet would evaluate: it starts with =, +, -, @, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function reportToCsv(report: Report): string {
  return [...reportCsvLines(report)].join('\n') + '\n';
}

/** The CSV's lines one at a time (no line break), for a report too big for one string. */
export function* reportCsvLines(report: Report): Generator<string> {
  yield COLUMNS.join(',');
  for (const ex of report.experiments) {
    const kindOf = new Map(ex.nearDuplicateSets.map((s) => [s.id, s.kind]));
    for (const r of ex.rows) {
      yield [
        textCell(ex.name),
        textCell(r.side),
        textCell(r.path),
        textCell(r.className ?? ''),
        r.p.toFixed(6),
        r.labelIssue.toFixed(6),
        r.nearDuplicateSet >= 0 ? String(r.nearDuplicateSet) : '',
        textCell(r.nearDuplicateSet >= 0 ? kindOf.get(r.nearDuplicateSet) ?? '' : ''),
        r.nearestDistance === null ? '' : r.nearestDistance.toFixed(6),
      ].join(',');
    }
  }
}

/** A text cell: a leading ' keeps a would-be formula a string; quoted when it holds a quote, comma, line break or that '. */
function textCell(v: string): string {
  if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
