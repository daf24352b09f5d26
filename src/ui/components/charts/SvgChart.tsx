// A chart's shapes (src/report/charts) as JSX: the same geometry the HTML export writes as an SVG
// string, so each chart is defined once.
import type { Chart, Data, Shape } from '../../../report/charts/shapes.ts';

const dataProps = (d: Data | undefined) => Object.fromEntries(Object.entries(d ?? {}).map(([k, v]) => [`data-${k}`, v]));

function ShapeEl({ s, onItem }: { s: Shape; onItem?: (item: number) => void }) {
  const title = s.title === undefined ? null : <title>{s.title}</title>;
  switch (s.kind) {
    case 'rect':
      return (
        <rect className={s.className} x={s.x} y={s.y} width={s.width} height={s.height} fill={s.fill}>
          {title}
        </rect>
      );
    case 'line':
      return (
        <line className={s.className} x1={s.x1} x2={s.x2} y1={s.y1} y2={s.y2} stroke={s.stroke} {...dataProps(s.data)}>
          {title}
        </line>
      );
    case 'text':
      return (
        <text className={s.className} x={s.x} y={s.y} fontSize={s.fontSize} textAnchor={s.anchor}>
          {s.text}
        </text>
      );
    case 'group': {
      const item = s.item;
      return (
        <g
          className={s.className}
          data-testid={s.testId}
          {...dataProps(s.data)}
          onClick={item !== undefined && onItem ? () => onItem(item) : undefined}
        >
          {title}
          {s.children.map((c, i) => (
            <ShapeEl key={i} s={c} onItem={onItem} />
          ))}
        </g>
      );
    }
  }
}

/** `onItem`: called with a group's item (an experiment's index) when that group is clicked. */
export function SvgChart({ chart, onItem }: { chart: Chart; onItem?: (item: number) => void }) {
  return (
    <svg
      className={chart.className}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      width={chart.width}
      height={chart.height}
      role="img"
      aria-label={chart.label}
      {...dataProps(chart.data)}
    >
      {chart.shapes.map((s, i) => (
        <ShapeEl key={i} s={s} onItem={onItem} />
      ))}
    </svg>
  );
}
