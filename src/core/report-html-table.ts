// The table part of the HTML report (see report-html.ts): detector line, column types, findings,
// per-column real-vs-synthetic charts as inline SVG (least similar first), closest-real distances,
// the most unrealistic synthetic and least represented real rows as small HTML tables, and
// near-duplicate pairs with the matching cells highlighted. Every cell is escaped and shortened;
// the section shrinks (fewer rows, columns, characters) until it fits its byte allowance.
import { cellsMatch, cellText, isBlank, shorten as short } from '../report/cells.ts';
import { closestRealChart, columnChart, columnRange } from '../report/charts/column.ts';
import { chartSvg } from '../report/charts/svg.ts';
import { fmt } from '../report/meaning.ts';
import { columnsLeastSimilarFirst, duplicatePairs, leastRepresented, mostUnrealistic } from '../report/rankings.ts';
import type { ColumnStat, Experiment, Report } from '../report/schema.ts';

export interface TableHtmlHelpers {
  esc: (s: string) => string;
  bytes: (s: string) => number;
}

/** How much of each list one rendering shows; tried from the first to the last until one fits. */
interface Level { rows: number; pairs: number; columns: number; chars: number; charts: number }
const LEVELS: Level[] = [
  { rows: 10, pairs: 10, columns: 30, chars: 60, charts: 60 },
  { rows: 5, pairs: 5, columns: 16, chars: 32, charts: 30 },
  { rows: 3, pairs: 3, columns: 8, chars: 16, charts: 12 },
  { rows: 0, pairs: 0, columns: 0, chars: 0, charts: 0 },
];

export const TABLE_CSS = `.rows{font-size:.8rem;width:auto}.rows td,.rows th{white-space:nowrap;max-width:14rem;overflow:hidden;text-overflow:ellipsis}
.rows td.match{background:#fde2c8}.rows td.missing{color:#99a}.rows tr.real td.path{color:#2b6cb0}.rows tr.synthetic td.path{color:#c05621}
.row-scroll{overflow-x:auto;margin:.3rem 0 .8rem}.charts{display:flex;flex-wrap:wrap;gap:.6rem}.charts figure{width:250px}
.charts svg{border:0;background:none}rect.real{fill:#2b6cb0}rect.synthetic{fill:#dd6b20}.shape.bad{color:#c53030;font-weight:600}
.findings li{margin:.2rem 0}.findings code{background:#eef;padding:0 .2rem;margin-right:.2rem}`;

export function tableEvidenceHtml(report: Report, ex: Experiment, h: TableHtmlHelpers, allowance: number): string {
  for (const level of LEVELS) {
    const html = render(report, ex, h, level);
    if (h.bytes(html) <= allowance || level.rows === 0) return html;
  }
  return '';
}

function render(report: Report, ex: Experiment, h: TableHtmlHelpers, lv: Level): string {
  const t = ex.table!;
  const { esc } = h;
  const out: string[] = [];
  out.push(`<p class="meta">Detector: ${t.detector === 'trees' ? 'gradient-boosted trees' : 'logistic regression'} on ${t.features} encoded features${t.pairTrendSimilarity !== null ? ` · column-pair trend similarity ${fmt(t.pairTrendSimilarity, 2)}` : ''}</p>`);
  out.push(columnTypes(report, h));
  out.push(findings(report, ex, h));
  out.push(charts(t.columns, h, lv.charts));
  out.push(closestReal(ex));
  const rc = t.rowCells;
  const cells = new Map((rc?.rows ?? []).map((r) => [r.index, r.cells]));
  const cols = rc ? rc.columns.slice(0, lv.columns) : [];
  const colNote = rc && cols.length < rc.columns.length ? ` Showing ${cols.length} of ${rc.columns.length} columns.` : '';
  const head = (first: string) => `<thead><tr>${first}${cols.map((c) => `<th>${esc(short(c, lv.chars))}</th>`).join('')}</tr></thead>`;
  const cellTds = (i: number, cls: (c: number) => string = () => '') => {
    const row = cells.get(i);
    return cols.map((_, c) => {
      const v = row?.[c];
      const k = [cls(c), isBlank(v) ? 'missing' : ''].filter(Boolean).join(' ');
      return `<td${k ? ` class="${k}"` : ''}>${esc(short(cellText(v), lv.chars))}</td>`;
    }).join('');
  };
  const ranked = (side: 'synthetic' | 'real', title: string, about: string, key: string) => {
    const all = side === 'synthetic' ? mostUnrealistic(ex.rows) : leastRepresented(ex.rows);
    const shown = all.slice(0, lv.rows);
    out.push(`<h3>${title}</h3><p class="note">${about} ${shown.length} of ${all.length} rows.${colNote}</p>`);
    if (!shown.length) return;
    out.push(`<div class="row-scroll"><table class="rows" data-list="${key}">${head('<th>#</th><th>p</th><th>row</th>')}<tbody>`);
    shown.forEach((i, k) => out.push(`<tr class="${side}"><td>${k + 1}</td><td>${fmt(ex.rows[i].p)}</td><td class="path">${esc(ex.rows[i].path)}</td>${cellTds(i)}</tr>`));
    out.push(`</tbody></table></div>`);
  };
  ranked('synthetic', 'Most unrealistic synthetic rows', 'Highest out-of-fold p = P(synthetic).', 'unrealistic');
  ranked('real', 'Least represented real rows', 'Lowest p: regions the synthetic set does not cover.', 'unrepresented');

  const pairs = duplicatePairs(ex);
  const shownPairs = pairs.slice(0, lv.pairs);
  out.push(`<h3>Near-duplicate pairs</h3><p class="note">Rule: ${esc(t.duplicateRule)}. Matching cells are highlighted. ${shownPairs.length} of ${pairs.length} pairs.${colNote}</p>`);
  for (const p of shownPairs) {
    const a = cells.get(p.a), b = cells.get(p.b);
    const match = (c: number) => (a && b && cellsMatch(a[c], b[c]) ? 'match' : 'differs');
    out.push(`<div class="row-scroll"><table class="rows" data-pair="${esc(p.kind)}"><caption>${esc(p.kind)}${p.exact ? ' · exact copy' : ''}</caption>${head('<th>row</th>')}<tbody>`);
    for (const i of [p.a, p.b]) out.push(`<tr class="${ex.rows[i].side}"><td class="path">${ex.rows[i].side}: ${esc(ex.rows[i].path)}</td>${cellTds(i, match)}</tr>`);
    out.push(`</tbody></table></div>`);
  }
  if (!rc) out.push(`<p class="note">This report carries no row cells (an older report): rows are named, not shown.</p>`);
  return out.join('');
}

