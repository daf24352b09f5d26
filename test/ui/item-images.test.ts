// Gallery image sources: stored thumbnails are cached per content hash for the page, so a gallery
// that outlives a cleanup of its image source still gets them; one not stored yet is asked again.
import { describe, expect, it } from 'vitest';
import { createItemImages, thumbnailUrl } from '../../src/ui/hooks/useItemImages.ts';
import { bigExperiment } from './fixture.ts';

describe('gallery image sources', () => {
  it('serve a stored thumbnail after the source was disposed, and ask again for one not stored yet', async () => {
    const stored = new Map<string, Blob>();
    let reads = 0;
    const load = async (hash: string) => { reads++; return stored.get(hash); };
    const report = { experiments: [bigExperiment(40)] } as unknown as Parameters<typeof createItemImages>[0];
    const images = createItemImages(report, null, load);

    expect(await images.thumbUrl('h-later')).toBeNull(); // the writer has not stored it yet
    stored.set('h-later', new Blob(['jpeg'], { type: 'image/jpeg' }));
    images.dispose(); // React may clean up while the gallery keeps using the same source
    const url = await images.thumbUrl('h-later');
    expect(url).toMatch(/^blob:/);
    expect(reads).toBe(2);

    expect(await thumbnailUrl('h-later', load)).toBe(url); // one URL per hash for the page
    expect(reads).toBe(2);
  });
});
