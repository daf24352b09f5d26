// The comparison table printed on stdout: one row per experiment, in the seed's shape. Names come
// from the user's data (folders, flags, label columns) and are printed escaped (printable.ts).
import type { Experiment, Report, ThresholdInfo } from '../report/schema.ts';
import { signalLines } from '../report/threshold-text.ts';
import { PANEL_LEGEND, panelRows } from '../core/report-html-panel.ts';
import { printable } from './printable.ts';
import { estimateText, textTable } from '../report/text-table.ts';

const firstLeft = (c: number) => c === 0;

/** The reference's label in the first row: it is not one of the user's synthetic sets. */
export const REFERENCE_LABEL = 'real vs real (reference)';

export function formatTable(report: Report): string {
  const head = ['experiment', 'unrepresentative', 'unrealistic', 'unvaried', 'unoriginal', 'AUC', 'tau', 'real', 'synthetic'];
  const shown = report.reference ? [{ ex: report.reference, label: REFERENCE_LABEL }] : [];
  for (const ex of report.experiments) shown.push({ ex, label: printable(ex.name) });
  const rows = shown.map(({ ex, label }) => [
    label,
    estimateText(ex.scores.unrepresentative),
    estimateText(ex.scores.unrealistic),
    estimateText(ex.scores.unvaried),
    estimateText(ex.scores.unoriginal),
    estimateText(ex.auc),
    tauLabel(ex.threshold),
    String(ex.counts.real),
    String(ex.counts.synthetic),
  ]);
  const out = [...textTable(head, rows, { left: firstLeft, rule: true }), ...comparisonLines(report), ...panelLines(report)];
  for (const ex of report.experiments) if (ex.classes) out.push('', ...formatClasses(ex));
  out.push('', 'Near-duplicates (unvaried, unoriginal): a pair is joined when any signal in use says so.');
  // Every experiment of a run is judged by the thresholds calibrated once on its real set.
  for (const line of signalLines(report.experiments[0].threshold)) out.push(`  ${printable(line)}`);
  out.push('');
  out.push('Scores: higher is worse. Baselines: unrealistic/unrepresentative ≈ 0.5 when the sets are');
  out.push('indistinguishable (1.0 when perfectly separable); unvaried/unoriginal 0 when nothing is duplicated.');
  out.push(`Intervals: 95% (classifier scores: bootstrap over rows widened by the spread over CV repeats; Wilson for the fractions). Model: ${printable(report.model.id)}.`);
  const skipped = report.skipped.length + report.experiments.reduce((a, e) => a + e.skipped.length, 0);
  if (skipped) out.push(`Skipped ${skipped} ${report.modality === 'table' ? 'row(s)' : 'file(s)'}; see the report's "skipped" lists.`);
  if (report.modality !== 'table') out.push(`Embedded ${report.embedding.embedded} item(s), ${report.embedding.fromCache} from cache.`);
  return out.join('\n') + '\n';
}

/**
 * Under the table: what the reference row is, each comparison that found a difference (its verdict
 * in words), and how many found none (docs/uncertainty.md §3).
 */
function comparisonLines(report: Report): string[] {
  const out: string[] = [];
  if (report.reference) out.push('', 'The reference row scores two halves of the real set against each other: what indistinguishable looks like here.');
  const all = report.comparisons ?? [];
  if (!all.length) return out;
  const differ = all.filter((c) => c.verdict !== 'no difference detected');
  out.push('', `Paired comparisons (each score, B − A with its 95% interval): ${differ.length} of ${all.length} found a difference.`);
  for (const c of differ) out.push(`  ${printable(c.text)}`);
  const same = all.length - differ.length;
  out.push(`  ${same} comparison${same === 1 ? '' : 's'} found no difference${same === all.length ? '' : ' (not listed)'}.`);
  return out;
}

/** The panel (docs/panel.md), values only (intervals are in the JSON), reference first; [] without one. */
function panelLines(report: Report): string[] {
  const t = panelRows(report, REFERENCE_LABEL);
  if (!t) return [];
  const head = ['panel', ...t.measures.map((m) => m.label)];
  const rows = t.rows.map((r) => [r.reference ? r.label : printable(r.label), ...r.cells]);
  return ['', ...textTable(head, rows, { left: firstLeft, rule: true }), PANEL_LEGEND];
}

function tauLabel(t: ThresholdInfo): string {
  if (t.source === 'table-rule') return `±${Number((100 * t.value).toPrecision(3))}% rel`;
  return `${t.value.toFixed(4)}${t.source === 'relative' ? ' (rel)' : t.source === 'user' ? ' (user)' : t.source === 'calibrated' ? ' (cal)' : ''}`;
}

/** Per class: counts on each side and the four scores (intervals are in the JSON report). */
function formatClasses(ex: Experiment): string[] {
  const head = ['class', 'real', 'synthetic', 'unrepresentative', 'unrealistic', 'unvaried', 'unoriginal', ''];
  const rows = ex.classes!.map((c) => [
    printable(c.className),
    String(c.counts.real),
    String(c.counts.synthetic),
    ...(c.scores
      ? [c.scores.unrepresentative, c.scores.unrealistic, c.scores.unvaried, c.scores.unoriginal].map((e) => e.value.toFixed(3))
      : ['–', '–', '–', '–']),
    c.scores ? '' : c.counts.synthetic === 0 ? 'missing from the synthetic set' : c.counts.real === 0 ? 'not in the real set' : 'too few rows to score',
  ]);
  // The class name and the closing note read as text; the counts and scores as numbers.
  return [`Per class, ${printable(ex.name)}:`, ...textTable(head, rows, { left: (c, n) => c === 0 || c === n - 1, trimEnd: true })];
}
