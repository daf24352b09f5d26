// What the pipeline needs from its host. The CLI supplies Node adapters; the app supplies
// browser adapters (workers, IndexedDB). The pipeline itself never touches fs, DOM or onnxruntime.
import type { Gemm } from '../core/gemm.ts';
import type { Side } from '../core/report.ts';
import type { IngestItem, ListedSet } from '../ingest/types.ts';
import type { ModelManifest } from '../models/manifest.ts';
import type { VectorCache } from '../storage/vector-cache.ts';

export interface DecodedImage {
  data: Uint8Array | Uint8ClampedArray; // RGBA
  width: number;
  height: number;
  orientation?: number;
}

export interface ImageEmbedder {
  manifest: ModelManifest;
  /** batch: n × H × W × 3 floats (NHWC, [0,1]) → n × dim, L2-normalised. */
  embed(batch: Float32Array, n: number): Promise<Float32Array>;
}

export interface PipelineEnv {
  listSet(root: string, side: Side, signal?: AbortSignal): Promise<ListedSet>;
  readItem(root: string, item: IngestItem): Promise<Uint8Array>;
  hashBytes(bytes: Uint8Array): Promise<string> | string;
  decodeImage(bytes: Uint8Array, path: string): Promise<DecodedImage>;
  hashPixels(img: DecodedImage): Promise<string> | string;
  embedder: ImageEmbedder;
  cache: VectorCache;
  gemm: Gemm;
}
