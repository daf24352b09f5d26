// The pipeline makes one kind of batch for every image model: NHWC, RGB, values in [0, 1], at the
// manifest's width × height (preprocess.ts). A model may expect another colour order, range,
// per-channel mean/std or layout (its manifest's `input`, docs/models.md "How a model's input is
// made"); this turns the one batch into what the graph takes. Pure, and no copy at all when the
// model takes the batch as it is (the built-ins), so their numbers are bit for bit unchanged.
import type { ModelManifest } from './manifest.ts';

export type ImageInputSpec = Pick<ModelManifest['input'], 'layout' | 'width' | 'height' | 'range' | 'mean' | 'std' | 'colour'>;

/** Whether the batch goes to the model unchanged. */
export function isIdentityInput(spec: ImageInputSpec): boolean {
  return spec.layout === 'NHWC' && (spec.colour ?? 'RGB') === 'RGB' && spec.range[0] === 0 && spec.range[1] === 1 && !spec.mean && !spec.std;
}

/**
 * `batch`: n × H × W × 3, NHWC RGB in [0, 1]. Returns the tensor the model takes and its dims: per
 * pixel, colour order first, then x ↦ lo + x·(hi − lo), then (x − mean[c]) / std[c] with c in the
 * model's colour order, laid out NHWC or NCHW. Returns `batch` itself for an identity spec.
 */
export function adaptImageBatch(batch: Float32Array, n: number, spec: ImageInputSpec): { data: Float32Array; dims: number[] } {
  const { width: w, height: h } = spec;
  const hw = h * w;
  if (batch.length !== n * hw * 3) throw new RangeError(`adaptImageBatch: expected ${n}×${h}×${w}×3 floats, got ${batch.length}`);
  const nchw = spec.layout === 'NCHW';
  const dims = nchw ? [n, 3, h, w] : [n, h, w, 3];
  if (isIdentityInput(spec)) return { data: batch, dims };

  const bgr = spec.colour === 'BGR';
  const [lo, hi] = spec.range;
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  // One affine map per model channel c: y = x·scale[c] + shift[c], x the source channel's value.
  const scale = [0, 1, 2].map((c) => (hi - lo) / std[c]);
  const shift = [0, 1, 2].map((c) => (lo - mean[c]) / std[c]);
  const source = bgr ? [2, 1, 0] : [0, 1, 2];
  const out = new Float32Array(batch.length);
  for (let i = 0; i < n; i++) {
    const base = i * hw * 3;
    for (let c = 0; c < 3; c++) {
      const sc = scale[c], sh = shift[c], from = source[c];
      if (nchw) {
        const plane = base + c * hw;
        for (let p = 0; p < hw; p++) out[plane + p] = batch[base + p * 3 + from] * sc + sh;
      } else {
        for (let p = 0; p < hw; p++) out[base + p * 3 + c] = batch[base + p * 3 + from] * sc + sh;
      }
    }
  }
  return { data: out, dims };
}
