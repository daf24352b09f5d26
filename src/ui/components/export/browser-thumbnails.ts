// Thumbnails for the HTML export in the browser: the stored 96-px JPEG of a row's content hash
// (IndexedDB thumbnails store) when there is one, else the dropped File shrunk with
// createImageBitmap + OffscreenCanvas. Each becomes a data: URL; a file that is gone is skipped.
import { galleryFiles, type GalleryFile } from '../../../core/report-galleries.ts';
import type { Report } from '../../../report/schema.ts';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import { getThumbnail } from '../../../storage/idb-cache.ts';

const SIZE = 96;

async function toDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'image/jpeg'};base64,${btoa(bin)}`;
}

export async function shrinkToJpeg(blob: Blob, size = SIZE): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  try {
    const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  } finally {
    bitmap.close();
  }
}

export async function browserThumbnails(report: Report, files: FileSets | null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (report.modality !== 'image') return out;
  const byRoot = new Map<string, Map<string, Blob>>();
  const fileOf = (f: GalleryFile): Blob | undefined => {
    const set = files?.[f.setPath];
    if (!set) return undefined;
    let m = byRoot.get(f.setPath);
    if (!m) byRoot.set(f.setPath, (m = new Map(set.files.map((x) => [x.path, x.file]))));
    return m.get(f.path);
  };
  await Promise.all(galleryFiles(report).map(async (f) => {
    try {
      const stored = f.hash ? await getThumbnail(f.hash).catch(() => undefined) : undefined;
      const file = stored ? undefined : fileOf(f);
      const jpeg = stored ?? (file ? await shrinkToJpeg(file) : undefined);
      if (jpeg) out.set(f.key, await toDataUrl(jpeg.type ? jpeg : new Blob([jpeg], { type: 'image/jpeg' })));
    } catch {
      // Undecodable or gone: the HTML shows the item without an image and says so.
    }
  }));
  return out;
}
