// The per-row table of a Report as CSV (RFC 4180 quoting), one row per item per experiment.
import type { Report } from '../report/schema.ts';

const COLUMNS = ['experiment', 'side', 'path', 'class', 'p_synthetic', 'label_issue', 'near_duplicate_set', 'set_kind', 'nearest_distance'];

export function reportToCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  for (const ex of report.experiments) {
    const kindOf = new Map(ex.nearDuplicateSets.map((s) => [s.id, s.kind]));
    for (const r of ex.rows) {
      lines.push(
        [
          ex.name,
          r.side,
          r.path,
          r.className ?? '',
          r.p.toFixed(6),
          r.labelIssue.toFixed(6),
          r.nearDuplicateSet >= 0 ? String(r.nearDuplicateSet) : '',
          r.nearDuplicateSet >= 0 ? kindOf.get(r.nearDuplicateSet) ?? '' : '',
          r.nearestDistance === null ? '' : r.nearestDistance.toFixed(6),
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
