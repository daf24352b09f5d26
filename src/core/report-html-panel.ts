// The extended panel (docs/panel.md) as a table: one row per experiment, the real-vs-real
// reference first ("what good is here"), one column per measure with its meaning and ideal.
// The measure list is shared with the CLI summary (cli/table.ts), so both show the same columns:
// the vector measures (images, text), the quality scores (tables, docs/panel-images-tables.md) and
// the image-issue rates (synthetic / real set), each kind shown only where some set has it.
import type { Estimate, Experiment, ImageIssueKind, Panel, Report } from '../report/schema.ts';
import { ISSUE_LABELS } from './image/image-issues.ts';

export interface PanelMeasure {
  key: string;
  /** Column heading. */
  label: string;
  /** What it measures, in one line. */
  meaning: string;
  /** The ideal value, in words. */
  ideal: string;
  /** The cell's text, or null when the measure is absent. */
  cell: (p: Panel) => string | null;
}

const value = (e: Estimate | undefined, digits: number) => (e ? e.value.toFixed(digits) : null);

export const PANEL_MEASURES: readonly PanelMeasure[] = [
  { key: 'precision', label: 'precision', meaning: 'share of synthetic items inside some real item’s k-NN ball (realism)', ideal: 'the reference’s value', cell: (p) => value(p.precision, 3) },
  { key: 'recall', label: 'recall', meaning: 'share of real items inside some synthetic item’s k-NN ball (diversity)', ideal: 'the reference’s value', cell: (p) => value(p.recall, 3) },
  { key: 'density', label: 'density', meaning: 'real k-NN balls holding a synthetic item, on average, ÷ k', ideal: '1', cell: (p) => value(p.density, 3) },
  { key: 'coverage', label: 'coverage', meaning: 'share of real items whose k-NN ball holds a synthetic item', ideal: '≈ 0.97 (1 − 2⁻ᵏ)', cell: (p) => value(p.coverage, 3) },
  { key: 'frechetDistance', label: 'FD', meaning: 'Fréchet distance between Gaussian fits in the model’s space, both sets at the same n', ideal: '0; the reference shows the finite-n bias', cell: (p) => value(p.frechetDistance, 4) },
  {
    key: 'vendi', label: 'Vendi (synth / real)', meaning: 'Vendi score: effective number of distinct items (rows centred on their set’s mean), synthetic set / real set', ideal: 'synthetic ≈ real at the same number of items (it grows with n)',
    cell: (p) => (p.vendi ? `${p.vendi.value.toFixed(1)} / ${p.vendiReal ? p.vendiReal.value.toFixed(1) : '–'}` : null),
  },
  { key: 'authenticity', label: 'authenticity', meaning: 'share of synthetic items farther from their nearest real item than it is from its own nearest real neighbour', ideal: 'the reference’s value', cell: (p) => value(p.authenticity, 3) },
  { key: 'dcrShare', label: 'DCR share', meaning: 'with a holdout: share of synthetic items nearer the training real items than the holdout', ideal: '0.5 (above: copying)', cell: (p) => value(p.dcrShare, 3) },
  { key: 'columnShapes', label: 'column shapes', meaning: 'how closely each column’s distribution matches the real one (SDMetrics’ Column Shapes)', ideal: '1; the reference shows what is reachable here', cell: (p) => value(p.columnShapes, 3) },
  { key: 'columnPairTrends', label: 'pair trends', meaning: 'how closely each pair of columns relates as in the real data (SDMetrics’ Column Pair Trends)', ideal: '1; the reference shows what is reachable here', cell: (p) => value(p.columnPairTrends, 3) },
  ...(Object.keys(ISSUE_LABELS) as ImageIssueKind[]).map((kind): PanelMeasure => ({
    key: `imageIssues.${kind}`,
    label: `${ISSUE_LABELS[kind]} (synth / real)`,
    meaning: `share of images with CleanVision’s “${ISSUE_LABELS[kind]}” issue, synthetic set / real set`,
    ideal: 'synthetic ≈ real',
    cell: (p) => issueCell(p, kind),
  })),
];

