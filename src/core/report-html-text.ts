// The text parts of the HTML report (report-html.ts dispatches here for text experiments): the
// findings as small inline SVG charts, the top text cards of each gallery (snippet, full text in a
// <details>), and near-duplicate pairs with the differing characters marked. Everything is escaped;
// the full texts of one experiment share a character allowance so the file stays size-bounded.
import { SIDE_COLOUR } from '../report/charts/shapes.ts';
import { chartSvg } from '../report/charts/svg.ts';
import { textFindingFigures } from '../report/charts/text-findings.ts';
import { fmt } from '../report/meaning.ts';
import type { Experiment, TextFindings } from '../report/schema.ts';
import { joinedBy } from '../report/threshold-text.ts';
import { pickGalleries, type Gallery, type GalleryLimits } from './report-galleries.ts';
import { sideRuns, type Run } from './text/char-diff.ts';
import { orderedPairs } from './text/pair-order.ts';

/** The report's escaper, passed in (report-html.ts owns it) so this file does not import its caller. */
export type Escape = (s: string) => string;
/** report-html.ts's helpers: the escaper and the UTF-8 byte length. */
export interface HtmlText { esc: Escape; bytes(s: string): number }

export const SNIPPET_CHARS = 240;
/** Pairs shown per experiment, and the characters of each side that are diffed and shown. */
export const HTML_PAIRS = 12;
export const PAIR_CHARS = 2000;

export const TEXT_CSS = `.tcards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.5rem;margin:.4rem 0 1rem}
.tset{border:1px solid #ccd;border-radius:8px;padding:.3rem;display:flex;flex-direction:column;gap:.3rem}
.tcard{background:#fff;border:1px solid #dde;border-radius:8px;padding:.3rem .5rem;font-size:.85rem}.tcard .who{font-size:.72rem;color:#556;margin:0;overflow-wrap:anywhere}
.tcard p,.tpair p{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0}.tcard summary{font-size:.75rem;color:#2b6cb0;cursor:pointer}
.tpair{background:#fff;border:1px solid #dde;border-radius:8px;padding:.3rem .5rem;margin:.4rem 0;font-size:.85rem}.tpair .sides{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
mark.del{background:#ffd6d6}mark.ins{background:#c9f2c9}.findings{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.finding{background:#fff;border:1px solid #dde;border-radius:8px;padding:.4rem .6rem;font-size:.8rem;margin:0;width:auto;max-width:520px}.finding figcaption{font-weight:600;margin-bottom:.3rem}.finding svg{border:0}`;

const { real: REAL, synthetic: SYNTH } = SIDE_COLOUR;

/** What the text parts had to shorten, for the report's "left out" list. */
export interface TextLeftOut { shortened: number }

/** Bytes of escaped full text each experiment may embed: 60% of the file, shared by the experiments. */
export function textAllowance(maxBytes: number, experiments: number): number {
  return Math.min(1_000_000, Math.floor((0.6 * maxBytes) / Math.max(1, experiments)));
}

export function textEvidenceHtml(ex: Experiment, h: HtmlText, opts: { limits: GalleryLimits; allowance: number; leftOut: TextLeftOut }): string {
  const t = ex.text;
  if (!t) return '<p class="note">This experiment carries no text evidence.</p>';
  const esc = h.esc;
  let left = opts.allowance;
  /** The text, cut to what the allowance still holds (counted once per cut). Snippets are not counted. */
  const spend = (text: string): string => {
    const cost = h.bytes(esc(text));
    if (cost <= left) { left -= cost; return text; }
    const take = Math.floor((text.length * Math.max(0, left)) / cost);
    left -= h.bytes(esc(text.slice(0, take)));
    opts.leftOut.shortened++;
    return `${text.slice(0, take)}… [${text.length - take} more characters in the JSON report]`;
  };
  const card = (i: number, score: string): string => {
    const r = ex.rows[i];
    const text = t.texts[i] ?? '';
    const who = `<p class="who"><b style="color:${r.side === 'real' ? REAL : SYNTH}">${r.side}</b> ${score} · ${esc(r.path)}</p>`;
    if (text.length <= SNIPPET_CHARS) return `<div class="tcard" data-row="${i}">${who}<p>${esc(text)}</p></div>`;
    const snippet = `${text.slice(0, SNIPPET_CHARS).trimEnd()}…`;
    return `<div class="tcard" data-row="${i}">${who}<p>${esc(snippet)}</p><details><summary>Full text (${text.length} characters)</summary><p>${esc(spend(text))}</p></details></div>`;
  };
  const out = [findingsHtml(t.findings, esc)];
  for (const g of pickGalleries(ex, opts.limits)) out.push(galleryCards(ex, g, card, esc));
  out.push(pairsHtml(ex, esc, spend));
  return out.join('');
}

