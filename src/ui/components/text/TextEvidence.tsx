// The evidence for a text experiment: findings, text cards, near-duplicate pairs.
import type { Experiment } from '../../../core/report.ts';
import { TextCards } from './TextCards.tsx';
import { TextFindings } from './TextFindings.tsx';
import { TextPairs } from './TextPairs.tsx';
import './text.css';

export function TextEvidence({ experiment }: { experiment: Experiment }) {
  if (!experiment.text) return <p className="none">This report has no text evidence for “{experiment.name}”.</p>;
  return (
    <section className="text-evidence" data-testid="text-evidence">
      <TextFindings findings={experiment.text.findings} />
      <TextCards ex={experiment} />
      <TextPairs ex={experiment} />
    </section>
  );
}
