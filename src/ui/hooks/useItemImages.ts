// Where a gallery item's picture comes from: the dropped File while the page holds it (an object
// URL, full size), else the small JPEG stored per content hash in IndexedDB (so galleries still
// show images after a reload), else nothing and the gallery shows the path and scores.
// useThumbnailWriter stores those JPEGs (max side 96 px) for every item of a fresh report.
import { createContext, useEffect, useMemo } from 'react';
import type { Experiment, Report } from '../../report/schema.ts';
import type { FileSets } from '../../pipeline/browser-env.ts';
import { getThumbnail, putThumbnails, storedThumbnailHashes } from '../../storage/idb-cache.ts';
import { isServedDemo } from '../demo.ts';

export const THUMBNAIL_SIZE = 96;

export interface ItemImages {
  /** An object URL for the row's dropped file, or null when the page does not hold it. */
  fileUrl(ex: Experiment, row: number): string | null;
  /** An object URL for the stored thumbnail of a content hash, or null. */
  thumbUrl(hash: string): Promise<string | null>;
}

export const ItemImagesContext = createContext<ItemImages | null>(null);

type Lookup = (root: string, path: string) => Blob | null;

function fileLookup(files: FileSets | null): Lookup {
  const byRoot = new Map<string, Map<string, Blob>>();
  return (root, path) => {
    const set = files?.[root];
    if (!set) return null;
    let m = byRoot.get(root);
    if (!m) byRoot.set(root, (m = new Map(set.files.map((f) => [f.path, f.file]))));
    return m.get(path) ?? null;
  };
}

const rootOf = (report: Report, ex: Experiment, row: number) => (ex.rows[row].side === 'real' ? report.real.path : ex.syntheticPath);

// Stored thumbnails are per content hash, the same for every report the page shows: one object URL
// each, kept up to THUMB_URLS (then the least recently asked for is revoked). Not tied to a
// component's effects, so a cleanup React runs while the galleries stay on screen loses nothing.
const THUMB_URLS = 4000;
const thumbUrls = new Map<string, Promise<string | null>>();

export function thumbnailUrl(hash: string, loadThumb: (hash: string) => Promise<Blob | undefined> = getThumbnail): Promise<string | null> {
  const hit = thumbUrls.get(hash);
  if (hit) {
    thumbUrls.delete(hash); // most recent last
    thumbUrls.set(hash, hit);
    return hit;
  }
  const p = loadThumb(hash).then((b) => (b ? URL.createObjectURL(b) : null), () => null);
  thumbUrls.set(hash, p);
  // None stored yet (the writer may still be at work): ask the store again next time.
  void p.then((u) => { if (!u && thumbUrls.get(hash) === p) thumbUrls.delete(hash); });
  for (const [oldest, old] of thumbUrls) {
    if (thumbUrls.size <= THUMB_URLS) break;
    thumbUrls.delete(oldest);
    void old.then((u) => u && URL.revokeObjectURL(u));
  }
  return p;
}

export function createItemImages(report: Report, files: FileSets | null, loadThumb: (hash: string) => Promise<Blob | undefined> = getThumbnail) {
  const lookup = fileLookup(files);
  const urls = new Map<string, string>();
  const images: ItemImages & { dispose(): void } = {
    fileUrl(ex, row) {
      const root = rootOf(report, ex, row), path = ex.rows[row].path, key = `${root}\u0000${path}`;
      let url = urls.get(key);
      if (url === undefined) {
        const blob = lookup(root, path);
        if (!blob) return null;
        urls.set(key, (url = URL.createObjectURL(blob)));
      }
      return url;
    },
    thumbUrl: (hash) => thumbnailUrl(hash, loadThumb),
    /** Revokes the files' URLs; a later call makes new ones (React may clean up and reuse a memo). */
    dispose() {
      for (const u of urls.values()) URL.revokeObjectURL(u);
      urls.clear();
    },
  };
  return images;
}

export function useItemImages(report: Report, files: FileSets | null): ItemImages {
  const images = useMemo(() => createItemImages(report, files), [report, files]);
  useEffect(() => () => images.dispose(), [images]);
  useThumbnailWriter(report, files);
  return images;
}

/** A JPEG whose longer side is THUMBNAIL_SIZE px, or null when the file does not decode. */
export async function makeThumbnail(file: Blob, size = THUMBNAIL_SIZE): Promise<Blob | null> {
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, size / Math.max(bmp.width, bmp.height));
    const w = Math.max(1, Math.round(bmp.width * scale)), h = Math.max(1, Math.round(bmp.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff'; // JPEG has no alpha
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bmp, 0, 0, w, h);
    bmp.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return null;
  }
}

/** After a run, stores a thumbnail per content hash that has none yet (16 at a time, in the background).
 *  Not for the served demo: its images come from the origin on every visit. */
export function useThumbnailWriter(report: Report, files: FileSets | null) {
  useEffect(() => {
    if (!files || isServedDemo(files) || typeof indexedDB === 'undefined' || typeof OffscreenCanvas === 'undefined') return;
    let stop = false;
    void (async () => {
      const have = await storedThumbnailHashes();
      const lookup = fileLookup(files);
      const todo = new Map<string, Blob>();
      for (const ex of report.experiments)
        ex.rows.forEach((r, i) => {
          const hash = ex.hashes?.[i];
          if (!hash || have.has(hash) || todo.has(hash)) return;
          const blob = lookup(rootOf(report, ex, i), r.path);
          if (blob) todo.set(hash, blob);
        });
      const entries = [...todo];
      for (let j = 0; j < entries.length && !stop; j += 16) {
        const made = await Promise.all(entries.slice(j, j + 16).map(async ([hash, file]) => ({ hash, blob: await makeThumbnail(file) })));
        await putThumbnails(made.filter((m): m is { hash: string; blob: Blob } => m.blob !== null));
      }
    })().catch(() => { /* thumbnails are a convenience: a full or blocked store only loses them */ });
    return () => { stop = true; };
  }, [report, files]);
}
