// Thumbnails for the HTML report on the command line: the files the galleries show, read from
// the set folders and shrunk with sharp to small JPEG data URLs.
import { join } from 'node:path';
import sharp from 'sharp';
import { galleryFiles } from '../core/report-galleries.ts';
import { buildReportHtml } from '../core/report-html.ts';
import type { Report } from '../report/schema.ts';

export const THUMB_SIZE = 96;

export async function makeThumbnails(report: Report, size = THUMB_SIZE): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (report.modality !== 'image') return out;
  for (const f of galleryFiles(report)) {
    try {
      const jpeg = await sharp(join(f.setPath, f.path), { failOn: 'none' })
        .rotate()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 70 })
        .toBuffer();
      out.set(f.key, `data:image/jpeg;base64,${jpeg.toString('base64')}`);
    } catch {
      // A file that moved or no longer decodes is shown without an image; the HTML says so.
    }
  }
  return out;
}

export async function reportHtml(report: Report): Promise<string> {
  return buildReportHtml(report, { thumbnails: await makeThumbnails(report), generator: 'the synthscore command line' });
}
