// A chart's shapes as an SVG string (the HTML export): coordinates to one decimal, every text
// escaped.
import { escapeHtml as esc } from '../cells.ts';
import type { Chart, Data, Shape } from './shapes.ts';

const n = (v: number) => String(Math.round(v * 10) / 10);
const attr = (name: string, v: string | number | undefined) =>
  v === undefined ? '' : ` ${name}="${typeof v === 'number' ? n(v) : esc(v)}"`;
const data = (d: Data | undefined) =>
  Object.entries(d ?? {})
    .map(([k, v]) => ` data-${k}="${esc(String(v))}"`)
    .join('');
const title = (t: string | undefined) => (t === undefined ? '' : `<title>${esc(t)}</title>`);

function shape(s: Shape): string {
  const cls = attr('class', s.className);
  switch (s.kind) {
    case 'rect': {
      const a = `${cls}${attr('x', s.x)}${attr('y', s.y)}${attr('width', s.width)}${attr('height', s.height)}${attr('fill', s.fill)}`;
      return s.title === undefined ? `<rect${a}/>` : `<rect${a}>${title(s.title)}</rect>`;
    }
    case 'line': {
      const a = `${cls}${attr('x1', s.x1)}${attr('x2', s.x2)}${attr('y1', s.y1)}${attr('y2', s.y2)}${attr('stroke', s.stroke)}${data(s.data)}`;
      return s.title === undefined ? `<line${a}/>` : `<line${a}>${title(s.title)}</line>`;
    }
    case 'text':
      return `<text${cls}${attr('x', s.x)}${attr('y', s.y)}${attr('font-size', s.fontSize)}${attr('text-anchor', s.anchor)}>${esc(s.text)}</text>`;
    case 'group':
      return `<g${cls}${data(s.data)}>${title(s.title)}${s.children.map(shape).join('')}</g>`;
  }
}

export function chartSvg(c: Chart): string {
  return (
    `<svg${attr('class', c.className)} viewBox="0 0 ${n(c.width)} ${n(c.height)}" width="${n(c.width)}" height="${n(c.height)}" role="img"${attr('aria-label', c.label)}${data(c.data)}>` +
    `${c.shapes.map(shape).join('')}</svg>`
  );
}
