// The characters two texts do not share, as runs per side (diffChars from the `diff` package): on
// the left what only the first text has, on the right what only the second has. Used by the app's
// pair view and the HTML report.
import { diffChars } from 'diff';

export type Run = [text: string, changed: boolean];

export function sideRuns(a: string, b: string): { left: Run[]; right: Run[] } {
  const left: Run[] = [], right: Run[] = [];
  for (const part of diffChars(a, b)) {
    if (part.added) right.push([part.value, true]);
    else if (part.removed) left.push([part.value, true]);
    else { left.push([part.value, false]); right.push([part.value, false]); }
  }
  return { left, right };
}