function galleryCards(ex: Experiment, g: Gallery, card: (i: number, score: string) => string, esc: Escape): string {
  const sets = g.key === 'unvaried' || g.key === 'unoriginal';
  const shown = sets ? g.groups.length : g.groups[0].length;
  const head = `<h3>${esc(g.title.replaceAll('items', 'texts'))}</h3><p class="note">${shown} of ${g.available} ${sets ? 'sets' : 'texts'}</p>`;
  if (shown === 0) return head;
  const score = (i: number) => g.key === 'unrepresentative' ? `1 − p = ${fmt(1 - ex.rows[i].p)}` : `p = ${fmt(ex.rows[i].p)}`;
  const body = sets
    ? g.groups.map((grp) => `<div class="tset">${grp.map((i) => card(i, score(i))).join('')}</div>`).join('')
    : g.groups[0].map((i) => card(i, score(i))).join('');
  return `${head}<div class="tcards" data-gallery="${g.key}">${body}</div>`;
}

function runsHtml(runs: Run[], kind: 'del' | 'ins', esc: Escape): string {
  return runs.map(([s, changed]) => (changed ? `<mark class="${kind}">${esc(s)}</mark>` : esc(s))).join('');
}

function pairsHtml(ex: Experiment, esc: Escape, spend: (s: string) => string): string {
  const t = ex.text!;
  const pairs = orderedPairs(ex);
  const head = `<h3>Near-duplicate pairs</h3><p class="note">${Math.min(HTML_PAIRS, pairs.length)} of ${pairs.length} pairs with a synthetic text, copies of real texts first. Joined by ${joinedBy(ex)} or as exact copies. Characters only the left text has are marked red, only the right green.</p>`;
  if (!pairs.length) return `${head}<p class="note">No synthetic text is a near-duplicate of another text.</p>`;
  const cut = (s: string) => (s.length > PAIR_CHARS ? s.slice(0, PAIR_CHARS) : s);
  const body = pairs.slice(0, HTML_PAIRS).map((p) => {
    const a = cut(t.texts[p.a] ?? ''), b = cut(t.texts[p.b] ?? '');
    // Each side's text is spent from the allowance; a side cut by it is shown plain (no diff).
    const [sa, sb] = [spend(a), spend(b)];
    const runs = sa === a && sb === b ? sideRuns(a, b) : { left: [[sa, false]] as Run[], right: [[sb, false]] as Run[] };
    const side = (i: number, html: string) => `<div><p class="who"><b style="color:${ex.rows[i].side === 'real' ? REAL : SYNTH}">${ex.rows[i].side}</b> · ${esc(ex.rows[i].path)}</p><p>${html}</p></div>`;
    const facts = [p.reason, p.distance !== null ? `distance ${fmt(p.distance, 4)}` : '', p.copyDistance !== null ? `Jaccard ${fmt(1 - p.copyDistance)}` : ''].filter(Boolean).join(' · ');
    return `<div class="tpair" data-reason="${p.reason}"><p class="who">${esc(facts)}</p><div class="sides">${side(p.a, runsHtml(runs.left, 'del', esc))}${side(p.b, runsHtml(runs.right, 'ins', esc))}</div></div>`;
  });
  return head + body.join('');
}

function findingsHtml(f: TextFindings, esc: Escape): string {
  const swatch = (side: 'real' | 'synthetic') => `<span style="color:${SIDE_COLOUR[side]}">■</span>`;
  const figures = textFindingFigures(f).map((g) => {
    const legend = g.legend ? `<p class="note">${swatch('real')} ${esc(g.legend.real)} ${swatch('synthetic')} ${esc(g.legend.synthetic)}${g.legend.after ? ` · ${esc(g.legend.after)}` : ''}</p>` : '';
    return `<figure class="finding" data-finding="${g.key}"><figcaption>${esc(g.caption)}</figcaption>${g.chart ? chartSvg(g.chart) : `<p class="note">${esc(g.empty ?? '')}</p>`}${legend}</figure>`;
  });
  return `<h3>Findings</h3><div class="findings">${figures.join('')}</div>`;
}
