// Under the comparison table: each paired comparison's verdict in words (docs/uncertainty.md §3).
// The differences the 95% intervals support come first; the rest are folded into one count, since
// with five experiments there are 40 comparisons and most say nothing.
import type { Comparison } from '../../../report/schema.ts';
import { splitVerdicts } from '../../../report/comparison-verdicts.ts';

export function VerdictList({ comparisons }: { comparisons: readonly Comparison[] }) {
  if (comparisons.length === 0) return null; // one experiment: nothing to compare
  const { differences, none } = splitVerdicts(comparisons);
  return (
    <section className="comparison-verdicts" data-testid="comparison-verdicts" aria-label="Paired comparisons">
      {differences.length > 0 ? (
        <>
          <p>Differences the 95% intervals support (lower is better for all four scores):</p>
          <ul>
            {differences.map((c) => (
              <li key={`${c.score}|${c.a}|${c.b}`} data-testid="verdict" data-score={c.score} data-verdict={c.verdict}>{c.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="verdict-none">No comparison shows a difference the 95% intervals support.</p>
      )}
      {none.length > 0 && (
        <details data-testid="no-difference" data-count={none.length}>
          <summary>No difference detected: {none.length} of {comparisons.length} comparisons</summary>
          <ul>{none.map((c) => <li key={`${c.score}|${c.a}|${c.b}`}>{c.text}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
