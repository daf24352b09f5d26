// What the evidence frame gives the modality's own evidence (its slot).
import type { FileSets } from '../../../pipeline/browser-env.ts';
import type { Experiment, Report } from '../../../report/schema.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';

export interface EvidenceSlotProps {
  report: Report;
  experiment: Experiment;
  /** The near-duplicate sets at the threshold in force. */
  view: NearDuplicateView;
  files: FileSets | null;
}
