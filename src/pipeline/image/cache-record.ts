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

export function imageCacheKey(manifest: ModelManifest, suffix = ''): string {
  return `${manifest.id}@${manifest.version}+${COPY_DESCRIPTOR.id}+${RECORD_LAYOUT}${suffix}`;
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
