// What the pipeline needs from a platform's decoders and models, declared once so that the
// adapters (models/, ingest/) and the pipeline that calls them both import it from here: a leaf
// that imports nothing but the manifest types.
import type { ModelManifest, TextModelManifest } from '../models/manifest.ts';

export interface DecodedImage {
  data: Uint8Array | Uint8ClampedArray; // RGBA
  width: number;
  height: number;
  orientation?: number;
}

export interface ImageEmbedder {
  manifest: ModelManifest;
  /** A user's own model only: the SHA-256 (hex) of its .onnx file, which keys its cached vectors. */
  sha256?: string;
  /** batch: n × H × W × 3 floats (NHWC, [0,1]) → n × dim, L2-normalised. */
  embed(batch: Float32Array, n: number): Promise<Float32Array>;
}

export interface TextEmbedder {
  manifest: TextModelManifest;
  /** One unit vector per text: texts.length × dim. */
  embed(texts: readonly string[]): Promise<Float32Array>;
  /** Set when embed() reads only a text's first `maxTokens` tokens; `count`: how many of `texts` are longer. */
  truncation?: { maxTokens: number; count(texts: readonly string[]): number };
}
