// Model manifests: what a model file expects and produces. Pure types and checks, no Node APIs.

export interface ModelVariant {
  file: string;
  bytes: number;
  note: string;
}

export interface ModelManifest {
  id: string;
  version: string;
  modality: 'image' | 'text';
  /** The variant served by default, relative to the manifest's folder. */
  file: string;
  variants: ModelVariant[];
  /**
   * What the graph's image input expects. The pipeline always makes NHWC RGB pixels in [0, 1] at
   * width×height; the embedder adapts them to this: colour order, then `range` (0 ↦ range[0],
   * 1 ↦ range[1]), then (x − mean) / std per channel when given, then the layout.
   */
  input: {
    name: string;
    layout: 'NHWC' | 'NCHW';
    width: number;
    height: number;
    channels: 3;
    range: [number, number];
    /** Per channel, in the model's colour order, applied after `range`. */
    mean?: [number, number, number];
    std?: [number, number, number];
    /** Default 'RGB'. */
    colour?: 'RGB' | 'BGR';
    resize: 'antialiased-triangle';
    alphaBackground: 'white';
  };
  output: { name: string; dimension: number };
  /** Cosine distance below which two items count as near-duplicates. */
  nearDuplicateThreshold: { value: number; calibration: Record<string, unknown> | null };
  licence: string;
  origin: string;
}

export const MANIFEST_FILE = 'manifest.json';

/** The file for a variant name ('fp32' → model-fp32.onnx), or the default file. */
export function variantFile(m: ModelManifest, variant?: string): string {
  if (!variant) return m.file;
  const hit = m.variants.find((v) => v.file === variant || v.file === `model-${variant}.onnx`);
  if (!hit) throw new Error(`model ${m.id}: no variant ${variant} (have ${m.variants.map((v) => v.file).join(', ')})`);
  return hit.file;
}

/**
 * Checks a parsed manifest.json (e.g. a user's own model) and returns it typed; every problem names
 * the field. Fields with a single possible value may be left out of an image model's manifest and
 * are filled in (variants: none; input.resize, input.alphaBackground); `mean`, `std` and `colour`
 * stay absent when absent (docs/models.md, "The manifest").
 */
export function parseManifest(raw: unknown): ModelManifest {
  const given = raw as ModelManifest;
  const m: ModelManifest = given && typeof given === 'object' && given.modality === 'image' && given.input && typeof given.input === 'object'
    ? { ...given, variants: given.variants ?? [], input: { ...given.input, resize: given.input.resize ?? 'antialiased-triangle', alphaBackground: given.input.alphaBackground ?? 'white' } }
    : given;
  const bad = (why: string): never => {
    throw new Error(`invalid model manifest${m && typeof m.id === 'string' ? ` ${m.id}` : ''}: ${why}`);
  };
  if (!m || typeof m !== 'object') bad('not an object');
  if (typeof m.id !== 'string' || !m.id) bad('id must be a non-empty string');
  if (m.modality !== 'image' && m.modality !== 'text') bad(`modality must be "image" or "text", got ${JSON.stringify(m.modality)}`);
  if (typeof m.file !== 'string' || !m.file.endsWith('.onnx')) bad(`file must name the model's .onnx file, got ${JSON.stringify(m.file)}`);
  if (!Array.isArray(m.variants)) bad('variants must be a list');
  if (!m.input || typeof m.input.name !== 'string') bad('input.name must name the graph input');
  if (m.modality === 'image') checkImageInput(m.input, bad);
  if (!m.output || typeof m.output.name !== 'string' || !m.output.name) bad('output.name must name the graph output');
  if (!Number.isInteger(m.output.dimension) || !(m.output.dimension > 0)) bad(`output.dimension must be a whole number above 0, got ${JSON.stringify(m.output.dimension)}`);
  const t = m.nearDuplicateThreshold?.value;
  if (typeof t !== 'number' || !(t >= 0 && t <= 2)) bad(`nearDuplicateThreshold.value must be a cosine distance in [0, 2], got ${JSON.stringify(t)}`);
  return m;
}

