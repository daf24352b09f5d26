// What a comparison table marks (the app and the HTML export), read from Report.comparisons (docs/uncertainty.md §3): each
// comparison is B − A for one score with its 95% interval, and all four scores are better lower.
// Pure, so the rules are tested without rendering.
import type { ScoreKey } from './meaning.ts';
import { TABLE_KEYS } from './meaning.ts';
import type { Comparison } from './schema.ts';

const hasDifference = (c: Comparison) => c.verdict !== 'no difference detected';

/** The experiment a comparison with a difference says is better (lower), or null for no difference. */
export function betterOf(c: Comparison): string | null {
  if (c.verdict === 'lower') return c.b;
  if (c.verdict === 'higher') return c.a;
  return null;
}

const cellKey = (experiment: string, score: ScoreKey) => `${experiment}\u0000${score}`;

/**
 * The cells to mark as better: an experiment whose score is detectably lower than at least one
 * other experiment's and detectably higher than none. One "best" cell when the differences are
 * clear; several when the intervals cannot order the leaders; none when nothing differs.
 */
export function betterCells(comparisons: readonly Comparison[]): Set<string> {
  const wins = new Set<string>(), losses = new Set<string>();
  for (const c of comparisons) {
    const better = betterOf(c);
    if (better === null) continue;
    const worse = better === c.a ? c.b : c.a;
    wins.add(cellKey(better, c.score));
    losses.add(cellKey(worse, c.score));
  }
  return new Set([...wins].filter((k) => !losses.has(k)));
}

export const isBetter = (cells: Set<string>, experiment: string, score: ScoreKey) => cells.has(cellKey(experiment, score));

/** Every verdict that involves one cell, differences first: the cell's hover text. */
export function cellVerdicts(comparisons: readonly Comparison[], experiment: string, score: ScoreKey): string {
  const mine = comparisons.filter((c) => c.score === score && (c.a === experiment || c.b === experiment));
  return [...mine.filter(hasDifference), ...mine.filter((c) => !hasDifference(c))].map((c) => c.text).join('\n');
}

/**
 * The comparisons for the list under the table: those with a difference, in the table's column
 * order and largest difference first within a score; then those without.
 */
export function splitVerdicts(comparisons: readonly Comparison[]): { differences: Comparison[]; none: Comparison[] } {
  const column = (c: Comparison) => TABLE_KEYS.indexOf(c.score);
  const differences = comparisons
    .filter(hasDifference)
    .sort((x, y) => column(x) - column(y) || Math.abs(y.difference.value) - Math.abs(x.difference.value));
  const none = comparisons.filter((c) => !hasDifference(c)).sort((x, y) => column(x) - column(y));
  return { differences, none };
}
