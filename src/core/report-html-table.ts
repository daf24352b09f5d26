// The table part of the HTML report (see report-html.ts): detector line, column types, findings,
// per-column real-vs-synthetic charts as inline SVG (least similar first), closest-real distances,
// the most unrealistic synthetic and least represented real rows as small HTML tables, and
// near-duplicate pairs with the matching cells highlighted. Every cell is escaped and shortened;
// the section shrinks (fewer rows, columns, characters) until it fits its byte allowance.
import type { Experiment, Report } from './report.ts';
import type { ColumnStat, TableRowCells } from './table/report-types.ts';

type CellValue = TableRowCells['rows'][number]['cells'][number];

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

/** The tabular duplicate rule, cell by cell: both missing, equal, or numbers within 1% relative. */
export function cellsMatch(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const x = asNumber(a), y = asNumber(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y));
  return String(a).trim() === String(b).trim();
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

const asNumber = (v: CellValue): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(1, n - 1))}…` : s);

/** Rows of one side by p: synthetic highest first, real lowest first; ties by row order. */
export function rankedRows(ex: Experiment, side: 'synthetic' | 'real'): number[] {
  return ex.rows.map((_, i) => i).filter((i) => ex.rows[i].side === side)
    .sort((a, b) => (side === 'synthetic' ? ex.rows[b].p - ex.rows[a].p : ex.rows[a].p - ex.rows[b].p) || a - b);
}

/** Pairs from each set: its first member (a real row when there is one) with each other member; unoriginal sets first. */
export function duplicatePairs(ex: Experiment): { kind: string; exact: boolean; a: number; b: number }[] {
  const order = { unoriginal: 0, unvaried: 1, 'real-only': 2 } as const;
  const sets = [...ex.nearDuplicateSets].sort((s, t) => order[s.kind] - order[t.kind] || s.id - t.id);
  return sets.flatMap((s) => {
    const m = [...s.members].sort((a, b) => (ex.rows[a].side === ex.rows[b].side ? a - b : ex.rows[a].side === 'real' ? -1 : 1));
    return m.slice(1).map((b) => ({ kind: s.kind, exact: s.exact, a: m[0], b }));
  });
}

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
    const all = rankedRows(ex, side);
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

const W = 240, H = 72;

function axisLabel(v: number, type: ColumnStat['type']): string {
  if (type === 'datetime') return Number.isFinite(v) ? new Date(v).toISOString().slice(0, 10) : '–';
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : String(Math.round(v * 1000) / 1000);
}

/** One column's chart: a pair of bars per bin or level, real then synthetic, shares on one scale. */
export function columnChartSvg(stat: ColumnStat, esc: (s: string) => string): string {
  const { chart } = stat;
  const n = chart.real.length;
  const max = Math.max(1e-12, ...chart.real, ...chart.synthetic);
  const slot = W / Math.max(1, n), bw = Math.max(1, slot / 2 - 0.5);
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const bars = chart.real.map((r, i) => {
    const s = chart.synthetic[i] ?? 0;
    const hr = (r / max) * (H - 2), hs = (s / max) * (H - 2);
    const label = chart.kind === 'bars' ? chart.labels?.[i] ?? '' : `${axisLabel(chart.edges?.[i] ?? NaN, stat.type)} – ${axisLabel(chart.edges?.[i + 1] ?? NaN, stat.type)}`;
    return `<g><title>${esc(short(label, 60))}: real ${fmt(r)}, synthetic ${fmt(s)}</title><rect class="real" x="${r1(i * slot)}" y="${r1(H - hr)}" width="${r1(bw)}" height="${r1(hr)}"/><rect class="synthetic" x="${r1(i * slot + bw)}" y="${r1(H - hs)}" width="${r1(bw)}" height="${r1(hs)}"/></g>`;
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(short(stat.column, 60))}: real versus synthetic">${bars.join('')}<line x1="0" x2="${W}" y1="${H - 0.5}" y2="${H - 0.5}" stroke="#889"/></svg>`;
}

function charts(columns: ColumnStat[], { esc }: TableHtmlHelpers, max: number): string {
  const sorted = [...columns].sort((a, b) => a.shape - b.shape || (a.column < b.column ? -1 : 1));
  if (!sorted.length) return '';
  const shown = sorted.slice(0, max);
  const figs = shown.map((c) => {
    const range = c.chart.kind === 'histogram' && c.chart.edges?.length
      ? `${axisLabel(c.chart.edges[0], c.type)} … ${axisLabel(c.chart.edges[c.chart.edges.length - 1], c.type)}${c.metric === 'ks-length' ? ' characters' : ''}`
      : `${c.chart.real.length} levels`;
    return `<figure data-column="${esc(c.column)}"><figcaption><b>${esc(short(c.column, 40))}</b> ${esc(c.type)} · <span class="shape${c.shape < 0.8 ? ' bad' : ''}">shape ${fmt(c.shape, 2)}</span></figcaption>${columnChartSvg(c, esc)}<br>${esc(range)}</figure>`;
  });
  return `<h3>Columns, least similar first</h3><p class="note legend"><span style="color:#2b6cb0">■ real</span><span style="color:#dd6b20">■ synthetic</span> shape similarity 1 = same distribution; ${shown.length} of ${sorted.length} columns shown.</p><div class="charts">${figs.join('')}</div>`;
}

function closestReal(ex: Experiment): string {
  const c = ex.table?.closestReal;
  if (!c) return '';
  const { counts } = c.histogram;
  const max = Math.max(1, ...counts), w = 240, hh = 60, slot = w / Math.max(1, counts.length);
  const bars = counts.map((n, i) => `<rect class="synthetic" x="${(i * slot).toFixed(1)}" y="${(hh - (n / max) * hh).toFixed(1)}" width="${Math.max(1, slot - 1).toFixed(1)}" height="${((n / max) * hh).toFixed(1)}"/>`).join('');
  return `<h3>Distance from each synthetic row to its closest real row</h3><svg viewBox="0 0 ${w} ${hh}" width="${w}" height="${hh}" role="img" aria-label="closest-real distances">${bars}</svg>` +
    `<p class="note">median ${fmt(c.summary.median)} · 5% ${fmt(c.summary.q05)} · min ${fmt(c.summary.min)} · ${(100 * c.summary.zeroShare).toFixed(1)}% at distance 0 · ${c.computed} rows${c.sampled ? ' (a sample)' : ''}</p>`;
}
