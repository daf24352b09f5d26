// Text findings as small charts: word-count distributions (real vs synthetic), vocabulary richness
// (distinct-1/2) and the phrases synthetic text over-uses relative to real text.
import { shorten } from '../cells.ts';
import { fmt } from '../meaning.ts';
import type { TextFindings } from '../schema.ts';
import { SIDE_COLOUR, type Chart, type Shape } from './shapes.ts';

const { real: REAL, synthetic: SYNTH } = SIDE_COLOUR;

/** One finding as both views show it: caption, chart (null: nothing to draw) and legend. */
export interface TextFindingFigure {
  key: 'lengths' | 'distinct' | 'overused';
  caption: string;
  chart: Chart | null;
  /** The words after each side's swatch, and after both. */
  legend?: { real: string; synthetic: string; after?: string };
  /** Said instead of a chart. */
  empty?: string;
}

/** The findings in order; lengths are left out when no text has a word. */
export function textFindingFigures(f: TextFindings): TextFindingFigure[] {
  const out: TextFindingFigure[] = [];
  const lengths = lengthChart(f);
  if (lengths)
    out.push({
      key: 'lengths',
      chart: lengths,
      caption: `Length (words per text) · median real ${fmt(f.length.real.words.median, 0)}, synthetic ${fmt(f.length.synthetic.words.median, 0)}`,
      legend: { real: `real (${f.length.real.n})`, synthetic: `synthetic (${f.length.synthetic.n})`, after: 'share of texts' },
    });
  out.push({
    key: 'distinct',
    caption: 'Vocabulary richness (unique ÷ all word 1- and 2-grams)',
    chart: distinctChart(f),
    legend: { real: 'real', synthetic: 'synthetic' },
  });
  out.push({
    key: 'overused',
    caption: 'Phrases synthetic text over-uses (log-odds z against real)',
    chart: overusedChart(f),
    empty: 'None stands out.',
  });
  return out;
}

/** Word-count histogram buckets either side uses, from the first to the last; null when no text has words. */
function lengthChart(f: TextFindings): Chart | null {
  const { real, synthetic } = f.length;
  const share = (c: number[], n: number) => c.map((x) => (n ? x / n : 0));
  const r = share(real.histogram.counts, real.n),
    s = share(synthetic.histogram.counts, synthetic.n);
  const used = r.map((x, i) => x > 0 || s[i] > 0);
  const lo = used.indexOf(true),
    hi = used.lastIndexOf(true);
  if (lo < 0) return null;
  const idx = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const max = Math.max(...idx.map((i) => Math.max(r[i], s[i])), 1e-9);
  const W = 32,
    H = 80;
  const label = (i: number) => {
    const u = real.histogram.upper[i],
      l = i === 0 ? 0 : real.histogram.upper[i - 1] + 1;
    return u >= Number.MAX_SAFE_INTEGER ? `${l}+` : l === u ? `${u}` : `${l}–${u}`;
  };
  // One bar of a bucket: the share of a side's texts, real left, synthetic right.
  const bar = (x: number, share: number, fill: string, side: string, i: number): Shape => ({
    kind: 'rect',
    x,
    y: H - (share / max) * H,
    width: 9,
    height: (share / max) * H,
    fill,
    title: `${side} ${label(i)} words: ${(share * 100).toFixed(1)}%`,
  });
  const shapes: Shape[] = idx.map((i, k) => {
    const x = 4 + k * W;
    return {
      kind: 'group',
      children: [
        bar(x + 3, r[i], REAL, 'real', i),
        bar(x + 13, s[i], SYNTH, 'synthetic', i),
        { kind: 'text', x: x + W / 2, y: H + 12, fontSize: 8, anchor: 'middle', text: label(i) },
      ],
    };
  });
  return { width: idx.length * W + 8, height: H + 18, label: 'word-count distribution, real vs synthetic', shapes };
}

function distinctChart(f: TextFindings): Chart {
  const rows: [string, number, number][] = [
    ['distinct-1', f.distinct.real.d1, f.distinct.synthetic.d1],
    ['distinct-2', f.distinct.real.d2, f.distinct.synthetic.d2],
  ];
  const W = 160;
  const shapes: Shape[] = rows.map(([name, r, s], k) => {
    const y = k * 34;
    return {
      kind: 'group',
      testId: `distinct-${name}`,
      data: { real: r, synthetic: s },
      children: [
        { kind: 'text', x: 0, y: y + 14, fontSize: 10, text: name },
        { kind: 'rect', x: 62, y: y + 4, width: r * W, height: 10, fill: REAL, title: `real ${fmt(r)}` },
        { kind: 'rect', x: 62, y: y + 16, width: s * W, height: 10, fill: SYNTH, title: `synthetic ${fmt(s)}` },
        { kind: 'text', x: 66 + W, y: y + 13, fontSize: 9, text: fmt(r) },
        { kind: 'text', x: 66 + W, y: y + 25, fontSize: 9, text: fmt(s) },
      ],
    };
  });
  return { width: 100 + W, height: 68, label: 'distinct-1 and distinct-2, real vs synthetic', shapes };
}

/** The ten phrases synthetic text over-uses most, by z; null when none stands out. */
function overusedChart(f: TextFindings): Chart | null {
  const top = f.overused.slice(0, 10);
  if (!top.length) return null;
  const max = Math.max(...top.map((p) => p.z), 1e-9);
  const shapes: Shape[] = top.map((p, k) => {
    const y = k * 16;
    return {
      kind: 'group',
      testId: 'overused-phrase',
      children: [
        { kind: 'text', x: 0, y: y + 11, fontSize: 10, text: `“${shorten(p.phrase, 29)}”` },
        { kind: 'rect', x: 170, y: y + 3, width: (p.z / max) * 120, height: 9, fill: SYNTH },
        { kind: 'text', x: 296, y: y + 11, fontSize: 9, text: `z ${fmt(p.z, 1)} · ${p.synthetic}× synthetic, ${p.real}× real` },
      ],
    };
  });
  return { width: 460, height: top.length * 16 + 4, label: 'over-used phrases', shapes };
}
