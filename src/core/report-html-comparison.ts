// The HTML export's comparison table (see report-html.ts): the real-vs-real reference first (what
// indistinguishable looks like with this model and these rows), then each experiment, with the
// better value of a score marked where a paired comparison says the difference is real, and the
// verdicts listed beneath (docs/uncertainty.md §3). The marking rule is the app's
// (src/report/comparison-verdicts.ts): lower is better for all four scores; a cell is marked
// when its experiment is detectably lower than at least one other and detectably higher than none.
import { betterCells, cellVerdicts, isBetter, splitVerdicts } from '../report/comparison-verdicts.ts';
import { fmt, TABLE_KEYS } from '../report/meaning.ts';
import type { Comparison, Report } from '../report/schema.ts';

export const REFERENCE_ROW_LABEL = 'real vs real: what indistinguishable looks like here';

export const COMPARISON_CSS = `.comparison tr.reference th,.comparison tr.reference td{color:#556;font-style:italic;background:#f3f5f8}
.comparison td.better{font-weight:700;background:#e3f4e8}.verdicts{font-size:.9rem;margin:.4rem 0}.verdicts li{margin:.15rem 0}`;

export function comparisonTableHtml(report: Report, esc: (s: string) => string): string {
  const comparisons = report.comparisons ?? [];
  const better = betterCells(comparisons);
  const out: string[] = [`<table class="comparison"><thead><tr><th>experiment</th>${TABLE_KEYS.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>`];
  const ref = report.reference;
  if (ref) out.push(`<tr class="reference"><th>${esc(REFERENCE_ROW_LABEL)}</th>${TABLE_KEYS.map((k) => `<td data-reference="${k}">${fmt(ref.scores[k].value)}</td>`).join('')}</tr>`);
  for (const ex of report.experiments) {
    const cells = TABLE_KEYS.map((k) => isBetter(better, ex.name, k)
      ? `<td data-score="${k}" class="better" title="${esc(cellVerdicts(comparisons, ex.name, k))}">${fmt(ex.scores[k].value)}</td>`
      : `<td data-score="${k}">${fmt(ex.scores[k].value)}</td>`);
    out.push(`<tr><th>${esc(ex.name)}</th>${cells.join('')}</tr>`);
  }
  out.push(`</tbody></table>`);
  out.push(verdictsHtml(comparisons, esc));
  return out.join('');
}

/** The verdicts beneath the table: each difference in words, then the count (and list) of the others. */
function verdictsHtml(comparisons: readonly Comparison[], esc: (s: string) => string): string {
  if (!comparisons.length) return '';
  const { differences, none } = splitVerdicts(comparisons);
  const out: string[] = [`<p class="note">Paired comparisons: each score, B − A with its 95% interval; lower is better, and a marked value is detectably better than another set's.</p>`];
  if (differences.length) out.push(`<ul class="verdicts" data-verdicts="differences">${differences.map((c) => `<li data-verdict="${c.verdict}">${esc(c.text)}</li>`).join('')}</ul>`);
  else out.push(`<p class="verdicts">No comparison found a difference.</p>`);
  if (none.length) out.push(`<details class="verdicts" data-verdicts="none"><summary>No difference detected: ${none.length} of ${comparisons.length} comparisons</summary><ul>${none.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul></details>`);
  return out.join('');
}
