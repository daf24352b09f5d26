// The evidence for a text experiment: findings, text cards, near-duplicate pairs, and the 2-D map
// of the text embeddings (click a point: its text card).
import type { Experiment, Report } from '../../../core/report.ts';
import { MapView } from '../map/MapView.tsx';
import { TextCard } from './TextCard.tsx';
import { TextCards } from './TextCards.tsx';
import { TextFindings } from './TextFindings.tsx';
import { TextPairs } from './TextPairs.tsx';
import './text.css';

export function TextEvidence({ report, experiment }: { report: Report; experiment: Experiment }) {
  const t = experiment.text;
  if (!t) return <p className="none">This report has no text evidence for “{experiment.name}”.</p>;
  const mapCard = (row: number) => {
    const r = experiment.rows[row];
    return (
      <div className="map-item map-text" data-side={r.side}>
        <p><b className={r.side}>{r.side}</b>{r.nearDuplicateSet >= 0 ? ` · near-duplicate set ${r.nearDuplicateSet}` : ''}</p>
        <TextCard path={r.path} text={t.texts[row] ?? ''} score={{ label: 'P(synthetic)', value: r.p }} testId="map-item" />
      </div>
    );
  };
  return (
    <section className="text-evidence" data-testid="text-evidence">
      <TextFindings findings={t.findings} />
      <TextCards ex={experiment} />
      <TextPairs ex={experiment} />
      <MapView report={report} experiment={experiment} files={null} renderItem={mapCard} />
    </section>
  );
}