function columnTypes(report: Report, { esc }: TableHtmlHelpers): string {
  const info = report.table;
  if (!info) return '';
  const rows = info.columns.map((c) => `<tr><th>${esc(c.name)}</th><td>${esc(c.type ?? 'all missing')}</td><td>${c.overridden ? `overridden (inferred ${esc(c.inferredType ?? '–')})` : esc(c.reason)}</td><td>${c.inDetector ? 'yes' : 'no'}</td></tr>`);
  const dropped = info.droppedColumns.length
    ? `<p class="warn">Dropped columns (not shared by every set): ${info.droppedColumns.map((d) => `${esc(d.name)} (only in ${esc(d.presentIn.join(', '))})`).join('; ')}</p>`
    : '';
  return `<details><summary>Column types (${info.columns.length})</summary><table class="rows"><thead><tr><th>column</th><th>type</th><th>why</th><th>in detector</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>${dropped}`;
}

function findings(report: Report, ex: Experiment, { esc }: TableHtmlHelpers): string {
  const all = [...(report.table?.findings ?? []), ...(ex.table?.findings ?? [])];
  if (!all.length) return `<h3>Findings</h3><p class="note">No precision, format or missing-value artefacts were found.</p>`;
  const items = all.map((f) => `<li data-kind="${esc(f.kind)}"><b>${esc(f.column)}</b> ${esc(f.kind)} (${f.side}, ${f.rows} rows, ${(100 * f.share).toFixed(1)}%): ${esc(f.message)}${f.normalised ? ' <i>— normalised to the real format before scoring</i>' : ''}${f.examples.length ? ` e.g. ${f.examples.slice(0, 3).map((e) => `<code>${esc(short(e.value, 40))}${e.normalisedTo !== undefined ? ` → ${esc(short(e.normalisedTo, 40))}` : ''}</code>`).join('')}` : ''}</li>`);
  return `<h3>Findings (${all.length})</h3><ul class="findings">${items.join('')}</ul>`;
}

function charts(columns: ColumnStat[], { esc }: TableHtmlHelpers, max: number): string {
  const sorted = columnsLeastSimilarFirst(columns);
  if (!sorted.length) return '';
  const shown = sorted.slice(0, max);
  const figs = shown.map((c) => `<figure data-column="${esc(c.column)}"><figcaption><b>${esc(short(c.column, 40))}</b> ${esc(c.type)} · <span class="shape${c.shape < 0.8 ? ' bad' : ''}">shape ${fmt(c.shape, 2)}</span></figcaption>${chartSvg(columnChart(c))}<br>${esc(columnRange(c))}</figure>`);
  return `<h3>Columns, least similar first</h3><p class="note legend"><span style="color:#2b6cb0">■ real</span><span style="color:#dd6b20">■ synthetic</span> shape similarity 1 = same distribution; ${shown.length} of ${sorted.length} columns shown.</p><div class="charts">${figs.join('')}</div>`;
}

function closestReal(ex: Experiment): string {
  const c = ex.table?.closestReal;
  if (!c) return '';
  return `<h3>Distance from each synthetic row to its closest real row</h3>${chartSvg(closestRealChart(c.histogram))}` +
    `<p class="note">median ${fmt(c.summary.median)} · 5% ${fmt(c.summary.q05)} · min ${fmt(c.summary.min)} · ${(100 * c.summary.zeroShare).toFixed(1)}% at distance 0 · ${c.computed} rows${c.sampled ? ' (a sample)' : ''}</p>`;
}
