// What the pipeline needs from its host. The CLI supplies Node adapters; the app supplies
// browser adapters (workers, IndexedDB). The pipeline itself never touches fs, DOM or onnxruntime.
import type { DecodedImage, ImageEmbedder } from '../../contracts/embedders.ts';
import type { Gemm } from '../../core/gemm.ts';
import type { Side } from '../../report/schema.ts';
import type { IngestItem, ListedSet } from '../../ingest/types.ts';
import type { VectorCache } from '../../storage/vector-cache.ts';

export type { DecodedImage, ImageEmbedder };

export interface PipelineEnv {
  listSet(root: string, side: Side, signal?: AbortSignal): Promise<ListedSet>;
  readItem(root: string, item: IngestItem): Promise<Uint8Array>;
  hashBytes(bytes: Uint8Array): Promise<string> | string;
  decodeImage(bytes: Uint8Array, path: string): Promise<DecodedImage>;
  hashPixels(img: DecodedImage): Promise<string> | string;
  embedder: ImageEmbedder;
  cache: VectorCache;
  gemm: Gemm;
  /** The pixel limit, where the user can set it (the CLI's --max-pixels); the default otherwise. */
  maxPixels?: number;
}
