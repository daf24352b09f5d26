// An image experiment's own evidence: the four galleries, with the pictures from the dropped files
// or the stored thumbnails.
import { ItemImagesContext, useItemImages } from '../../hooks/useItemImages.ts';
import { Galleries } from './Galleries.tsx';
import type { EvidenceSlotProps } from './evidence-slot.ts';

export function ImageEvidence({ report, experiment, view, files }: EvidenceSlotProps) {
  const images = useItemImages(report, files);
  return (
    <ItemImagesContext.Provider value={images}>
      <Galleries ex={experiment} view={view} />
    </ItemImagesContext.Provider>
  );
}
