// One score's real-vs-real value, for a card that shows a single experiment's scores: the value a
// set as good as real data gets here, beside the ideal baseline. Nothing for older reports.
import { fmt } from '../../../report/meaning.ts';
import type { Estimate } from '../../../report/schema.ts';
import { REFERENCE_LABEL } from './ReferenceRow.tsx';

export function ReferenceValue({ score, reference }: { score: string; reference: Estimate | undefined }) {
  if (!reference) return null;
  return (
    <p className="reference-value" data-testid={`reference-value-${score}`}
      title={`Two halves of the real set scored against each other: 95% ${fmt(reference.lo)}–${fmt(reference.hi)}`}>
      {REFERENCE_LABEL}: {fmt(reference.value)}
    </p>
  );
}