/** An issue kind's two rates, or null where the panel has none or no set of the run has the issue (a column of zeros says nothing). */
function issueCell(p: Panel, kind: ImageIssueKind): string | null {
  const r = p.imageIssues?.[kind];
  return r ? `${r.synthetic.value.toFixed(3)} / ${r.real.value.toFixed(3)}` : null;
}

const hasIssue = (p: Panel, kind: string) => {
  const r = p.imageIssues?.[kind.slice('imageIssues.'.length) as ImageIssueKind];
  return !!r && (r.synthetic.value > 0 || r.real.value > 0);
};

export const PANEL_LEGEND = 'Ideal: precision, recall, authenticity ≈ reference; density 1; coverage ≈ 0.97; FD 0 (+ the reference’s finite-n bias); Vendi synth ≈ real; column shapes, pair trends 1 (the reference: what is reachable); image issues synth ≈ real; DCR share 0.5 (above: copying).';

export interface PanelRow {
  label: string;
  reference: boolean;
  /** One cell per shown measure; '–' where the panel or the measure is absent. */
  cells: string[];
}

/** The measures any row has, and the rows (reference first); null when no experiment has a panel. */
export function panelRows(report: Report, referenceLabel: string): { measures: PanelMeasure[]; rows: PanelRow[] } | null {
  const shown: { ex: Experiment; label: string; reference: boolean }[] = report.reference ? [{ ex: report.reference, label: referenceLabel, reference: true }] : [];
  for (const ex of report.experiments) shown.push({ ex, label: ex.name, reference: false });
  if (!shown.some((s) => s.ex.panel)) return null;
  const measures = PANEL_MEASURES.filter((m) => shown.some((s) => s.ex.panel && m.cell(s.ex.panel) !== null && (!m.key.startsWith('imageIssues.') || hasIssue(s.ex.panel, m.key))));
  const rows = shown.map((s) => ({ label: s.label, reference: s.reference, cells: measures.map((m) => (s.ex.panel && m.cell(s.ex.panel)) ?? '–') }));
  return { measures, rows };
}

export const PANEL_CSS = `.panel tr.reference th,.panel tr.reference td{color:#556;font-style:italic;background:#f3f5f8}.panel-legend{font-size:.85rem;color:#556}.panel-legend dt{font-weight:600;display:inline}.panel-legend dd{display:inline;margin:0 0 0 .3rem}.panel-legend div{margin:.1rem 0}`;

/** The panel section of the HTML export, or '' when no experiment has a panel. */
export function panelTableHtml(report: Report, esc: (s: string) => string): string {
  const t = panelRows(report, 'real vs real: what good looks like here');
  if (!t) return '';
  const out: string[] = [`<h2>Panel</h2><p class="note">Measures beyond the four scores, from the same vectors (k = 5 neighbours); the JSON report holds each one’s 95% interval and sample size.</p>`];
  out.push(`<table class="panel"><thead><tr><th>experiment</th>${t.measures.map((m) => `<th title="${esc(m.meaning)}">${esc(m.label)}</th>`).join('')}</tr></thead><tbody>`);
  for (const r of t.rows)
    out.push(`<tr${r.reference ? ' class="reference"' : ''}><th>${esc(r.label)}</th>${r.cells.map((c, i) => `<td data-panel="${t.measures[i].key}">${esc(c)}</td>`).join('')}</tr>`);
  out.push(`</tbody></table><dl class="panel-legend">`);
  for (const m of t.measures) out.push(`<div><dt>${esc(m.label)}</dt><dd>${esc(m.meaning)}. Ideal: ${esc(m.ideal)}.</dd></div>`);
  out.push(`</dl>`);
  return out.join('');
}
