// The self-contained HTML report for stakeholders: one file, inline CSS, no script, no external
// reference (a CSP meta tag forbids any), thumbnails as data: URLs. Pure string building with
// escaping, so the app and the CLI share it. Size-bounded: at most `maxPerExperiment` thumbnails
// per experiment and `maxBytes` in all; the file says what it left out.
import { escapeHtml } from '../report/cells.ts';
import { comparisonCaption, comparisonCharts } from '../report/charts/comparison.ts';
import { chartSvg } from '../report/charts/svg.ts';
import { BASELINE, fmt, MEANING, SCORE_KEYS, TABLE_KEYS } from '../report/meaning.ts';
import type { Estimate, Experiment, Report } from '../report/schema.ts';
import { DEFAULT_LIMITS, pickGalleries, rowSource, thumbKey, type Gallery, type GalleryLimits } from './report-galleries.ts';
import { TEXT_CSS, textAllowance, textEvidenceHtml, type TextLeftOut } from './report-html-text.ts';
import { TABLE_CSS, tableEvidenceHtml } from './report-html-table.ts';
import { COMPARISON_CSS, comparisonTableHtml } from './report-html-comparison.ts';
import { PANEL_CSS, panelTableHtml } from './report-html-panel.ts';

export interface HtmlOptions {
  /** thumbKey(row source) → data:image/(jpeg|png|webp);base64,… URL. Anything else is ignored. */
  thumbnails?: ReadonlyMap<string, string>;
  /** Whole file, in UTF-8 bytes (default 5 MB). */
  maxBytes?: number;
  maxPerExperiment?: number; // default 48
  limits?: GalleryLimits;
  /** Points drawn in each map (default 2,000). */
  mapPoints?: number;
  /** Who made the file, e.g. "the SynthScore app". */
  generator?: string;
}

export const HTML_MAX_BYTES = 5_000_000;
export const HTML_MAX_PER_EXPERIMENT = 48;

const DATA_URL = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

const est = (e: Estimate) => `${fmt(e.value)} <span class="ci">(95% ${fmt(e.lo)}–${fmt(e.hi)}, n = ${e.n})</span>`;

const CSS = `body{font-family:system-ui,sans-serif;color:#1d2330;background:#fafbfc;max-width:1100px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #dde}.meta,.note{color:#556;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #dde;padding:.3rem .5rem;text-align:left}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:.8rem}.card{background:#fff;border:1px solid #dde;border-radius:10px;padding:.6rem .8rem}
.card h3{margin:0;font-size:.95rem;text-transform:capitalize}.value{font-size:1.8rem;margin:.2rem 0}.card p{margin:.1rem 0;font-size:.8rem}
.ci{color:#556;font-size:.8rem}.gallery{display:flex;flex-wrap:wrap;gap:.5rem;margin:.4rem 0 1rem}.set{display:flex;gap:.3rem;border:1px solid #ccd;border-radius:8px;padding:.3rem}
figure{margin:0;width:104px;font-size:.7rem;overflow-wrap:anywhere}figure img,.noimg{width:96px;height:96px;object-fit:contain;background:#eee;display:block}
.noimg{display:flex;align-items:center;justify-content:center;color:#889;text-align:center}.real figcaption b{color:#2b6cb0}.synthetic figcaption b{color:#c05621}
.text{width:220px;background:#fff;border:1px solid #dde;padding:.2rem}svg{background:#fff;border:1px solid #dde;max-width:520px}
circle.real{fill:#2b6cb0}circle.synthetic{fill:#dd6b20}.legend span{padding:0 .4rem}.warn{color:#a60}
.comparison-chart{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0}.comparison-chart figcaption{width:100%;font-size:.8rem;color:#556}.comparison-chart svg{border-radius:8px}
.comparison-chart .title{font-size:11px;font-weight:600;fill:#334}.comparison-chart .tick{font-size:9px;fill:#778}.comparison-chart .grid{stroke:#eceef2}
.comparison-chart .bar{fill:#c77}.comparison-chart .whisker{stroke:#333}.comparison-chart .baseline{stroke:#36c;stroke-dasharray:4 3;stroke-width:1.5}
@media(max-width:800px){.cards{grid-template-columns:1fr 1fr}}`;

interface Budget {
  /** Returns the data URL to embed, or null (absent, invalid, over a limit); counts what it refuses. */
  take(key: string, perExperiment: { used: number }): string | null;
  missing: number;
  overSize: number;
  overCount: number;
}

function makeBudget(thumbs: ReadonlyMap<string, string> | undefined, bytes: number, perExperimentMax: number): Budget {
  let left = bytes;
  const b: Budget = {
    missing: 0, overSize: 0, overCount: 0,
    take(key, ex) {
      const url = thumbs?.get(key);
      if (!url || !DATA_URL.test(url)) { b.missing++; return null; }
      if (ex.used >= perExperimentMax) { b.overCount++; return null; }
      const cost = url.length + 64;
      if (cost > left) { b.overSize++; return null; }
      left -= cost;
      ex.used++;
      return url;
    },
  };
  return b;
}

