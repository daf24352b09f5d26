// An image's cache record: its embedding followed by its copy descriptor (core/image/), so one
// lookup gives both and a cached image is never decoded again. The record's layout is part of the
// cache's key: a new descriptor never reads records of an old one.
import { COPY_DESCRIPTOR } from '../../core/image/copy-descriptor.ts';
import type { ModelManifest } from '../../models/manifest.ts';

export function imageCacheKey(manifest: ModelManifest, suffix = ''): string {
  return `${manifest.id}@${manifest.version}+${COPY_DESCRIPTOR.id}${suffix}`;
}

export function imageRecordDim(manifest: ModelManifest): number {
  return manifest.output.dimension + COPY_DESCRIPTOR.dim;
}

export function joinRecord(vector: Float32Array, descriptor: Float32Array): Float32Array {
  const r = new Float32Array(vector.length + descriptor.length);
  r.set(vector, 0);
  r.set(descriptor, vector.length);
  return r;
}

export function splitRecord(record: Float32Array, dim: number): { vector: Float32Array; descriptor: Float32Array } {
  return { vector: record.subarray(0, dim), descriptor: record.subarray(dim) };
}
