// An image's cache record: its embedding, its copy descriptor (core/image/), its five pixel issue
// scores (core/image/image-issues.ts, in PIXEL_ISSUE_KINDS order) and its width and height, all from
// one decode, so one lookup gives them all and a cached image is never decoded again. This file is
// the one place that knows the layout. The layout is part of the cache's key: a new descriptor or
// layout never reads records of an old one.
import { COPY_DESCRIPTOR } from '../../core/image/copy-descriptor.ts';
import { PIXEL_ISSUE_KINDS } from '../../core/image/image-issues.ts';
import type { ModelManifest } from '../../models/manifest.ts';

/** The record layout's version: bumped whenever the fields after the embedding change. */
const RECORD_LAYOUT = 'issues1';
/** Issue scores per record, then width and height. */
export const RECORD_ISSUES = PIXEL_ISSUE_KINDS.length;
export const RECORD_SIZE = 2;
const TAIL = COPY_DESCRIPTOR.dim + RECORD_ISSUES + RECORD_SIZE;

/**
 * The vector cache's key for a model. A built-in is named by id@version (unchanged since the first
 * cache). A user's model (`sha256` given) is named by its file's SHA-256 and a digest of how it is
 * fed and read (input spec, output name): two different files, or one file read two ways, never
 * share an entry, whatever their manifests call them (docs/models.md, "Caching").
 */
export function imageCacheKey(manifest: ModelManifest, suffix = '', sha256?: string): string {
  const model = sha256 ? `user-${sha256}+in${readingDigest(manifest)}` : `${manifest.id}@${manifest.version}`;
  return `${model}+${COPY_DESCRIPTOR.id}+${RECORD_LAYOUT}${suffix}`;
}

/** FNV-1a (32-bit, hex) of what changes a user model's vectors besides its file. */
function readingDigest(m: ModelManifest): string {
  const { layout, width, height, range, mean, std, colour } = m.input;
  const text = JSON.stringify([m.input.name, layout, width, height, range, mean ?? null, std ?? null, colour ?? 'RGB', m.output.name]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function imageRecordDim(manifest: ModelManifest): number {
  return manifest.output.dimension + TAIL;
}

export interface ImageRecordFields {
  vector: Float32Array;
  descriptor: Float32Array;
  /** RECORD_ISSUES scores, in PIXEL_ISSUE_KINDS order. */
  issues: Float32Array;
  /** [width, height] of the decoded image. */
  size: Float32Array;
}

export function joinRecord(f: ImageRecordFields): Float32Array {
  if (f.issues.length !== RECORD_ISSUES || f.size.length !== RECORD_SIZE) throw new Error(`joinRecord: ${f.issues.length} issue scores and ${f.size.length} size values`);
  const r = new Float32Array(f.vector.length + f.descriptor.length + RECORD_ISSUES + RECORD_SIZE);
  let at = 0;
  for (const part of [f.vector, f.descriptor, f.issues, f.size]) { r.set(part, at); at += part.length; }
  return r;
}

/** Views into `record` (no copy); `dim` is the embedding's dimension. */
export function splitRecord(record: Float32Array, dim: number): ImageRecordFields {
  const d = dim + COPY_DESCRIPTOR.dim, i = d + RECORD_ISSUES;
  return { vector: record.subarray(0, dim), descriptor: record.subarray(dim, d), issues: record.subarray(d, i), size: record.subarray(i, i + RECORD_SIZE) };
}