export function buildReportHtml(report: Report, opts: HtmlOptions = {}): string {
  const maxBytes = opts.maxBytes ?? HTML_MAX_BYTES;
  // Pass 1 without images gives the size of everything else; pass 2 spends what is left on them.
  const bare = render(report, opts, makeBudget(undefined, 0, 0), { dropped: 0, missing: 0 });
  const budget = makeBudget(opts.thumbnails, Math.max(0, maxBytes - utf8Length(bare) - 4096), opts.maxPerExperiment ?? HTML_MAX_PER_EXPERIMENT);
  // Left-out counts are known only after rendering: render once to count, once more to say them.
  render(report, opts, budget, { dropped: 0, missing: 0 });
  const counts = { dropped: budget.overSize + budget.overCount, missing: budget.missing };
  const html = render(report, opts, makeBudget(opts.thumbnails, Math.max(0, maxBytes - utf8Length(bare) - 4096), opts.maxPerExperiment ?? HTML_MAX_PER_EXPERIMENT), counts);
  return utf8Length(html) <= maxBytes ? html : bare;
}

function render(report: Report, opts: HtmlOptions, budget: Budget, leftOut: { dropped: number; missing: number }): string {
  const title = `SynthScore report · ${report.real.path}`;
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${CSS}${COMPARISON_CSS}${PANEL_CSS}${report.modality === 'text' ? TEXT_CSS : ''}${report.modality === 'table' ? TABLE_CSS : ''}</style></head><body>`);
  parts.push(`<h1>SynthScore report</h1><p class="meta">Real set “${escapeHtml(report.real.path)}” (${report.real.count} items) · ${escapeHtml(report.modality)} · model ${escapeHtml(report.model.id)} ${escapeHtml(report.model.version)} · ${escapeHtml(report.createdAt)} · ${report.settings.folds}-fold CV, k = ${report.settings.k}, seed ${report.settings.seed}, ${report.settings.bootstrap} bootstrap resamples${opts.generator ? ` · made by ${escapeHtml(opts.generator)}` : ''}</p>`);
  parts.push(`<p class="note">All four scores are in [0, 1] and higher is worse. Indistinguishable sets score about 0.5 (unrealistic, unrepresentative) and 0 (unvaried, unoriginal).</p>`);
  for (const w of report.warnings ?? []) parts.push(`<p class="warn">${escapeHtml(w)}</p>`);

  parts.push(`<h2>Comparison</h2>${comparisonTableHtml(report, escapeHtml)}`);
  parts.push(`<figure class="comparison-chart">${comparisonCharts(report.experiments).map(chartSvg).join('')}<figcaption>${escapeHtml(comparisonCaption(report.experiments))}</figcaption></figure>`);
  parts.push(panelTableHtml(report, escapeHtml));

  const textCut: TextLeftOut = { shortened: 0 };
  // Table sections share 90% of what the page's head and comparison leave.
  const tableAllowance = Math.floor((0.9 * Math.max(0, (opts.maxBytes ?? HTML_MAX_BYTES) - utf8Length(parts.join('')))) / report.experiments.length);
  report.experiments.forEach((ex, i) => parts.push(experimentHtml(report, ex, i, opts, budget, textCut, tableAllowance)));

  const notes: string[] = [];
  if (leftOut.dropped) notes.push(`${leftOut.dropped} thumbnail${leftOut.dropped === 1 ? ' was' : 's were'} left out to keep this file under ${(opts.maxBytes ?? HTML_MAX_BYTES) / 1e6} MB and ${opts.maxPerExperiment ?? HTML_MAX_PER_EXPERIMENT} images per experiment.`);
  if (leftOut.missing) notes.push(`${leftOut.missing} item${leftOut.missing === 1 ? ' is' : 's are'} shown without an image: the files were not at hand when this report was made (or the data are not images).`);
  if (textCut.shortened) notes.push(`${textCut.shortened} long text${textCut.shortened === 1 ? ' was' : 's were'} shortened to keep this file under ${(opts.maxBytes ?? HTML_MAX_BYTES) / 1e6} MB.`);
  notes.push('Each gallery shows only its top items; the JSON report and the per-row CSV hold every row.');
  const skipped = report.skipped.length + report.experiments.reduce((a, e) => a + e.skipped.length, 0);
  if (skipped) notes.push(`${skipped} file${skipped === 1 ? ' was' : 's were'} skipped during the run (listed in the JSON report).`);
  parts.push(`<h2>What this file leaves out</h2><ul class="note" id="left-out">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></body></html>\n`);
  return parts.join('');
}

function experimentHtml(report: Report, ex: Experiment, index: number, opts: HtmlOptions, budget: Budget, textCut: TextLeftOut, tableAllowance: number): string {
  const out: string[] = [`<section class="experiment" id="experiment-${index + 1}"><h2>${escapeHtml(ex.name)}</h2>`];
  out.push(`<p class="meta">synthetic set “${escapeHtml(ex.syntheticPath)}” · ${ex.counts.real} real, ${ex.counts.synthetic} synthetic</p><div class="cards">`);
  for (const k of SCORE_KEYS) {
    const e = ex.scores[k];
    out.push(`<div class="card" data-score="${k}"><h3>${k}</h3><p class="value">${fmt(e.value)}</p><p class="ci">95% ${fmt(e.lo)}–${fmt(e.hi)} · n = ${e.n} (${e.method})</p><p class="ci">indistinguishable ≈ ${BASELINE[k]}</p><p>${MEANING[k]}</p></div>`);
  }
  out.push(`</div><p class="meta">AUC ${est(ex.auc)} · detectability ${est(ex.detectability)} · near-duplicate threshold ${fmt(ex.threshold.value, 4)} (${escapeHtml(ex.threshold.source)}: ${escapeHtml(ex.threshold.note)}) · ${ex.counts.nearDuplicateSets} near-duplicate sets, ${ex.counts.exactDuplicatePairs} exact duplicate pairs</p>`);
  if (ex.classes?.length) {
    out.push(`<details><summary>Per class</summary><table><thead><tr><th>class</th><th>real</th><th>synthetic</th>${TABLE_KEYS.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>`);
    for (const c of ex.classes)
      out.push(`<tr><th>${escapeHtml(c.className)}</th><td>${c.counts.real}</td><td>${c.counts.synthetic}</td>${TABLE_KEYS.map((k) => `<td>${c.scores ? fmt(c.scores[k].value) : '–'}</td>`).join('')}</tr>`);
    out.push(`</tbody></table></details>`);
  }
  const used = { used: 0 };
  if (ex.text) out.push(textEvidenceHtml(ex, { esc: escapeHtml, bytes: utf8Length }, { limits: opts.limits ?? DEFAULT_LIMITS, allowance: textAllowance(opts.maxBytes ?? HTML_MAX_BYTES, report.experiments.length), leftOut: textCut }));
  else if (ex.table) out.push(tableEvidenceHtml(report, ex, { esc: escapeHtml, bytes: utf8Length }, tableAllowance));
  else for (const g of pickGalleries(ex, opts.limits ?? DEFAULT_LIMITS)) out.push(galleryHtml(report, ex, g, budget, used));
  if (ex.map) out.push(mapSvg(ex, opts.mapPoints ?? 2000));
  out.push(`</section>`);
  return out.join('');
}

function galleryHtml(report: Report, ex: Experiment, g: Gallery, budget: Budget, used: { used: number }): string {
  const shown = g.groups.length === 1 && (g.key === 'unrealistic' || g.key === 'unrepresentative') ? g.groups[0].length : g.groups.length;
  const unit = g.key === 'unvaried' || g.key === 'unoriginal' ? 'sets' : 'items';
  const head = `<h3>${escapeHtml(g.title)}</h3><p class="note">${shown} of ${g.available} ${unit}</p>`;
  if (shown === 0) return `${head}`;
  const item = (i: number) => {
    const r = ex.rows[i];
    const src = rowSource(report, ex, i);
    const caption = `<figcaption><b>${r.side}</b> p = ${fmt(r.p)}<br>${escapeHtml(r.path)}</figcaption>`;
    const url = budget.take(thumbKey(src), used);
    const img = url ? `<img src="${url}" alt="${escapeHtml(r.path)}">` : `<div class="noimg">no image</div>`;
    return `<figure class="${r.side}">${img}${caption}</figure>`;
  };
  const body = unit === 'sets'
    ? g.groups.map((grp) => `<div class="set">${grp.map(item).join('')}</div>`).join('')
    : g.groups[0].map(item).join('');
  return `${head}<div class="gallery" data-gallery="${g.key}">${body}</div>`;
}

function mapSvg(ex: Experiment, maxPoints: number): string {
  const m = ex.map!;
  const n = m.rows.length;
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const dots: string[] = [];
  for (let i = 0; i < n; i += step) {
    const side = ex.rows[m.rows[i]]?.side ?? 'real';
    dots.push(`<circle class="${side}" cx="${Math.round(10 + m.xy[2 * i] * 980)}" cy="${Math.round(10 + m.xy[2 * i + 1] * 980)}" r="5"/>`);
  }
  return `<h3>2-D map (UMAP)</h3><p class="note legend"><span style="color:#2b6cb0">● real</span><span style="color:#dd6b20">● synthetic</span> ${dots.length} of ${m.total} rows${step > 1 || m.rows.length < m.total ? ' (subsample)' : ''}</p>` +
    `<svg viewBox="0 0 1000 1000" width="520" height="520" role="img" aria-label="2-D map">${dots.join('')}</svg>`;
}
