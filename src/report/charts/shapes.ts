// The shapes a chart is made of, in the chart's own coordinates: the geometry modules beside this
// file compute them once, and two renderers draw them (svg.ts: an SVG string for the script-free
// HTML export; src/ui/components/charts/SvgChart.tsx: JSX for the app).

/** data-* attributes, written by both renderers (`{ score: 'unvaried' }` → data-score="unvaried"). */
export type Data = Record<string, string | number>;

interface Common {
  className?: string;
  /** A tooltip (<title>). */
  title?: string;
}

export interface Rect extends Common {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
}
export interface Line extends Common {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke?: string;
  data?: Data;
}
export interface Label extends Common {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  fontSize?: number;
  anchor?: 'start' | 'middle' | 'end';
}

export interface Group extends Common {
  kind: 'group';
  children: Shape[];
  data?: Data;
  /** The app's test id (data-testid); the HTML export leaves it out. */
  testId?: string;
  /** The index of the thing the group stands for (an experiment), so the app can make it clickable. */
  item?: number;
}

export type Shape = Rect | Line | Label | Group;

export interface Chart {
  width: number;
  height: number;
  /** The accessible name (aria-label). */
  label: string;
  className?: string;
  data?: Data;
  shapes: Shape[];
}

/** Real and synthetic, wherever a chart colours by side without a stylesheet. */
export const SIDE_COLOUR = { real: '#2b6cb0', synthetic: '#dd6b20' } as const;
