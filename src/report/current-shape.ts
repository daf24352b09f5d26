// The shape of the report this build writes and reads (REPORT_VERSION's pinned snapshot; the
// snapshot test checks this is that version's file).
import shape from './shapes/v3.json';
import type { Shape } from './validate-shape.ts';

export const CURRENT_SHAPE: Shape = shape;