const isNumbers = (x: unknown, n: number): x is number[] =>
  Array.isArray(x) && x.length === n && x.every((v) => typeof v === 'number' && Number.isFinite(v));

function checkImageInput(input: ModelManifest['input'], bad: (why: string) => never): void {
  const got = (v: unknown) => `got ${JSON.stringify(v)}`;
  for (const side of ['width', 'height'] as const) {
    const v = input[side];
    if (!Number.isInteger(v) || v < 1 || v > 4096) bad(`input.${side} must be a whole number of pixels in [1, 4096], ${got(v)}`);
  }
  if (input.layout !== 'NHWC' && input.layout !== 'NCHW') bad(`input.layout must be "NHWC" or "NCHW", ${got(input.layout)}`);
  if (input.channels !== 3) bad(`input.channels must be 3 (RGB or BGR), ${got(input.channels)}`);
  if (!isNumbers(input.range, 2) || input.range[0] === input.range[1]) bad(`input.range must be two different numbers [lo, hi] (what 0 and 1 become), ${got(input.range)}`);
  if (input.mean !== undefined && !isNumbers(input.mean, 3)) bad(`input.mean must be three numbers, one per channel, ${got(input.mean)}`);
  if (input.std !== undefined && (!isNumbers(input.std, 3) || input.std.some((s) => s === 0))) bad(`input.std must be three non-zero numbers, one per channel, ${got(input.std)}`);
  if (input.colour !== undefined && input.colour !== 'RGB' && input.colour !== 'BGR') bad(`input.colour must be "RGB" or "BGR", ${got(input.colour)}`);
  if (input.resize !== 'antialiased-triangle') bad(`input.resize must be "antialiased-triangle" (the only resize the pipeline does), ${got(input.resize)}`);
  if (input.alphaBackground !== 'white') bad(`input.alphaBackground must be "white", ${got(input.alphaBackground)}`);
}

/** A text model: token ids + mask in, one unit vector per text out. */
export interface TextModelManifest {
  id: string;
  version: string;
  modality: 'text';
  file: string;
  variants: ModelVariant[];
  /** `name` is the ids input (kept for tools that read input.name); ids int64 [N,T], mask float [N,T]. */
  input: { name: string; ids: string; mask: string; maxTokens: number };
  tokenizer: {
    kind: 'sentencepiece-unigram';
    /** Vocabulary file ([piece, score] pairs) relative to the manifest's folder. */
    vocab: string;
    normalisation: 'NFKC';
    wordPrefix: string;
    reservedPieces: number;
    unkId: number;
  };
  /** How texts longer than maxTokens are embedded. */
  longText: { rule: 'chunk-mean'; note: string };
  output: { name: string; dimension: number };
  nearDuplicateThreshold: { value: number; calibration: Record<string, unknown> | null };
  licence: string;
  origin: string;
}

/** Checks a parsed text-model manifest.json and returns it typed. */
export function parseTextManifest(raw: unknown): TextModelManifest {
  const m = raw as TextModelManifest;
  const bad = (why: string): never => {
    throw new Error(`invalid text model manifest${m && typeof m.id === 'string' ? ` ${m.id}` : ''}: ${why}`);
  };
  if (!m || typeof m !== 'object') bad('not an object');
  if (m.modality !== 'text') bad('modality is not text');
  if (typeof m.id !== 'string' || !m.id) bad('id');
  if (typeof m.file !== 'string' || !m.file.endsWith('.onnx')) bad('file');
  if (!m.input || typeof m.input.ids !== 'string' || typeof m.input.mask !== 'string' || !(m.input.maxTokens > 0)) bad('input');
  if (!m.tokenizer || m.tokenizer.kind !== 'sentencepiece-unigram' || typeof m.tokenizer.vocab !== 'string') bad('tokenizer');
  if (!m.output || typeof m.output.name !== 'string' || !(m.output.dimension > 0)) bad('output');
  const t = m.nearDuplicateThreshold?.value;
  if (typeof t !== 'number' || !(t >= 0 && t <= 2)) bad('nearDuplicateThreshold.value');
  return m;
}
