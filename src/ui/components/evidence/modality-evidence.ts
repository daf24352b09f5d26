// What each modality puts into the evidence frame (EvidenceFrame.tsx): its own evidence, what a
// clicked map point shows, and whether the near-duplicate threshold can move. Adding a modality
// is one line here.
import type { ComponentType } from 'react';
import type { Experiment, Modality } from '../../../report/schema.ts';
import { MapRow } from '../table/MapRow.tsx';
import { TableEvidence } from '../table/TableEvidence.tsx';
import { TextEvidence } from '../text/TextEvidence.tsx';
import { TextMapItem } from '../text/TextMapItem.tsx';
import type { EvidenceSlotProps } from './evidence-slot.ts';
import { ImageEvidence } from './ImageEvidence.tsx';

export interface ModalityEvidence {
  /** The modality's own evidence, drawn between the per-class table and the map. */
  Evidence: ComponentType<EvidenceSlotProps>;
  /** What a clicked point of the map shows; without it, the item's image. */
  MapItem?: ComponentType<{ ex: Experiment; row: number }>;
  /**
   * Show the threshold control even when a report has no neighbour graph (it then says the
   * threshold cannot move). Any report with a graph gets the control and its slider.
   */
  movableThreshold: boolean;
}

export const MODALITY_EVIDENCE: Record<Modality, ModalityEvidence> = {
  image: { Evidence: ImageEvidence, movableThreshold: true },
  text: { Evidence: TextEvidence, MapItem: TextMapItem, movableThreshold: false },
  table: { Evidence: TableEvidence, MapItem: MapRow, movableThreshold: false },
};
