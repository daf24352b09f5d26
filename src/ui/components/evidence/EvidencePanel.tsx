// Everything that explains one experiment's scores: the scorecard at the threshold in force, the
// threshold control, the per-class table and the galleries. Holds the threshold state (reset when
// the experiment changes) and the image sources.
import { memo } from 'react';
import type { Experiment, Report } from '../../../core/report.ts';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import { ItemImagesContext, useItemImages } from '../../hooks/useItemImages.ts';
import { useNearDuplicates } from '../../hooks/useNearDuplicates.ts';
import { Scorecard } from '../Scorecard.tsx';
import { ClassTable } from './ClassTable.tsx';
import { Galleries } from './Galleries.tsx';
import { ThresholdControl } from './ThresholdControl.tsx';
import './evidence.css';

export interface EvidencePanelProps {
  report: Report;
  experiment: Experiment;
  /** The dropped files of the run that made this report, while the page holds them. */
  files: FileSets | null;
}

// Memoised: the page re-renders while a run goes on; the results shown need not.
export const EvidencePanel = memo(function EvidencePanel(props: EvidencePanelProps) {
  return <EvidenceBody key={`${props.experiment.name}\u0000${props.experiment.syntheticPath}`} {...props} />;
});

function EvidenceBody({ report, experiment: ex, files }: EvidencePanelProps) {
  const images = useItemImages(report, files);
  const nd = useNearDuplicates(ex);
  const { view } = nd;
  // The scorecard shows the duplicate scores at the threshold in force.
  const shown: Experiment = {
    ...ex,
    scores: { ...ex.scores, unvaried: view.unvaried, unoriginal: view.unoriginal },
    threshold: { value: view.tau, source: view.source, note: view.label },
    counts: { ...ex.counts, unvariedRows: view.unvariedRows, unoriginalRows: view.unoriginalRows, nearDuplicateSets: view.sets.length },
  };
  return (
    <ItemImagesContext.Provider value={images}>
      <div className="evidence" data-testid="evidence">
        <Scorecard experiment={shown} />
        <ThresholdControl ex={ex} view={view} mode={nd.mode} setMode={nd.setMode} recomputable={nd.recomputable} relativeTau={nd.relativeTau} />
        <ClassTable ex={ex} view={view} realClasses={report.real.classes} />
        <Galleries ex={ex} view={view} />
      </div>
    </ItemImagesContext.Provider>
  );
}
