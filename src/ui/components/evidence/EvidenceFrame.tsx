// Everything that explains one experiment's scores, in one frame for every modality (as the HTML
// export draws it): the scorecard at the threshold in force, the extended panel under it (issue 14),
// the threshold control where the threshold can move, the per-class table, the modality's own evidence (a slot, see
// modality-evidence.ts) and the 2-D map. Holds the threshold state, reset when the experiment changes.
import { memo } from 'react';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import type { Experiment, Report } from '../../../report/schema.ts';
import { thresholdAt, useNearDuplicates, type NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import { MapView } from '../map/MapView.tsx';
import { PanelView } from '../panel/PanelView.tsx';
import { Scorecard } from '../Scorecard.tsx';
import { ClassTable } from './ClassTable.tsx';
import { MODALITY_EVIDENCE } from './modality-evidence.ts';
import { ThresholdControl } from './ThresholdControl.tsx';
import './evidence.css';

export interface EvidenceFrameProps {
  report: Report;
  experiment: Experiment;
  /** The dropped files of the run that made this report, while the page holds them. */
  files: FileSets | null;
}

// Memoised: the page re-renders while a run goes on; the results shown need not.
export const EvidenceFrame = memo(function EvidenceFrame(props: EvidenceFrameProps) {
  return <FrameBody key={`${props.experiment.name}\u0000${props.experiment.syntheticPath}`} {...props} />;
});

/** The experiment with its duplicate scores and counts at the threshold in force. */
function atThreshold(ex: Experiment, view: NearDuplicateView): Experiment {
  return {
    ...ex,
    scores: { ...ex.scores, unvaried: view.unvaried, unoriginal: view.unoriginal },
    threshold: thresholdAt(ex.threshold, view),
    counts: { ...ex.counts, unvariedRows: view.unvariedRows, unoriginalRows: view.unoriginalRows, nearDuplicateSets: view.sets.length },
  };
}

function FrameBody({ report, experiment: ex, files }: EvidenceFrameProps) {
  const slot = MODALITY_EVIDENCE[report.modality];
  const nd = useNearDuplicates(ex);
  const { view } = nd;
  const MapItem = slot.MapItem;
  return (
    <div className="evidence" data-testid="evidence" data-modality={report.modality}>
      <Scorecard experiment={nd.mode.kind === 'report' ? ex : atThreshold(ex, view)} reference={report.reference?.scores} />
      <PanelView report={report} experiment={ex} files={files} />
      {(slot.movableThreshold || nd.recomputable) && (
        <ThresholdControl ex={ex} view={view} mode={nd.mode} setMode={nd.setMode} recomputable={nd.recomputable} relativeTau={nd.relativeTau} />
      )}
      <ClassTable ex={ex} view={view} realClasses={report.real.classes} />
      <slot.Evidence report={report} experiment={ex} view={view} files={files} />
      <MapView report={report} experiment={ex} files={files} renderItem={MapItem && ((row) => <MapItem ex={ex} row={row} />)} />
    </div>
  );
}
