// A text experiment's own evidence: findings, text cards and near-duplicate pairs.
import type { Experiment } from '../../../report/schema.ts';
import { TextCards } from './TextCards.tsx';
import { TextFindings } from './TextFindings.tsx';
import { TextPairs } from './TextPairs.tsx';
import './text.css';

export function TextEvidence({ experiment }: { experiment: Experiment }) {
  const t = experiment.text;
  return (
    <section className="text-evidence" data-testid="text-evidence">
      {t ? <>
        <TextFindings findings={t.findings} />
        <TextCards ex={experiment} />
        <TextPairs ex={experiment} />
      </> : <p className="none">This report has no text evidence for “{experiment.name}”.</p>}
    </section>
  );
}
